package io.github.jdaboot.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Discord's rules for application command definitions, as the registry applies them to a
 * create or a bulk overwrite before storing anything: names, descriptions, options (how
 * subcommands and groups nest, lengths, channel types), choices, localizations, where a
 * command is installed and may run, and how many commands of each type a scope may have.
 * Problems go to a {@link FormErrors}, under the JSON path Discord names them by.
 */
final class CommandValidator {

    /** How many commands of each type a scope may have. */
    private static final Map<Integer, Integer> LIMITS = Map.of(RegisteredCommand.SLASH, 100, RegisteredCommand.USER, 15,
            RegisteredCommand.MESSAGE, 15);

    /**
     * Discord's naming rule for slash commands and options (and their localized names);
     * letters must also be lower case where they have a lower case.
     */
    private static final Pattern COMMAND_NAME = Pattern.compile("[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}");

    /** Discord's integration types: installed to a server, to a user. */
    private static final Set<Integer> INTEGRATION_TYPES = Set.of(0, 1);

    /**
     * Discord's interaction context types: servers, the bot's DM, DMs between users and
     * group DMs.
     */
    private static final Set<Integer> CONTEXTS = Set.of(0, 1, 2);

    /** The channel types an option may offer: those of a server's channels. */
    private static final Set<Integer> CHANNEL_TYPES = Set.of(0, 2, 4, 5, 10, 11, 12, 13, 14, 15, 16);

    private CommandValidator() {
    }

    /** At most 100 slash commands and 15 user and 15 message commands a scope. */
    static void checkLimits(List<JsonNode> definitions) {
        for (Map.Entry<Integer, Integer> limit : LIMITS.entrySet()) {
            long count = definitions.stream()
                .filter((definition) -> RegisteredCommand.type(definition) == limit.getKey())
                .count();
            if (count > limit.getValue()) {
                throw new RestApi.DiscordError(400, 30032, "Maximum number of application commands reached ("
                        + limit.getValue()
                        + ((limit.getKey() == RegisteredCommand.SLASH) ? ")" : " of type " + limit.getKey() + ")"));
            }
        }
    }

