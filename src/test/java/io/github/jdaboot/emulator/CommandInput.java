package io.github.jdaboot.emulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a user gave a slash command, checked against the command the bot registered and
 * typed as Discord types it, before any INTERACTION_CREATE: the subcommand path, unknown
 * and missing options, each value's type, {@code min_value}/{@code max_value},
 * {@code min_length}/{@code max_length} (in characters), {@code choices} and
 * {@code channel_types}. Every problem is reported at once, as Discord does, in an
 * {@link InteractionRejectedException} with code 50035 and Discord's {@code errors}
 * object.
 * <p>
 * Values may be typed ({@link Number}, {@link Boolean}, {@link EmulatedUser},
 * {@link EmulatedRole}, {@link EmulatedChannel},
 * {@link EmulatedMessage.EmulatedAttachment}) or text as a user types it, which is
 * converted as Discord's client converts it: {@code "6"} for an integer or number,
 * {@code "true"} for a boolean, a choice's name for its value, {@code "@bob"},
 * {@code "bob"}, {@code "<@id>"} or an id for a user, {@code "#general"},
 * {@code "general"}, {@code "<#id>"} or an id for a channel of the guild,
 * {@code "@&Moderators"}, {@code "Moderators"}, {@code "@everyone"}, {@code "<@&id>"} or
 * an id for a role of the guild, and any of the user or role forms for a mentionable.
 * Numbers and booleans given for a string option are taken as their text. An attachment
 * can only be given as an attachment.
 * <p>
 * While a user types an option registered with autocomplete, the options given so far are
 * checked the same way (none is required yet) and the one being typed goes to the bot as
 * the text typed, marked {@code focused}.
 */
final class CommandInput {

    /**
     * One option as the interaction carries it: a typed value, or the options of a
     * subcommand or group; {@code focused} for the option being typed, whose value is the
     * text typed so far.
     */
    record Option(String name, int type, @Nullable Object value, List<Option> options, boolean focused) {
    }

    static final int SUB_COMMAND = 1;
    static final int SUB_COMMAND_GROUP = 2;
    static final int STRING = 3;
    static final int INTEGER = 4;
    static final int BOOLEAN = 5;
    static final int USER = 6;
    static final int CHANNEL = 7;
    static final int ROLE = 8;
    static final int MENTIONABLE = 9;
    static final int NUMBER = 10;
    static final int ATTACHMENT = 11;

    /** INTEGER options take any integer between -(2^53 - 1) and 2^53 - 1. */
    static final long MAX_INTEGER = (1L << 53) - 1;

    /** NUMBER options take any double between -2^53 and 2^53. */
    static final double MAX_NUMBER = 0x1p53;

    /** The longest a string option may be, and the default maximum. */
    static final int MAX_LENGTH = 6000;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d+");

