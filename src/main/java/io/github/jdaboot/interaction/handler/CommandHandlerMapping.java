package io.github.jdaboot.interaction.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.DisabledByDefault;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
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
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Maps slash commands to {@link Command @Command} methods by their full name
 * ({@code idea}, {@code tag add}, {@code config channels set}), and holds the commands
 * for the prefix commands, the help and the registration with Discord. Checks each
 * command against Discord's rules (names, descriptions, options, how many, how deep the
 * groups, where it is installed and may run) at startup, and each run against where the
 * command may run.
 */
public class CommandHandlerMapping extends AbstractInteractionHandlerMapping<CommandDefinition> {

    private final OptionArgumentResolver options;

    private CommandScope defaultScope = CommandScope.DEFAULT;

    private Set<String> groups = Set.of();

    public CommandHandlerMapping(InteractionArgumentResolverComposite arguments, OptionArgumentResolver options,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(arguments, returns, exceptions);
        this.options = options;
    }

    /**
     * Where commands are installed and may run unless they say otherwise
     * ({@code discord.commands.integration-types} and {@code discord.commands.contexts}).
     */
    public void setDefaultScope(CommandScope defaultScope) {
        this.defaultScope = defaultScope;
    }

    public CommandScope getDefaultScope() {
        return this.defaultScope;
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof SlashCommandInteractionEvent slash)) {
            return null;
        }
        String fullName = slash.getFullCommandName();
        CommandDefinition command = getCommand(fullName).filter((candidate) -> candidate.offers(CommandSurface.SLASH))
            .orElse(null);
        if (command == null) {
            return HandlerMatch.notFound(
                    getCommand("help").isPresent() ? "interaction.unknown.slash.help" : "interaction.unknown.slash",
                    fullName);
        }
        HandlerMatch refused = CommandRestrictions.refusal(command.scope(), command.nsfw(), slash.getContext(),
                slash.getChannel(), false, "/" + fullName);
        if (refused != null) {
            return refused;
        }
        return HandlerMatch.found(command.handler(), (support) -> new SlashInvocation(command.handler(),
                command.fullName(), command::usage, command.ephemeral(), slash, support));
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

    /**
     * The command with this full name: {@code idea}, {@code tag add},
     * {@code config channels set}.
     */
    public Optional<CommandDefinition> getCommand(String fullName) {
        Registration<CommandDefinition> registration = getRegistration(fullName);
        return (registration != null) ? Optional.of(registration.mapping()) : Optional.empty();
    }

    /**
     * Whether some command belongs to this group: {@code tag}, or {@code config channels}
     * for a nested one.
     */
    public boolean isGroup(String path) {
        return this.groups.contains(path);
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
                + " JDA, the InteractionContextType, the IntegrationOwners or the JDA event";
    }

    @Override
    protected List<CommandDefinition> getMappingsForMethod(HandlerMethod handler) {
        CommandDefinition definition = define(handler);
        List<String> path = new ArrayList<>(definition.groups().stream().map(CommandDefinition.Group::name).toList());
        path.add(definition.name());
        for (Registration<CommandDefinition> registration : getRegistrations()) {
            CommandDefinition other = registration.mapping();
            List<String> otherPath = new ArrayList<>(
                    other.groups().stream().map(CommandDefinition.Group::name).toList());
            otherPath.add(other.name());
            // a name is either a command or a group at each level of the tree
            int common = Math.min(path.size(), otherPath.size());
            if (path.size() != otherPath.size() && path.subList(0, common).equals(otherPath.subList(0, common))) {
                throw handler.invalid("@Command", "command name '" + String.join(" ", path.subList(0, common))
                        + "' is both a command and a command group (see " + other.handler().describe() + ")");
            }
            if (other.topLevelName().equals(definition.topLevelName()) && !definition.groups().isEmpty()) {
                checkSameTopLevel(handler, definition, other);
            }
        }
        checkCounts(handler, definition);
        return List.of(definition);
    }

    /**
     * Two subcommands of one top-level command agree on what Discord keeps for it
     * (declared on two beans with the same group).
     */
    private static void checkSameTopLevel(HandlerMethod handler, CommandDefinition definition,
            CommandDefinition other) {
        String top = "/" + definition.topLevelName();
        String problem = null;
        for (int level = 0; level < Math.min(definition.groups().size(), other.groups().size()); level++) {
            CommandDefinition.Group mine = definition.groups().get(level);
            CommandDefinition.Group theirs = other.groups().get(level);
            if (mine.name().equals(theirs.name()) && !mine.description().equals(theirs.description())) {
                problem = "the description of group '" + mine.name() + "'";
            }
            if (!mine.name().equals(theirs.name())) {
                break;
            }
        }
        if (!definition.scope().equals(other.scope())) {
            problem = "where it is installed and may run (" + definition.scope() + " here, " + other.scope()
                    + " there)";
        }
        else if (definition.nsfw() != other.nsfw()) {
            problem = "nsfw";
        }
        else if (!Objects.equals(definition.defaultPermissions().getPermissionsRaw(),
                other.defaultPermissions().getPermissionsRaw())) {
            problem = "@DisabledByDefault";
        }
        if (problem != null) {
            throw handler.invalid("@Command", top + " is declared twice with a different " + problem + " (see "
                    + other.handler().describe() + "): Discord keeps one for the whole command");
        }
    }

    /**
     * A command holds at most 25 subcommands and groups, a group at most 25 subcommands.
     */
    private void checkCounts(HandlerMethod handler, CommandDefinition definition) {
        if (definition.groups().isEmpty()) {
            return;
        }
        Set<String> children = new HashSet<>();
        Set<String> inGroup = new HashSet<>();
        String parent = definition.groupPath();
        for (Registration<CommandDefinition> registration : getRegistrations()) {
            CommandDefinition other = registration.mapping();
            if (other.topLevelName().equals(definition.topLevelName()) && !other.groups().isEmpty()) {
                children.add((other.groups().size() > 1) ? other.groups().get(1).name() : other.name());
            }
            if (parent.equals(other.groupPath())) {
                inGroup.add(other.name());
            }
        }
        children.add((definition.groups().size() > 1) ? definition.groups().get(1).name() : definition.name());
        inGroup.add(definition.name());
        if (children.size() > CommandData.MAX_OPTIONS) {
            throw handler.invalid("@Command", "command /" + definition.topLevelName() + " has more than "
                    + CommandData.MAX_OPTIONS + " subcommands and subcommand groups, Discord's limit");
        }
        if (inGroup.size() > CommandData.MAX_OPTIONS) {
            throw handler.invalid("@Command", "command group '" + parent + "' has more than " + CommandData.MAX_OPTIONS
                    + " subcommands, Discord's limit");
        }
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
            List<CommandDefinition.Group> groups = registration.mapping().groups();
            for (int level = 1; level <= groups.size(); level++) {
                found.add(groups.subList(0, level)
                    .stream()
                    .map(CommandDefinition.Group::name)
                    .collect(Collectors.joining(" ")));
            }
        });
        this.groups = Set.copyOf(found);
    }

    /** Builds one command from its method, checked against Discord's rules. */
    private CommandDefinition define(HandlerMethod handler) {
        Command command = handler.annotation(Command.class);
        List<CommandDefinition.Group> groups = CommandGroups.of(handler);
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
        CommandScope scope;
        boolean nsfw;
        DefaultMemberPermissions defaultPermissions;
        if (groups.isEmpty()) {
            boolean guildOnly = handler.annotation(GuildOnly.class) != null
                    || handler.annotation(RequiresPermissions.class) != null;
            scope = CommandDeclarations.scope(handler, "@Command", command.integrationTypes(), command.contexts(),
                    handler.beanType(), guildOnly, this.defaultScope);
            nsfw = command.nsfw();
            RequiresPermissions permissions = handler.annotation(RequiresPermissions.class);
            defaultPermissions = CommandDeclarations.defaultPermissions(handler, "@Command",
                    handler.annotation(DisabledByDefault.class),
                    (permissions != null) ? Set.of(permissions.user()) : Set.of());
        }
        else {
            String top = "/" + groups.getFirst().name();
            if (command.integrationTypes().length > 0 || command.contexts().length > 0 || command.nsfw()) {
                throw handler.invalid("@Command",
                        "a subcommand has no integrationTypes, contexts or nsfw of its own:"
                                + " Discord keeps them for the whole command " + top + ", so declare them on its"
                                + " @CommandGroup");
            }
            if (AnnotatedElementUtils.hasAnnotation(handler.method(), DisabledByDefault.class)) {
                throw handler.invalid("@Command", "a subcommand cannot be @DisabledByDefault on its own: Discord keeps"
                        + " that for the whole command " + top + ", so annotate the class of its @CommandGroup");
            }
            Class<?> topClass = CommandGroups.outermost(handler.beanType());
            CommandGroup group = AnnotatedElementUtils.findMergedAnnotation(topClass, CommandGroup.class);
            boolean guildOnly = AnnotatedElementUtils.hasAnnotation(topClass, GuildOnly.class)
                    || AnnotatedElementUtils.hasAnnotation(topClass, RequiresPermissions.class);
            scope = CommandDeclarations.scope(handler, "@Command", group.integrationTypes(), group.contexts(), topClass,
                    guildOnly, this.defaultScope);
            nsfw = group.nsfw();
            defaultPermissions = CommandDeclarations.defaultPermissions(handler, "@Command",
                    AnnotatedElementUtils.findMergedAnnotation(topClass, DisabledByDefault.class), Set.of());
        }
        if (surfaces.contains(CommandSurface.PREFIX) && !scope.receivesMessages()) {
            throw handler.invalid("@Command",
                    "it is offered as a prefix command, but it may run only where the bot" + " receives no messages ("
                            + scope + "): a prefix command needs a server the bot is installed"
                            + " to (GUILD with GUILD_INSTALL) or the bot's DM (BOT_DM); make it slash-only"
                            + " (surfaces = CommandSurface.SLASH) or let it run there");
        }
        return new CommandDefinition(groups, command.name(), command.description(), surfaces, command.ephemeral(),
                definitions, scope, nsfw, defaultPermissions, handler);
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
