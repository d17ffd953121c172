package io.github.jdaboot.interaction.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.interaction.handler.CommandDefinition;
import io.github.jdaboot.interaction.handler.CommandHandlerMapping;
import io.github.jdaboot.interaction.handler.CommandScope;
import io.github.jdaboot.interaction.handler.ContextCommandMapping;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the slash commands (and the user and message commands) with Discord when a
 * session is ready: globally, or in the guilds of {@code discord.commands.guilds}. It
 * first reads what Discord has and writes (one bulk overwrite) only when that differs,
 * because Discord's limits on creating commands are tight. Everything is queued; nothing
 * waits on JDA's event thread.
 */
public class CommandSynchronizer implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(CommandSynchronizer.class);

    private final CommandHandlerMapping registry;

    private final ContextCommandMapping contextCommands;

    private final LocalizationFunction localization;

    private final List<Long> guilds;

    private final AtomicBoolean guildScopeExplained = new AtomicBoolean();

    /**
     * The synchronizer.
     * @param localization the names and descriptions in other languages
     * @param guilds the guilds to register the commands in, or none to register them
     * globally ({@code discord.commands.guilds})
     */
    public CommandSynchronizer(CommandHandlerMapping registry, ContextCommandMapping contextCommands,
            LocalizationFunction localization, List<Long> guilds) {
        this.registry = registry;
        this.contextCommands = contextCommands;
        this.localization = localization;
        this.guilds = List.copyOf(guilds);
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof ReadyEvent ready) {
            synchronize(ready.getJDA());
        }
    }

    // read with localizations (with_localizations=true): without them Discord omits the
    // names in other languages,
    // and the comparison would see a difference on every start
    public void synchronize(JDA jda) {
        List<CommandData> desired = desired();
        if (!this.guilds.isEmpty() && this.guildScopeExplained.compareAndSet(false, true)) {
            explainGuildScope(desired);
        }
        if (this.guilds.isEmpty()) {
            if (jda.getShardInfo().getShardId() == 0) {
                sync("globally", jda.retrieveCommands(true), jda::updateCommands, desired);
            }
            return;
        }
        for (long guildId : this.guilds) {
            Guild guild = jda.getGuildById(guildId);
            if (guild != null) {
                sync("in guild " + guild.getName() + " (" + guildId + ")", guild.retrieveCommands(true),
                        guild::updateCommands, desired);
            }
            else if (jda.getShardInfo().getShardId() == 0 && jda.getShardManager() != null
                    && jda.getShardManager().getGuildById(guildId) == null) {
                log.warn("discord.commands.guilds lists {}, a guild the bot is not in: no commands registered there",
                        guildId);
            }
        }
    }

    /**
     * Says once that commands registered in servers reach nowhere else: Discord applies
     * integration types and contexts to global commands only.
     */
    private void explainGuildScope(List<CommandData> desired) {
        String beyond = desired.stream()
            .filter((command) -> !command.getIntegrationTypes().equals(EnumSet.of(IntegrationType.GUILD_INSTALL))
                    || !command.getContexts().equals(EnumSet.of(InteractionContextType.GUILD)))
            .map((command) -> name(command) + " (" + command.getIntegrationTypes() + ", " + command.getContexts() + ")")
            .collect(Collectors.joining(", "));
        if (!beyond.isEmpty()) {
            log.info("discord.commands.guilds registers the commands in the servers {} only, where Discord offers"
                    + " them to their members: installs to users and DMs apply to global commands only, so {} work"
                    + " only there; leave discord.commands.guilds empty to register them globally", this.guilds,
                    beyond);
        }
    }

    private static void sync(String where, RestAction<List<Command>> retrieve, Supplier<CommandListUpdateAction> update,
            List<CommandData> desired) {
        DiscordRequests.queue(retrieve, (existing) -> {
            if (same(existing, desired)) {
                log.info("Slash commands are up to date {}: {}", where, names(desired));
                return;
            }
            DiscordRequests.queue(update.get().addCommands(desired),
                    (registered) -> log.info("Registered {} slash command(s) {}: {}", registered.size(), where,
                            names(desired)),
                    (failure) -> log.error("Could not register the slash commands {}: {}", where, failure.toString()));
        }, (failure) -> log.error("Could not read the slash commands registered {}: {}", where, failure.toString()));
    }

    /**
     * The commands as Discord should have them, from the registry: each top-level command
     * with its options, or its subcommands and then its subcommand groups (the order in
     * which Discord's copy is read back), where it is installed and may run, whether it
     * is age-restricted, and who may use it by default.
     */
    public List<CommandData> desired() {
        Map<String, SlashCommandData> slash = new LinkedHashMap<>();
        Map<String, SubcommandGroupData> subgroups = new LinkedHashMap<>();
        Map<String, List<SubcommandData>> subcommands = new LinkedHashMap<>();
        for (CommandDefinition definition : this.registry.getSlashCommands()) {
            SlashCommandData data = slash.computeIfAbsent(definition.topLevelName(), (name) -> {
                SlashCommandData created = Commands.slash(name, definition.groups().isEmpty() ? definition.description()
                        : definition.groups().getFirst().description());
                apply(created, definition.scope(), definition.nsfw(), definition.defaultPermissions());
                return created;
            });
            SubcommandData subcommand = new SubcommandData(definition.name(), definition.description())
                .addOptions(options(definition));
            switch (definition.groups().size()) {
                case 0 -> data.addOptions(options(definition));
                case 1 ->
                    subcommands.computeIfAbsent(definition.topLevelName(), (name) -> new ArrayList<>()).add(subcommand);
                default -> {
                    CommandDefinition.Group group = definition.groups().get(1);
                    subgroups
                        .computeIfAbsent(definition.groupPath(),
                                (path) -> new SubcommandGroupData(group.name(), group.description()))
                        .addSubcommands(subcommand);
                }
            }
        }
        subcommands.forEach((name, list) -> slash.get(name).addSubcommands(list));
        subgroups.forEach((path, group) -> slash.get(path.substring(0, path.indexOf(' '))).addSubcommandGroups(group));
        List<CommandData> commands = new ArrayList<>(slash.values());
        for (ContextCommandMapping.ContextCommand command : this.contextCommands.getContextCommands()) {
            CommandData data = Commands.context(command.type(), command.name());
            apply(data, command.scope(), command.nsfw(), command.defaultPermissions());
            commands.add(data);
        }
        // names, descriptions and choices in every language with a bundle of messages
        // (messages_de.properties, ...)
        commands.forEach((data) -> data.setLocalizationFunction(this.localization));
        return commands;
    }

    private static void apply(CommandData data, CommandScope scope, boolean nsfw,
            DefaultMemberPermissions defaultPermissions) {
        data.setIntegrationTypes(scope.integrationTypes());
        data.setContexts(scope.contexts());
        data.setNSFW(nsfw);
        data.setDefaultPermissions(defaultPermissions);
    }

    private static List<OptionData> options(CommandDefinition definition) {
        return definition.options().stream().map(OptionDefinition::data).toList();
    }

    /**
     * Whether Discord's commands are the desired ones, compared in Discord's own JSON
     * form.
     */
    static boolean same(List<Command> existing, List<CommandData> desired) {
        return normalized(existing.stream().map(CommandData::fromCommand).toList()).equals(normalized(desired));
    }

    private static List<Map<String, Object>> normalized(List<CommandData> commands) {
        return commands.stream()
            .map((command) -> command.toData().toMap())
            .sorted(Comparator.comparing((Map<String, Object> map) -> String.valueOf(map.get("name"))))
            .toList();
    }

    private static String names(List<CommandData> commands) {
        return commands.stream().map(CommandSynchronizer::name).collect(Collectors.joining(", "));
    }

    /** {@code /idea}, or a user or message command's name in quotes. */
    private static String name(CommandData command) {
        return (command.getType() == Command.Type.SLASH) ? "/" + command.getName()
                : "\u201C" + command.getName() + "\u201D";
    }

}
