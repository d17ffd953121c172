package io.github.jdaboot.interaction.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.handler.CommandDefinition;
import io.github.jdaboot.interaction.handler.CommandHandlerMapping;
import io.github.jdaboot.interaction.handler.ContextCommandMapping;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
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

    private static void sync(String where, RestAction<List<Command>> retrieve, Supplier<CommandListUpdateAction> update,
            List<CommandData> desired) {
        retrieve.queue((existing) -> {
            if (same(existing, desired)) {
                log.info("Slash commands are up to date {}: {}", where, names(desired));
                return;
            }
            update.get()
                .addCommands(desired)
                .queue((registered) -> log.info("Registered {} slash command(s) {}: {}", registered.size(), where,
                        names(desired)),
                        (failure) -> log.error("Could not register the slash commands {}: {}", where,
                                failure.toString()));
        }, (failure) -> log.error("Could not read the slash commands registered {}: {}", where, failure.toString()));
    }

    /** The commands as Discord should have them, from the registry. */
    public List<CommandData> desired() {
        Map<String, CommandData> commands = new LinkedHashMap<>();
        for (CommandDefinition definition : this.registry.getSlashCommands()) {
            if (definition.group() == null) {
                SlashCommandData data = Commands.slash(definition.name(), definition.description())
                    .addOptions(options(definition));
                restrict(data, definition.guildOnly(), definition.userPermissions());
                commands.put(definition.name(), data);
            }
            else {
                SlashCommandData group = (SlashCommandData) commands.computeIfAbsent(definition.group(), (name) -> {
                    SlashCommandData data = Commands.slash(name, Objects.requireNonNull(definition.groupDescription()));
                    restrict(data, false, Set.of());
                    return data;
                });
                if (definition.guildOnly()) {
                    group.setContexts(InteractionContextType.GUILD);
                }
                group.addSubcommands(new SubcommandData(definition.name(), definition.description())
                    .addOptions(options(definition)));
            }
        }
        for (ContextCommandMapping.ContextCommand command : this.contextCommands.getContextCommands()) {
            CommandData data = Commands.context(command.type(), command.name());
            HandlerMethod handler = command.handler();
            RequiresPermissions permissions = handler.annotation(RequiresPermissions.class);
            restrict(data, handler.annotation(GuildOnly.class) != null || permissions != null,
                    (permissions != null) ? Set.of(permissions.user()) : Set.of());
            commands.put(command.type() + " " + command.name(), data);
        }
        // names, descriptions and choices in every language with a bundle of messages
        // (messages_de.properties, ...)
        commands.values().forEach((data) -> data.setLocalizationFunction(this.localization));
        return new ArrayList<>(commands.values());
    }

    private static void restrict(CommandData data, boolean guildOnly, Set<Permission> permissions) {
        data.setContexts(guildOnly ? EnumSet.of(InteractionContextType.GUILD)
                : EnumSet.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM));
        data.setDefaultPermissions(permissions.isEmpty() ? DefaultMemberPermissions.ENABLED
                : DefaultMemberPermissions.enabledFor(permissions));
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
        return commands.stream().map((command) -> "/" + command.getName()).collect(Collectors.joining(", "));
    }

}