    private static final Pattern NUMBER_TEXT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");

    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d{1,20})>");

    private static final Pattern CHANNEL_MENTION = Pattern.compile("<#(\\d{1,20})>");

    private static final Pattern PARTIAL_INTEGER = Pattern.compile("-?\\d*");

    private static final Pattern PARTIAL_NUMBER = Pattern.compile("-?\\d*\\.?\\d*");

    /** A value Discord refuses: one entry of {@code _errors}. */
    private static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

    }

    private final EmulatorWorld world;

    private final EmulatedChannel channel;

    private final @Nullable EmulatedGuild guild;

    private final FormErrors errors = new FormErrors();

    private final @Nullable String focused;

    private final String typed;

    private CommandInput(EmulatorWorld world, EmulatedChannel channel, @Nullable String focused, String typed) {
        this.world = world;
        this.channel = channel;
        this.guild = world.guild(channel.guildId()).orElse(null);
        this.focused = focused;
        this.typed = typed;
    }

    /**
     * Checks the input against the registered command and types its values.
     * @param focused the option being typed for an autocomplete, null when the command is
     * run
     * @param typed the text typed so far into the focused option
     * @return the options of the interaction's {@code data}
     * @throws InteractionRejectedException with status 400 and code 50035 when Discord
     * would refuse the input
     * @throws IllegalArgumentException when the focused option is unknown or not
     * registered with autocomplete: Discord's client sends no autocomplete for it
     */
    static List<Option> check(RegisteredCommand command, SlashCommand input, @Nullable String focused, String typed,
            EmulatedChannel channel, EmulatorWorld world) {
        CommandInput check = new CommandInput(world, channel, focused, typed);
        List<Option> options = check.options(command.options(), input.path().subList(1, input.path().size()),
                input.options(), "", "data.options");
        check.errors.reject();
        return options;
    }

    /**
     * What a user picked in a user (5), role (6), mentionable (7) or channel (8) select,
     * as for an option of that kind (an id, a mention or a name), channels within the
     * select's {@code channel_types}.
     * @return the user, role or channel; null when Discord's client would not offer it,
     * with the problem added
     */
    static @Nullable Object picked(JsonNode select, String value, EmulatedChannel channel, EmulatorWorld world,
            FormErrors errors, String at) {
        CommandInput input = new CommandInput(world, channel, null, "");
        try {
            return switch (select.path("type").asInt(0)) {
                case Components.USER_SELECT -> input.user(value);
                case Components.ROLE_SELECT -> input.role(value);
                case Components.MENTIONABLE_SELECT -> input.mentionable(value);
                default -> input.channel(select, value);
            };
        }
        catch (Refused refused) {
            errors.add(at, refused.code, refused.getMessage());
            return null;
        }
    }

    /* ---------------------------------------------------------------- structure */

    private List<Option> options(JsonNode definitions, List<String> subcommands, Map<String, Object> values,
            String label, String at) {
        if (!subcommands.isEmpty() || !names(definitions, true).isEmpty()) {
            return subcommand(definitions, subcommands, values, label, at);
        }
        List<Option> options = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = entry.getKey();
            if (name.equals(this.focused)) {
                continue;
            }
            String optionAt = at + "." + index++;
            JsonNode definition = find(definitions, name, false);
            if (definition == null) {
                refuse(optionAt + ".name", label + name,
                        new Refused("BASE_TYPE_CHOICES", oneOf("options", names(definitions, false))));
                continue;
            }
            try {
                options.add(new Option(name, definition.path("type").asInt(), value(definition, entry.getValue()),
                        List.of(), false));
            }
            catch (Refused refused) {
                refuse(optionAt + ".value", label + name, refused);
            }
        }
        if (this.focused != null) {
            options.add(focused(definitions, label, at + "." + index));
            return options;
        }
        for (JsonNode definition : definitions) {
            String name = definition.path("name").asString("");
            if (definition.path("required").asBoolean(false) && !values.containsKey(name)) {
                refuse(at + "." + index++ + ".value", label + name,
                        new Refused("BASE_TYPE_REQUIRED", "This field is required"));
            }
        }
        return options;
    }

    private List<Option> subcommand(JsonNode definitions, List<String> path, Map<String, Object> values, String label,
            String at) {
        List<String> names = names(definitions, true);
        if (path.isEmpty()) {
            refuse(at + ".0.name", label + "subcommand",
                    new Refused("BASE_TYPE_REQUIRED", "This field is required: one of " + quoted(names) + "."));
            return List.of();
        }
        String name = path.getFirst();
        JsonNode definition = find(definitions, name, true);
        if (definition == null) {
            refuse(at + ".0.name", label + name, new Refused("BASE_TYPE_CHOICES", oneOf("subcommands", names)));
            return List.of();
        }
        return List.of(new Option(name, definition.path("type").asInt(), null, options(definition.path("options"),
                path.subList(1, path.size()), values, label + name + ".", at + ".0.options"), false));
    }

    /**
     * The option being typed, with the text typed; a number option's text must be the
     * start of a number.
     */
    private Option focused(JsonNode definitions, String label, String at) {
        String name = label + this.focused;
        JsonNode definition = find(definitions, this.focused, false);
        if (definition == null) {
            throw new IllegalArgumentException(
                    "No option '" + name + "' to autocomplete: the options are " + quoted(names(definitions, false)));
        }
        if (!definition.path("autocomplete").asBoolean(false)) {
            throw new IllegalArgumentException("Discord sends no autocomplete for option '" + name
                    + "': it is not registered with \"autocomplete\": true");
        }
        int type = definition.path("type").asInt();
        if ((type == INTEGER && !PARTIAL_INTEGER.matcher(this.typed).matches())
                || (type == NUMBER && !PARTIAL_NUMBER.matcher(this.typed).matches())) {
            refuse(at + ".value", name, new Refused("NUMBER_TYPE_COERCE",
                    "Value \"" + this.typed + "\" is not " + ((type == INTEGER) ? "int." : "float.")));
        }
        return new Option(this.focused, type, this.typed, List.of(), true);
    }

    private static @Nullable JsonNode find(JsonNode definitions, String name, boolean subcommand) {
        for (JsonNode definition : definitions) {
            if (definition.path("name").asString("").equals(name) && isSubcommand(definition) == subcommand) {
                return definition;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode definitions, boolean subcommands) {
        List<String> names = new ArrayList<>();
        for (JsonNode definition : definitions) {
            if (isSubcommand(definition) == subcommands) {
                names.add(definition.path("name").asString(""));
            }
        }
        return names;
    }

    private static boolean isSubcommand(JsonNode definition) {
        int type = definition.path("type").asInt();
        return type == SUB_COMMAND || type == SUB_COMMAND_GROUP;
    }

    private static String oneOf(String what, List<String> names) {
        return names.isEmpty() ? "Value must be one of {}: no " + what + " are registered here."
                : "Value must be one of " + quoted(names) + ".";
    }

    static String quoted(List<String> names) {
        return names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * Adds an entry to {@code errors} at a dotted path such as
     * {@code data.options.0.value}.
     */
    private void refuse(String at, String label, Refused refused) {
        this.errors.add(at, label, refused.code, refused.getMessage());
    }

    /* ---------------------------------------------------------------- values */

    private Object value(JsonNode definition, Object value) {
        int type = definition.path("type").asInt();
        JsonNode choices = definition.path("choices");
        if (!choices.isEmpty() && (type == STRING || type == INTEGER || type == NUMBER)) {
            return choice(type, choices, value);
        }
        return switch (type) {
            case STRING -> string(definition, value);
            case INTEGER -> integer(definition, value);
            case NUMBER -> number(definition, value);
            case BOOLEAN -> bool(value);
            case USER -> user(value);
            case CHANNEL -> channel(definition, value);
            case ROLE -> role(value);
            case MENTIONABLE -> mentionable(value);
            case ATTACHMENT -> attachment(value);
            default -> throw new Refused("BASE_TYPE_CHOICES", "Option type " + type + " takes no value.");
        };
    }

    /**
     * With choices, only a choice's value is valid; a choice's name, as a user picks it,
     * stands for its value.
     */
    private static Object choice(int type, JsonNode choices, Object value) {
        for (JsonNode choice : choices) {
            if (sameValue(type, choice.path("value"), value)) {
                return typed(type, choice.path("value"));
            }
        }
        if (value instanceof String text) {
            for (JsonNode choice : choices) {
                if (choice.path("name").asString("").equalsIgnoreCase(text.strip())) {
                    return typed(type, choice.path("value"));
                }
            }
        }
        List<String> values = new ArrayList<>();
        choices.forEach((choice) -> values
            .add((type == STRING) ? "'" + choice.path("value").asString() + "'" : choice.path("value").toString()));
        throw new Refused("BASE_TYPE_CHOICES", "Value must be one of {" + String.join(", ", values) + "}.");
    }

    private static boolean sameValue(int type, JsonNode choice, Object value) {
        if (type == STRING) {
            return (value instanceof String || value instanceof Number || value instanceof Boolean)
                    && choice.asString("").equals(String.valueOf(value));
        }
        BigDecimal number = decimal(value);
        return number != null && choice.isNumber() && number.compareTo(choice.decimalValue()) == 0;
    }

    private static Object typed(int type, JsonNode value) {
        return switch (type) {
            case INTEGER -> value.asLong();
            case NUMBER -> value.asDouble();
            default -> value.asString();
        };
    }

    private static String string(JsonNode definition, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new Refused("STRING_TYPE_COERCE", "Could not interpret \"" + describe(value) + "\" as string.");
        }
        String text = String.valueOf(value);
        int length = text.codePointCount(0, text.length());
        int min = definition.path("min_length").asInt(1);
        int max = definition.path("max_length").asInt(MAX_LENGTH);
        if (length < min || length > max) {
            throw new Refused("BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
        return text;
    }

    private static long integer(JsonNode definition, Object value) {
        BigInteger number = switch (value) {
            case Long n -> BigInteger.valueOf(n);
            case Integer n -> BigInteger.valueOf(n);
            case Short n -> BigInteger.valueOf(n);
            case Byte n -> BigInteger.valueOf(n);
            case BigInteger n -> n;
            case String text when INTEGER_TEXT.matcher(text.strip()).matches() -> new BigInteger(text.strip());
            default -> throw new Refused("NUMBER_TYPE_COERCE", "Value \"" + describe(value) + "\" is not int.");
        };
        BigDecimal decimal = new BigDecimal(number);
        within(decimal, BigDecimal.valueOf(-MAX_INTEGER), BigDecimal.valueOf(MAX_INTEGER), "int");
        within(decimal, bound(definition, "min_value"), bound(definition, "max_value"), "int");
        return number.longValue();
    }

    private static double number(JsonNode definition, Object value) {
        double number = switch (value) {
            case Number n -> n.doubleValue();
            case String text when NUMBER_TEXT.matcher(text.strip()).matches() -> Double.parseDouble(text.strip());
            default -> Double.NaN;
        };
        if (!Double.isFinite(number)) {
            throw new Refused("NUMBER_TYPE_COERCE", "Value \"" + describe(value) + "\" is not float.");
        }
        BigDecimal decimal = BigDecimal.valueOf(number);
        within(decimal, BigDecimal.valueOf(-MAX_NUMBER), BigDecimal.valueOf(MAX_NUMBER), "float");
        within(decimal, bound(definition, "min_value"), bound(definition, "max_value"), "float");
        return number;
    }

    private static @Nullable BigDecimal bound(JsonNode definition, String field) {
        JsonNode bound = definition.path(field);
        return bound.isNumber() ? bound.decimalValue() : null;
    }

    private static void within(BigDecimal value, @Nullable BigDecimal min, @Nullable BigDecimal max, String kind) {
        if (min != null && value.compareTo(min) < 0) {
            throw new Refused("NUMBER_TYPE_MIN",
                    kind + " value should be greater than or equal to " + plain(min) + ".");
        }
        if (max != null && value.compareTo(max) > 0) {
            throw new Refused("NUMBER_TYPE_MAX", kind + " value should be less than or equal to " + plain(max) + ".");
        }
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static @Nullable BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal n -> n;
            case BigInteger n -> new BigDecimal(n);
            case Double n when Double.isFinite(n) -> BigDecimal.valueOf(n);
            case Float n when Float.isFinite(n) -> BigDecimal.valueOf(n);
            case Long n -> BigDecimal.valueOf(n);
            case Integer n -> BigDecimal.valueOf(n);
            case Short n -> BigDecimal.valueOf(n);
            case Byte n -> BigDecimal.valueOf(n);
            case String text when NUMBER_TEXT.matcher(text.strip()).matches() -> new BigDecimal(text.strip());
            default -> null;
        };
    }

    private static boolean bool(Object value) {
        return switch (value) {
            case Boolean flag -> flag;
            case String text when "true".equalsIgnoreCase(text.strip()) -> true;
            case String text when "false".equalsIgnoreCase(text.strip()) -> false;
            default -> throw new Refused("BOOLEAN_TYPE_COERCE", "Value \"" + describe(value) + "\" is not bool.");
        };
    }

    private EmulatedUser user(Object value) {
        return switch (value) {
            case EmulatedUser user -> known(this.world.user(user.id()), "User");
            case Long id -> known(this.world.user(id), "User");
            case String text -> {
                String id = id(text.strip(), USER_MENTION);
                if (id != null) {
                    yield known(this.world.user(snowflake(id, value)), "User");
                }
                String name = text.strip().startsWith("@") ? text.strip().substring(1) : text.strip();
                yield this.world.userNamed(name).orElseThrow(() -> notSnowflake(value));
            }
            default -> throw notSnowflake(value);
        };
    }

    private EmulatedChannel channel(JsonNode definition, Object value) {
        EmulatedChannel channel = switch (value) {
            case EmulatedChannel given -> visible(this.world.channel(given.id()));
            case Long id -> visible(this.world.channel(id));
            case String text -> {
                String id = id(text.strip(), CHANNEL_MENTION);
                if (id != null) {
                    yield visible(this.world.channel(snowflake(id, value)));
                }
                String name = text.strip().startsWith("#") ? text.strip().substring(1) : text.strip();
                yield channels().stream()
                    .filter((candidate) -> candidate.name().equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> notSnowflake(value));
            }
            default -> throw notSnowflake(value);
        };
        List<String> allowed = new ArrayList<>();
        definition.path("channel_types").forEach((type) -> allowed.add(type.asString()));
        if (!allowed.isEmpty() && !allowed.contains(Integer.toString(channel.type()))) {
            throw new Refused("CHANNEL_TYPE_INVALID", "Channel \"#" + channel.name() + "\" is of type " + channel.type()
                    + ", not one of {" + String.join(", ", allowed) + "}.");
        }
        return channel;
    }

    /**
     * The channels a user can pick: the guild's, or in a direct message only that
     * conversation.
     */
    private List<EmulatedChannel> channels() {
        return (this.guild != null) ? this.guild.channels() : List.of(this.channel);
    }

    private EmulatedChannel visible(Optional<EmulatedChannel> channel) {
        return known(channel.filter((candidate) -> channels().stream().anyMatch((c) -> c.id() == candidate.id())),
                "Channel");
    }

    private EmulatedRole role(Object value) {
        List<EmulatedRole> roles = (this.guild != null) ? this.guild.roles() : List.of();
        Function<Long, EmulatedRole> byId = (id) -> known(roles.stream().filter((role) -> role.id() == id).findFirst(),
                "Role");
        return switch (value) {
            case EmulatedRole role -> byId.apply(role.id());
            case Long id -> byId.apply(id);
            case String text -> {
                String id = id(text.strip(), ROLE_MENTION);
                if (id != null) {
                    yield byId.apply(snowflake(id, value));
                }
                List<String> names = Arrays.asList(text.strip(), text.strip().replaceFirst("^@&?", ""));
                yield roles.stream()
                    .filter((role) -> names.stream().anyMatch(role.name()::equalsIgnoreCase))
                    .findFirst()
                    .orElseThrow(() -> notSnowflake(value));
            }
            default -> throw notSnowflake(value);
        };
    }

    /**
     * A user or a role: {@code @&} and role mentions are roles, anything else is a user
     * first, then a role.
     */
    private Object mentionable(Object value) {
        boolean roleText = value instanceof String text
                && (text.strip().startsWith("@&") || text.strip().startsWith("<@&"));
        if (value instanceof EmulatedRole || roleText) {
            return role(value);
        }
        try {
            return user(value);
        }
        catch (Refused notUser) {
            try {
                return role(value);
            }
            catch (Refused notRole) {
                throw notUser;
            }
        }
    }

    private static EmulatedMessage.EmulatedAttachment attachment(Object value) {
        if (value instanceof EmulatedMessage.EmulatedAttachment attachment) {
            return attachment;
        }
        throw new Refused("NUMBER_TYPE_COERCE",
                "Value \"" + describe(value) + "\" is not snowflake: an attachment option takes an uploaded file.");
    }

    /**
     * The id in a mention such as {@code <@123>}, or the text itself when it is an id;
     * null otherwise.
     */
    private static @Nullable String id(String text, Pattern mention) {
        Matcher matcher = mention.matcher(text);
        if (matcher.matches()) {
            return matcher.group(1);
        }
        return SNOWFLAKE.matcher(text).matches() ? text : null;
    }

    private static long snowflake(String id, Object value) {
        try {
            return Long.parseUnsignedLong(id);
        }
        catch (NumberFormatException ex) {
            throw notSnowflake(value);
        }
    }

    private static <T> T known(Optional<T> found, String what) {
        return found.orElseThrow(() -> new Refused("UNKNOWN_" + what.toUpperCase(Locale.ROOT), "Unknown " + what));
    }

    private static Refused notSnowflake(Object value) {
        return new Refused("NUMBER_TYPE_COERCE", "Value \"" + describe(value) + "\" is not snowflake.");
    }

    /** The value as a user would recognise it in a message. */
    private static String describe(Object value) {
        return switch (value) {
            case EmulatedUser user -> "@" + user.username();
            case EmulatedRole role -> "@&" + role.name();
            case EmulatedChannel channel -> "#" + channel.name();
            case EmulatedMessage.EmulatedAttachment attachment -> attachment.filename();
            default -> String.valueOf(value);
        };
    }

}