    /**
     * Discord's rules for a command (problems to {@code errors} under {@code at}): a
     * slash command's name follows Discord's naming rule, its description has 1-100
     * characters, it has up to 25 options; a user or message command's name has 1-32
     * characters of any case, spaces allowed, and it has no description and no options.
     * Localizations are keyed by Discord's locales and follow the rule of the field they
     * localize.
     */
    static void validate(JsonNode command, FormErrors errors, String at) {
        int type = RegisteredCommand.type(command);
        if (!LIMITS.containsKey(type)) {
            errors.add(at + "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
            return;
        }
        field(command, "name", 32, type == RegisteredCommand.SLASH, errors, at);
        enums(command.path("integration_types"), INTEGRATION_TYPES, errors, at + "integration_types");
        enums(command.path("contexts"), CONTEXTS, errors, at + "contexts");
        JsonNode nsfw = command.path("nsfw");
        if (!nsfw.isMissingNode() && !nsfw.isNull() && !nsfw.isBoolean()) {
            errors.add(at + "nsfw", "BOOLEAN_TYPE_COERCE", "Must be either true or false.");
        }
        if (type == RegisteredCommand.SLASH) {
            field(command, "description", 100, false, errors, at);
            options(command.path("options"), 0, errors, at + "options");
            return;
        }
        localizations(command, "description_localizations", 100, false, errors, at);
        if (!Objects.requireNonNullElse(Payloads.text(command, "description"), "").isEmpty()) {
            errors.add(at + "description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID",
                    "Context menu commands cannot have description");
        }
        if (!command.path("options").isEmpty()) {
            errors.add(at + "options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID",
                    "Context menu commands cannot have options");
        }
    }

    /**
     * A list of Discord enum values, sent as numbers or as their text ("0", as JDA sends
     * them); null or absent for Discord's default.
     */
    private static void enums(JsonNode values, Set<Integer> allowed, FormErrors errors, String at) {
        if (values.isMissingNode() || values.isNull()) {
            return;
        }
        if (!values.isArray()) {
            errors.add(at, "BASE_TYPE_LIST", "Must be a list.");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String text = value.isString() ? value.asString() : value.toString();
            if (!text.matches("\\d{1,9}") || !allowed.contains(Integer.parseInt(text))) {
                errors.add(at + "." + i, "ENUM_TYPE_COERCE", "Value \"" + text + "\" is not a valid enum value.");
            }
        }
    }

    /**
     * Options: up to 25, each named and described, subcommands with theirs, autocomplete
     * or choices. Subcommands and groups nest as Discord allows: a command's options are
     * all subcommands and groups or none of them, a group holds subcommands only, a
     * subcommand holds none.
     * @param level 0 for a command's options, 1 for a group's or a subcommand's, 2 for a
     * grouped subcommand's
     */
    private static void options(JsonNode options, int level, FormErrors errors, String at) {
        if (options.size() > 25) {
            errors.add(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        long nesting = 0;
        for (JsonNode option : options) {
            int type = option.path("type").asInt(0);
            if (type == CommandInput.SUB_COMMAND || type == CommandInput.SUB_COMMAND_GROUP) {
                nesting++;
            }
        }
        if (nesting > 0 && nesting < options.size()) {
            errors.add(at, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "Sub-command and sub-command group option types are mutually exclusive to all other types");
        }
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String optionAt = at + "." + i + ".";
            int type = option.path("type").asInt(0);
            if (type < CommandInput.SUB_COMMAND || type > CommandInput.ATTACHMENT) {
                errors.add(optionAt + "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, ..., 11}.");
            }
            field(option, "name", 32, true, errors, optionAt);
            field(option, "description", 100, false, errors, optionAt);
            boolean group = type == CommandInput.SUB_COMMAND_GROUP;
            boolean subcommand = type == CommandInput.SUB_COMMAND;
            if ((group && level > 0) || (subcommand && level > 1)) {
                errors.add(optionAt + "type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                        group ? "Sub-command groups can only be nested in a command"
                                : "Sub-commands can only be nested in a command or a sub-command group");
            }
            else if (group && !option.path("options").isEmpty()) {
                for (int j = 0; j < option.path("options").size(); j++) {
                    if (option.path("options").get(j).path("type").asInt(0) != CommandInput.SUB_COMMAND) {
                        errors.add(optionAt + "options." + j + ".type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                                "Sub-command groups can only contain sub-commands");
                    }
                }
            }
            if (group || subcommand) {
                options(option.path("options"), level + 1, errors, optionAt + "options");
            }
            lengths(option, type, errors, optionAt);
            if (option.has("channel_types") && type == CommandInput.CHANNEL) {
                enums(option.path("channel_types"), CHANNEL_TYPES, errors, optionAt + "channel_types");
            }
            boolean choosable = type == CommandInput.STRING || type == CommandInput.INTEGER
                    || type == CommandInput.NUMBER;
            if (option.path("autocomplete").asBoolean(false) && !choosable) {
                errors.add(optionAt + "autocomplete", "BASE_TYPE_INVALID",
                        "Only STRING, INTEGER and NUMBER options can have autocomplete.");
            }
            else if (option.path("autocomplete").asBoolean(false) && !option.path("choices").isEmpty()) {
                errors.add(optionAt + "autocomplete", "BASE_TYPE_INVALID",
                        "Autocomplete may not be set on an option with choices.");
            }
            if (choosable) {
                choices(option.path("choices"), type, errors, optionAt + "choices");
            }
        }
    }

    /** A text option's {@code min_length} (0-6000) and {@code max_length} (1-6000). */
    private static void lengths(JsonNode option, int type, FormErrors errors, String at) {
        if (type != CommandInput.STRING) {
            return;
        }
        for (String field : List.of("min_length", "max_length")) {
            JsonNode value = option.path(field);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            int least = field.equals("min_length") ? 0 : 1;
            if (!value.isIntegralNumber()) {
                errors.add(at + field, "NUMBER_TYPE_COERCE", "Value \"" + value + "\" is not int.");
            }
            else if (value.asLong() < least) {
                errors.add(at + field, "NUMBER_TYPE_MIN", "Must be greater than or equal to " + least + ".");
            }
            else if (value.asLong() > CommandInput.MAX_LENGTH) {
                errors.add(at + field, "NUMBER_TYPE_MAX",
                        "Must be less than or equal to " + CommandInput.MAX_LENGTH + ".");
            }
        }
    }

    /**
     * Choices of an option, or suggested for one (callback 8): up to 25, names of 1-100
     * characters, values of the option's type, a string at most 100 characters.
     */
    static void choices(JsonNode choices, int type, FormErrors errors, String at) {
        if (choices.size() > 25) {
            errors.add(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode value = choices.get(i).path("value");
            String valueAt = at + "." + i + ".value";
            field(choices.get(i), "name", 100, false, errors, at + "." + i + ".");
            if (type == CommandInput.STRING && !value.isString()) {
                errors.add(valueAt, "STRING_TYPE_COERCE", "Could not interpret \"" + value + "\" as string.");
            }
            else if (type == CommandInput.STRING && value.asString().length() > 100) {
                errors.add(valueAt, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
            }
            else if (type != CommandInput.STRING
                    && !(value.isIntegralNumber() || (type == CommandInput.NUMBER && value.isNumber()))) {
                errors.add(valueAt, "NUMBER_TYPE_COERCE",
                        "Value \"" + value + "\" is not " + ((type == CommandInput.INTEGER) ? "int." : "float."));
            }
        }
    }

    /**
     * A name or description and its localizations: text of 1 to {@code max} characters,
     * slash command and option names by Discord's naming rule.
     */
    private static void field(JsonNode json, String field, int max, boolean commandName, FormErrors errors, String at) {
        text(json.path(field), max, commandName, errors, at + field);
        localizations(json, field + "_localizations", max, commandName, errors, at);
    }

    /**
     * A localization map: keyed by Discord's locales, each value by the rule of the field
     * it localizes.
     */
    private static void localizations(JsonNode json, String field, int max, boolean commandName, FormErrors errors,
            String at) {
        json.path(field).properties().forEach((entry) -> {
            if (!EmulatorWorld.LOCALES.contains(entry.getKey())) {
                errors.add(at + field + "." + entry.getKey(), "BASE_TYPE_CHOICES",
                        "Value must be one of " + CommandInput.quoted(EmulatorWorld.LOCALES) + ".");
            }
            else if (!entry.getValue().isNull()) {
                text(entry.getValue(), max, commandName, errors, at + field + "." + entry.getKey());
            }
        });
    }

    private static void text(JsonNode value, int max, boolean commandName, FormErrors errors, String at) {
        String text = value.isString() ? value.asString() : "";
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > max) {
            errors.add(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and " + max + " in length.");
        }
        else if (commandName
                && (!COMMAND_NAME.matcher(text).matches() || !text.equals(text.toLowerCase(Locale.ROOT)))) {
            errors.add(at, "APPLICATION_COMMAND_INVALID_NAME",
                    "Command name is invalid: '" + text + "' (lower case letters, numbers, - _ and ' only)");
        }
    }

}
