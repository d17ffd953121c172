package io.github.jdaboot.interaction.method.annotation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Choice;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.invocation.InteractionInvocation;
import io.github.jdaboot.interaction.invocation.PrefixInvocation;
import io.github.jdaboot.interaction.method.DiscordNames;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import io.github.jdaboot.interaction.option.OptionDefinition;
import io.github.jdaboot.interaction.option.OptionResolver;
import io.github.jdaboot.interaction.option.OptionSpec;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Fills {@link Option @Option} parameters: finds the value (a slash command's option, or
 * the next words of a prefix command), refuses a missing required one, and leaves reading
 * the value to the {@link OptionResolver} of the parameter's type. At startup it checks
 * each declaration against Discord's rules.
 */
public class OptionArgumentResolver implements InteractionArgumentResolver {

    private final List<OptionResolver> resolvers;

    private final Map<MethodParameter, OptionDefinition> definitions = new ConcurrentHashMap<>();

    public OptionArgumentResolver(List<OptionResolver> resolvers) {
        this.resolvers = resolvers;
    }

    @Override
    public Set<HandlerKind> supportedKinds() {
        return HandlerKind.COMMANDS;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Option.class);
    }

    /**
     * Checks and remembers one option of a command.
     * @param rest whether it takes the rest of a prefix command's text
     */
    public OptionDefinition define(HandlerMethod handler, MethodParameter parameter, boolean rest) {
        Option option = parameter.getParameterAnnotation(Option.class);
        Class<?> type = parameter.getParameterType();
        OptionResolver resolver = this.resolvers.stream()
            .filter((candidate) -> candidate.supports(type))
            .findFirst()
            .orElseThrow(() -> handler.invalid("@Command",
                    "unsupported type " + type.getSimpleName() + " for @Option parameter '"
                            + parameter.getParameterName() + "'; supported: String, long, int,"
                            + " double, boolean (or their wrappers), an enum, User, Member, Role, GuildChannel,"
                            + " GuildChannelUnion, GuildMessageChannel, TextChannel, ThreadChannel, VoiceChannel,"
                            + " Message.Attachment, or a type of a registered OptionResolver bean"));
        String name = option.name();
        if (name.isEmpty()) {
            if (parameter.getParameterName() == null) {
                throw handler.invalid("@Command",
                        "parameter names are not available: compile with -parameters," + " or set @Option(name = ...)");
            }
            name = parameter.getParameterName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
        DiscordNames.checkName(handler, "@Command", "option name", name);
        DiscordNames.checkDescription(handler, "@Command", "option '" + name + "'", option.description());
        if (!option.required() && type.isPrimitive()) {
            throw handler.invalid("@Command",
                    "optional option '" + name + "' has the primitive type " + type.getSimpleName()
                            + ", which cannot be absent: use "
                            + ClassUtils.resolvePrimitiveIfNecessary(type).getSimpleName());
        }
        if (option.min() > option.max()) {
            throw handler.invalid("@Command",
                    "option '" + name + "' has min " + option.min() + " above max " + option.max());
        }
        if (option.maxLength() < 1 || option.maxLength() > OptionData.MAX_STRING_OPTION_LENGTH) {
            throw handler.invalid("@Command", "option '" + name + "' has maxLength " + option.maxLength()
                    + ", Discord allows 1 to " + OptionData.MAX_STRING_OPTION_LENGTH);
        }
        if (option.minLength() < 0 || option.minLength() > OptionData.MAX_STRING_OPTION_LENGTH) {
            throw handler.invalid("@Command", "option '" + name + "' has minLength " + option.minLength()
                    + ", Discord allows 0 to " + OptionData.MAX_STRING_OPTION_LENGTH);
        }
        if (option.minLength() > option.maxLength()) {
            throw handler.invalid("@Command", "option '" + name + "' has minLength " + option.minLength()
                    + " above maxLength " + option.maxLength());
        }
        OptionType discordType = resolver.optionType(type);
        if (option.minLength() > 0 && (discordType != OptionType.STRING || type.isEnum())) {
            throw handler.invalid("@Command",
                    "option '" + name + "' has minLength, which Discord offers for text only");
        }
        if (option.channelTypes().length > 0 && discordType != OptionType.CHANNEL) {
            throw handler.invalid("@Command",
                    "option '" + name + "' has channelTypes, which Discord offers for channels only");
        }
        if (option.autocomplete() && (type.isEnum() || option.choices().length > 0 || (discordType != OptionType.STRING
                && discordType != OptionType.INTEGER && discordType != OptionType.NUMBER))) {
            throw handler.invalid("@Command", "option '" + name + "' has autocomplete, which Discord offers for text"
                    + " and numbers without choices only");
        }
        List<OptionSpec.Choice> choices = choices(handler, name, option, type, discordType);
        OptionDefinition definition = new OptionDefinition(new OptionSpec(name, option.description(), type,
                option.required(), option.min(), option.max(), option.maxLength(), option.minLength(), choices,
                Set.of(option.channelTypes()), rest && type == String.class, option.autocomplete()), resolver);
        try {
            definition.data();
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            throw handler.invalid("@Command",
                    "option '" + name + "' cannot be registered with Discord: " + ex.getMessage());
        }
        this.definitions.put(parameter, definition);
        return definition;
    }

    /**
     * The declared choices, checked as Discord would, and against the option's limits.
     */
    private static List<OptionSpec.Choice> choices(HandlerMethod handler, String name, Option option, Class<?> type,
            OptionType discordType) {
        Choice[] declared = option.choices();
        if (declared.length == 0) {
            return List.of();
        }
        String what = "option '" + name + "'";
        if (type.isEnum() || (discordType != OptionType.STRING && discordType != OptionType.INTEGER
                && discordType != OptionType.NUMBER)) {
            throw handler.invalid("@Command", what + " has choices, which Discord offers for text and numbers only"
                    + (type.isEnum() ? " (an enum offers its constants)" : ""));
        }
        if (declared.length > OptionData.MAX_CHOICES) {
            throw handler.invalid("@Command",
                    what + " has " + declared.length + " choices, Discord allows " + OptionData.MAX_CHOICES);
        }
        Set<String> names = new HashSet<>();
        Set<Object> values = new HashSet<>();
        List<OptionSpec.Choice> choices = new ArrayList<>();
        for (Choice choice : declared) {
            String problem = null;
            Object value = choice.value();
            if (choice.name().isBlank() || choice.name().length() > OptionData.MAX_CHOICE_NAME_LENGTH) {
                problem = "its name must be 1 to " + OptionData.MAX_CHOICE_NAME_LENGTH + " characters";
            }
            else if (!names.add(choice.name().toLowerCase(Locale.ROOT))) {
                problem = "another choice has the same name";
            }
            else if (discordType == OptionType.STRING) {
                int length = choice.value().codePointCount(0, choice.value().length());
                if (length < 1 || length > OptionData.MAX_CHOICE_VALUE_LENGTH) {
                    problem = "its value must be 1 to " + OptionData.MAX_CHOICE_VALUE_LENGTH + " characters";
                }
                else if (length > option.maxLength() || length < option.minLength()) {
                    problem = "its value is outside minLength and maxLength";
                }
            }
            else {
                try {
                    double number = (discordType == OptionType.INTEGER) ? Long.parseLong(choice.value())
                            : Double.parseDouble(choice.value());
                    value = number;
                    if (number < option.min() || number > option.max()
                            || (discordType == OptionType.INTEGER && (type == int.class || type == Integer.class)
                                    && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE))) {
                        problem = "its value is out of the option's range";
                    }
                }
                catch (NumberFormatException ex) {
                    problem = "its value is not "
                            + ((discordType == OptionType.INTEGER) ? "a whole number" : "a number");
                }
            }
            if (problem == null && !values.add(value)) {
                problem = "another choice has the same value";
            }
            if (problem != null) {
                throw handler.invalid("@Command",
                        what + " has the choice '" + choice.name() + "' = '" + choice.value() + "': " + problem);
            }
            choices.add(new OptionSpec.Choice(choice.name(), choice.value()));
        }
        return choices;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        OptionDefinition option = this.definitions.get(parameter);
        if (option == null) {
            throw new IllegalStateException("@Option parameter of a method that is not a @Command: " + parameter);
        }
        Object value = switch (context) {
            case PrefixInvocation prefix -> {
                yield option.resolver().fromPrefix(prefix.input(), option.spec(), context);
            }
            case InteractionInvocation<?> slash when slash.event() instanceof SlashCommandInteractionEvent event -> {
                OptionMapping mapping = event.getOption(option.name());
                yield (mapping != null) ? option.resolver().fromSlash(mapping, option.spec(), context) : null;
            }
            default -> throw new IllegalStateException("@Option parameter outside a command: " + parameter);
        };
        if (value == null && option.required()) {
            throw option.spec().missing();
        }
        return value;
    }

}
