package io.github.jdaboot.command;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import org.jspecify.annotations.Nullable;

/**
 * Fills a command method's arguments: options from a slash command's option mappings or from the
 * words of a prefix command, context values by type. Input that cannot be used becomes a
 * {@link BadInputException} whose message names the option and what was expected.
 * <p>
 * Runs on the command's virtual thread, so looking a user or member up by id may wait for Discord.
 */
final class ArgumentResolver {

    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d{1,20})>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d{1,20})>");
    private static final Pattern CHANNEL_MENTION = Pattern.compile("<#(\\d{1,20})>");
    private static final Pattern ID = Pattern.compile("\\d{15,20}");

    private ArgumentResolver() {
    }

    static @Nullable Object[] slash(CommandDefinition command, SlashCommandInteractionEvent event,
            CommandContext context) {
        List<ParameterBinding> parameters = command.parameters();
        @Nullable Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (parameters.get(i)) {
                case ParameterBinding.ContextParameter(ParameterBinding.ContextKind kind) -> contextValue(kind, context);
                case ParameterBinding.OptionParameter(OptionDefinition option) -> slashValue(option,
                        event.getOption(option.name()), event.getGuild());
            };
        }
        return arguments;
    }

    private static @Nullable Object slashValue(OptionDefinition option, @Nullable OptionMapping mapping,
            @Nullable Guild guild) {
        if (mapping == null) {
            if (option.required()) {
                throw missing(option);
            }
            return null;
        }
        return switch (option.kind()) {
            case STRING -> checkLength(option, mapping.getAsString());
            case LONG -> checkRange(option, mapping.getAsLong(), mapping.getAsString());
            case INT -> (int) checkRange(option, mapping.getAsLong(), mapping.getAsString());
            case DOUBLE -> checkRange(option, mapping.getAsDouble(), mapping.getAsString());
            case BOOLEAN -> mapping.getAsBoolean();
            case ENUM -> enumValue(option, mapping.getAsString());
            case USER -> mapping.getAsUser();
            case MEMBER -> {
                Member member = mapping.getAsMember();
                if (member == null) {
                    throw new BadInputException(mapping.getAsUser().getName() + " is not a member of this server, so "
                            + bold(option.name()) + " cannot be them.");
                }
                yield member;
            }
            case ROLE -> mapping.getAsRole();
            case CHANNEL -> channel(option, mapping.getAsChannel(), mapping.getAsString());
            case ATTACHMENT -> mapping.getAsAttachment();
        };
    }

    static @Nullable Object[] prefix(CommandDefinition command, String input, MessageReceivedEvent event,
            CommandContext context) {
        List<PrefixTokenizer.Token> tokens = PrefixTokenizer.tokenize(input);
        Deque<PrefixTokenizer.Token> words = new ArrayDeque<>(tokens);
        Deque<Message.Attachment> files = new ArrayDeque<>(event.getMessage().getAttachments());
        List<ParameterBinding> parameters = command.parameters();
        @Nullable Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (parameters.get(i)) {
                case ParameterBinding.ContextParameter(ParameterBinding.ContextKind kind) -> contextValue(kind, context);
                case ParameterBinding.OptionParameter(OptionDefinition option) -> {
                    if (option.kind() == OptionKind.ATTACHMENT) {
                        if (files.isEmpty() && option.required()) {
                            throw new BadInputException(bold(option.name()) + " is missing: attach a file to the message.");
                        }
                        yield files.pollFirst();
                    }
                    if (words.isEmpty()) {
                        if (option.required()) {
                            throw missing(option);
                        }
                        yield null;
                    }
                    PrefixTokenizer.Token word = words.pollFirst();
                    String text = word.text();
                    if (option.rest()) {
                        String rest = input.substring(word.start()).strip();
                        text = (words.isEmpty() && word.quoted()) ? word.text() : rest;
                        words.clear();
                    }
                    yield prefixValue(option, text, event);
                }
            };
        }
        return arguments;
    }

    private static Object prefixValue(OptionDefinition option, String text, MessageReceivedEvent event) {
        return switch (option.kind()) {
            case STRING -> checkLength(option, text);
            case LONG -> checkRange(option, parseLong(option, text), text);
            case INT -> (int) checkRange(option, parseLong(option, text), text);
            case DOUBLE -> checkRange(option, parseDouble(option, text), text);
            case BOOLEAN -> parseBoolean(option, text);
            case ENUM -> enumValue(option, text);
            case USER -> user(option, text, event);
            case MEMBER -> member(option, text, event);
            case ROLE -> role(option, text, event);
            case CHANNEL -> {
                Guild guild = guildOf(option, event);
                Long id = id(CHANNEL_MENTION, text);
                GuildChannel channel = (id != null) ? guild.getGuildChannelById(id) : null;
                if (channel == null) {
                    throw unreadable(option, text, "a channel of this server, like #general");
                }
                yield channel(option, channel, text);
            }
            case ATTACHMENT -> throw new IllegalStateException("attachments are not read from text");
        };
    }

    private static Object contextValue(ParameterBinding.ContextKind kind, CommandContext context) {
        return switch (kind) {
            case CONTEXT -> context;
            case USER -> context.user();
            case MEMBER -> context.member();
            case GUILD -> context.guild();
            case CHANNEL -> context.channel();
            case JDA -> context.jda();
            case EVENT, SLASH_EVENT, MESSAGE_EVENT -> context.event();
        };
    }

    /* ---------------------------------------------------------------- conversions */

    private static String checkLength(OptionDefinition option, String text) {
        if (text.length() > option.maxLength()) {
            throw new BadInputException(bold(option.name()) + " is too long: at most " + option.maxLength()
                    + " characters, please.");
        }
        return text;
    }

    private static long parseLong(OptionDefinition option, String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        }
        catch (NumberFormatException ex) {
            if (text.matches("[-+]?\\d+")) {
                throw outOfRange(option, text);
            }
            throw unreadable(option, text, "a whole number");
        }
    }

    private static double parseDouble(OptionDefinition option, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw outOfRange(option, text);
            }
            return value;
        }
        catch (NumberFormatException ex) {
            throw unreadable(option, text, "a number");
        }
    }

    private static long checkRange(OptionDefinition option, long value, String text) {
        double min = Math.max(option.min(), (option.kind() == OptionKind.INT) ? Integer.MIN_VALUE : Long.MIN_VALUE);
        double max = Math.min(option.max(), (option.kind() == OptionKind.INT) ? Integer.MAX_VALUE : Long.MAX_VALUE);
        if (value < min || value > max) {
            throw outOfRange(option, text);
        }
        return value;
    }

    private static double checkRange(OptionDefinition option, double value, String text) {
        if (value < option.min() || value > option.max()) {
            throw outOfRange(option, text);
        }
        return value;
    }

    private static boolean parseBoolean(OptionDefinition option, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "on", "1" -> true;
            case "no", "n", "false", "off", "0" -> false;
            default -> throw unreadable(option, text, "yes or no");
        };
    }

    private static Enum<?> enumValue(OptionDefinition option, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (Enum<?> choice : option.choices()) {
            if (OptionDefinition.choiceName(choice).equals(wanted) || choice.name().equalsIgnoreCase(text.strip())) {
                return choice;
            }
        }
        throw unreadable(option, text, "one of " + option.choices().stream().map(OptionDefinition::choiceName)
            .map((name) -> "`" + name + "`").collect(Collectors.joining(", ")));
    }

    private static User user(OptionDefinition option, String text, MessageReceivedEvent event) {
        Long id = id(USER_MENTION, text);
        if (id == null) {
            throw unreadable(option, text, "a user mention like @name, or a user id");
        }
        for (User mentioned : event.getMessage().getMentions().getUsers()) {
            if (mentioned.getIdLong() == id) {
                return mentioned;
            }
        }
        try {
            return event.getJDA().retrieveUserById(id).complete();
        }
        catch (ErrorResponseException ex) {
            throw new BadInputException("I can't find a user with id " + id + " for " + bold(option.name()) + ".");
        }
    }

    private static Member member(OptionDefinition option, String text, MessageReceivedEvent event) {
        Guild guild = guildOf(option, event);
        Long id = id(USER_MENTION, text);
        if (id == null) {
            throw unreadable(option, text, "a member mention like @name, or a user id");
        }
        for (Member mentioned : event.getMessage().getMentions().getMembers()) {
            if (mentioned.getIdLong() == id) {
                return mentioned;
            }
        }
        try {
            return guild.retrieveMemberById(id).complete();
        }
        catch (ErrorResponseException ex) {
            throw new BadInputException("I can't find a member of this server with id " + id + " for "
                    + bold(option.name()) + ".");
        }
    }

    private static Role role(OptionDefinition option, String text, MessageReceivedEvent event) {
        Guild guild = guildOf(option, event);
        Long id = id(ROLE_MENTION, text);
        Role role = (id != null) ? guild.getRoleById(id) : null;
        if (role == null) {
            List<Role> named = guild.getRolesByName(text.startsWith("@") ? text.substring(1) : text, true);
            role = (named.size() == 1) ? named.getFirst() : null;
        }
        if (role == null) {
            throw unreadable(option, text, "a role of this server: its name, mention or id");
        }
        return role;
    }

    private static Object channel(OptionDefinition option, GuildChannel channel, String text) {
        if (!option.channelTypes().isEmpty() && !option.channelTypes().contains(channel.getType())) {
            throw unreadable(option, text, "a channel of type " + option.channelTypes().stream()
                .map((type) -> type.name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(Collectors.joining(" or ")));
        }
        if (!option.javaType().isInstance(channel)) {
            throw unreadable(option, text, "a " + option.javaType().getSimpleName());
        }
        return channel;
    }

    private static Guild guildOf(OptionDefinition option, MessageReceivedEvent event) {
        if (!event.isFromGuild()) {
            throw new BadInputException(bold(option.name()) + " only makes sense in a server, not in direct messages.");
        }
        return event.getGuild();
    }

    /** The id in a mention matching the pattern, or a bare id; null when the text is neither. */
    private static @Nullable Long id(Pattern mention, String text) {
        Matcher matcher = mention.matcher(text);
        String digits = matcher.matches() ? matcher.group(1) : ID.matcher(text).matches() ? text : null;
        if (digits == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(digits);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /* ---------------------------------------------------------------- messages */

    static BadInputException missing(OptionDefinition option) {
        return new BadInputException(bold(option.name()) + " is missing.");
    }

    private static BadInputException unreadable(OptionDefinition option, String text, String expected) {
        return new BadInputException("I couldn't read " + bold(option.name()) + ": expected " + expected + ", got "
                + quote(text) + ".");
    }

    private static BadInputException outOfRange(OptionDefinition option, String text) {
        String range;
        boolean hasMin = option.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = option.max() != Double.POSITIVE_INFINITY;
        boolean whole = option.kind() == OptionKind.LONG || option.kind() == OptionKind.INT;
        double min = hasMin ? option.min() : (option.kind() == OptionKind.INT) ? Integer.MIN_VALUE : Long.MIN_VALUE;
        double max = hasMax ? option.max() : (option.kind() == OptionKind.INT) ? Integer.MAX_VALUE : Long.MAX_VALUE;
        range = "from " + number(min, whole) + " to " + number(max, whole);
        return new BadInputException(bold(option.name()) + " must be " + range + ", got " + quote(text) + ".");
    }

    private static String number(double value, boolean whole) {
        return whole ? Long.toString((long) value) : Double.toString(value);
    }

    static String bold(String name) {
        return "**" + name + "**";
    }

    /** User text shown back in a reply: in a code span, shortened, without backticks that would break it. */
    static String quote(String text) {
        String shown = text.replace("`", "'").replace("\n", " ");
        if (shown.codePointCount(0, shown.length()) > 40) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, 40)) + "…";
        }
        return shown.isBlank() ? "nothing" : "`" + shown + "`";
    }
}
