package io.github.jdaboot.interaction.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.invocation.SlashInvocation;
import io.github.jdaboot.interaction.method.DiscordNames;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import io.github.jdaboot.interaction.method.annotation.OptionArgumentResolver;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Maps slash commands to {@link Command @Command} methods by their full name
 * ({@code idea}, {@code tag add}), and holds the commands for the prefix commands, the
 * help and the registration with Discord. Checks each command against Discord's rules
 * (names, descriptions, options, how many) at startup.
 */
public class CommandHandlerMapping extends AbstractInteractionHandlerMapping<CommandDefinition> {

    private final OptionArgumentResolver options;

    private Set<String> groups = Set.of();

    public CommandHandlerMapping(InteractionArgumentResolverComposite arguments, OptionArgumentResolver options,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(arguments, returns, exceptions);
        this.options = options;
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof SlashCommandInteractionEvent slash)) {
            return null;
        }
        String fullName = (slash.getSubcommandName() != null) ? slash.getName() + " " + slash.getSubcommandName()
                : slash.getName();
        CommandDefinition command = getCommand(fullName).filter((candidate) -> candidate.offers(CommandSurface.SLASH))
            .orElse(null);
        if (command == null) {
            return HandlerMatch.notFound(
                    getCommand("help").isPresent() ? "interaction.unknown.slash.help" : "interaction.unknown.slash",
                    fullName);
        }
        return HandlerMatch.found(command.handler(), (support) -> new SlashInvocation(command.handler(),
                command.fullName(), command.usage(), command.ephemeral(), slash, support));
    }

    /** Every command, in the order found. */
    public List<CommandDefinition> getCommands() {
        return getRegistrations().stream().map(Registration::mapping).toList();
    }

    /** The commands offered as slash commands. */
    public List<CommandDefinition> getSlashCommands() {
        return getRegistrations().stream()
            .map(Registration::mapping)
            .filter((command) -> command.offers(CommandSurface.SLASH))
            .toList();
    }

    /** The command with this full name: {@code idea}, {@code tag add}. */
    public Optional<CommandDefinition> getCommand(String fullName) {
        Registration<CommandDefinition> registration = getRegistration(fullName);
        return (registration != null) ? Optional.of(registration.mapping()) : Optional.empty();
    }

    /** Whether some command belongs to this group. */
    public boolean isGroup(String name) {
        return this.groups.contains(name);
    }

    @Override
    protected boolean isHandlerMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, Command.class);
    }

    @Override
    protected Object getMappingKey(CommandDefinition command) {
        return command.fullName();
    }

    @Override
    protected String describeMapping(CommandDefinition command) {
        return "command name '" + command.fullName() + "'";
    }

    @Override
    protected Set<HandlerKind> getHandlerKinds(CommandDefinition command) {
        Set<HandlerKind> kinds = EnumSet.noneOf(HandlerKind.class);
        if (command.offers(CommandSurface.SLASH)) {
            kinds.add(HandlerKind.SLASH_COMMAND);
        }
        if (command.offers(CommandSurface.PREFIX)) {
            kinds.add(HandlerKind.PREFIX_COMMAND);
        }
        return kinds;
    }

    @Override
    protected String getAnnotationName(HandlerMethod handler) {
        return "@Command";
    }

    @Override
    protected String getParameterHint() {
        return ": annotate an option with @Option (String, long, int, double, boolean, an enum, User, Member, Role,"
                + " a channel or Message.Attachment), or inject CommandContext, User, Member, Guild, MessageChannel,"
                + " JDA or the JDA event";
    }

    @Override
    protected List<CommandDefinition> getMappingsForMethod(HandlerMethod handler) {
        CommandDefinition definition = define(handler);
        for (Registration<CommandDefinition> registration : getRegistrations()) {
            CommandDefinition other = registration.mapping();
            boolean clash = (definition.group() == null && definition.name().equals(other.group()))
                    || (other.group() == null && other.name().equals(definition.group()));
            if (clash) {
                throw handler.invalid("@Command", "command name '" + definition.topLevelName()
                        + "' is both a command and a command group (see " + other.handler().describe() + ")");
            }
        }
        if (definition.group() != null) {
            long inGroup = getRegistrations().stream()
                .filter((registration) -> definition.group().equals(registration.mapping().group()))
                .count();
            if (inGroup + 1 > CommandData.MAX_OPTIONS) {
                throw handler.invalid("@Command", "command group '" + definition.group() + "' has more than "
                        + CommandData.MAX_OPTIONS + " subcommands, Discord's limit");
            }
        }
        return List.of(definition);
    }

    @Override
    protected void handlerMethodsInitialized(Collection<Registration<CommandDefinition>> registrations) {
        long topLevel = getSlashCommands().stream().map(CommandDefinition::topLevelName).distinct().count();
        if (topLevel > Commands.MAX_SLASH_COMMANDS) {
            throw new BeanInitializationException("Too many slash commands: " + topLevel + " declared, Discord allows "
                    + Commands.MAX_SLASH_COMMANDS);
        }
        Set<String> found = new HashSet<>();
        registrations.forEach((registration) -> {
            if (registration.mapping().group() != null) {
                found.add(registration.mapping().group());
            }
        });
        this.groups = Set.copyOf(found);
    }

    /** Builds one command from its method, checked against Discord's rules. */
    private CommandDefinition define(HandlerMethod handler) {
        Command command = handler.annotation(Command.class);
        CommandGroup group = handler.annotation(CommandGroup.class);
        if (group != null) {
            DiscordNames.checkName(handler, "@Command", "command group name", group.name());
            DiscordNames.checkDescription(handler, "@Command", "command group '" + group.name() + "'",
                    group.description());
        }
        DiscordNames.checkName(handler, "@Command", "command name", command.name());
        DiscordNames.checkDescription(handler, "@Command", "command '" + command.name() + "'", command.description());
        if (command.surfaces().length == 0) {
            throw handler.invalid("@Command", "surfaces is empty: offer the command as SLASH, PREFIX or both");
        }
        // a form opens only in answer to an interaction: a command returning one is a
        // slash command
        Set<CommandSurface> surfaces = (handler.returnType().getParameterType() == Modal.class)
                ? EnumSet.of(CommandSurface.SLASH) : EnumSet.copyOf(Arrays.asList(command.surfaces()));
        List<OptionDefinition> definitions = new ArrayList<>();
        MethodParameter[] parameters = handler.parameters();
        int lastText = lastTextOption(parameters);
        boolean optionalSeen = false;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            if (!parameter.hasParameterAnnotation(Option.class)) {
                checkSurface(handler, parameter, surfaces);
                continue;
            }
            OptionDefinition option = this.options.define(handler, parameter, i == lastText);
            if (!names.add(option.name())) {
                throw handler.invalid("@Command", "two options are named '" + option.name() + "'");
            }
            if (option.required() && optionalSeen) {
                throw handler.invalid("@Command", "required option '" + option.name()
                        + "' comes after an optional one; Discord needs required options first");
            }
            optionalSeen |= !option.required();
            definitions.add(option);
        }
        if (definitions.size() > CommandData.MAX_OPTIONS) {
            throw handler.invalid("@Command",
                    "too many options: " + definitions.size() + ", Discord allows " + CommandData.MAX_OPTIONS);
        }
        Cooldown cooldown = handler.annotation(Cooldown.class);
        if (cooldown != null && cooldown.seconds() <= 0) {
            throw handler.invalid("@Command", "@Cooldown seconds must be positive, was " + cooldown.seconds());
        }
        return new CommandDefinition((group != null) ? group.name() : null,
                (group != null) ? group.description() : null, command.name(), command.description(), surfaces,
                command.ephemeral(), List.copyOf(definitions), handler);
    }

    /**
     * A JDA event of one surface makes a command of that surface only: said plainly,
     * before the general check of the parameters.
     */
    private static void checkSurface(HandlerMethod handler, MethodParameter parameter, Set<CommandSurface> surfaces) {
        Class<?> type = parameter.getParameterType();
        String name = "parameter '" + parameter.getParameterName() + "'";
        if (type == SlashCommandInteractionEvent.class && !surfaces.equals(EnumSet.of(CommandSurface.SLASH))) {
            throw handler.invalid("@Command", name + " is a SlashCommandInteractionEvent, so the command must be"
                    + " slash-only (surfaces = CommandSurface.SLASH); use CommandContext to serve both");
        }
        if (type == MessageReceivedEvent.class && !surfaces.equals(EnumSet.of(CommandSurface.PREFIX))) {
            throw handler.invalid("@Command", name + " is a MessageReceivedEvent, so the command must be"
                    + " prefix-only (surfaces = CommandSurface.PREFIX); use CommandContext to serve both");
        }
    }

    private static int lastTextOption(MethodParameter[] parameters) {
        int last = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].hasParameterAnnotation(Option.class)) {
                last = (parameters[i].getParameterType() == String.class) ? i : -1;
            }
        }
        return last;
    }

}
