package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.Reply;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;

/**
 * Marks a method of a Spring bean as a command handler. One method serves the slash
 * command {@code /name} and the prefix command {@code .name} (the prefix is
 * {@code discord.commands.prefix}).
 * <p>
 * Parameters annotated with {@link Option @Option} are the command's options, typed:
 * {@code String}, {@code long}/{@code int}, {@code double}, {@code boolean}, enums
 * (offered as choices), JDA's {@code User}, {@code Member}, {@code Role}, channel types
 * and {@code Message.Attachment}. Other parameters are filled from the invocation by
 * type: {@link CommandContext}, the invoking {@code User} or {@code Member}, the
 * {@code Guild}, the {@code MessageChannel}, the {@code JDA} instance, or the JDA event
 * itself.
 * <p>
 * The method may return a {@code String}, a {@link Reply}, a JDA
 * {@code MessageCreateData}, a {@code CompletionStage} of one of those, or nothing
 * ({@code void}) when it replies through {@link CommandContext}. It runs on its own
 * virtual thread, so it may block; a slash command that has not replied within about two
 * seconds is deferred for it.
 * <p>
 * On a bean annotated with {@link CommandGroup @CommandGroup}, the method is a
 * subcommand: {@code /group name} and {@code .group name} (and
 * {@code /group subgroup name} in a nested group).
 * <p>
 * Where the command is installed and where it may run ({@link #integrationTypes()},
 * {@link #contexts()}) are, unless given here, those of the group, of the class's
 * {@link CommandConfig @CommandConfig}, or the application's
 * ({@code discord.commands.integration-types} and {@code discord.commands.contexts}).
 * Discord keeps them, with {@link #nsfw()}, per top-level command: a subcommand takes its
 * group's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Command {

    /** The command name: lower case, 1-32 characters, no spaces (Discord's rule). */
    String name();

    /** What the command does, 1-100 characters; shown by Discord and by {@code /help}. */
    String description();

    /**
     * Where the command is offered: as a slash command, a prefix command, or both (the
     * default).
     */
    CommandSurface[] surfaces() default { CommandSurface.SLASH, CommandSurface.PREFIX };

    /**
     * Whether slash replies (and the automatic deferral) are visible only to the invoking
     * user.
     */
    boolean ephemeral() default false;

    /**
     * Where the command can be installed: to a server ({@code GUILD_INSTALL}), to a
     * user's account ({@code USER_INSTALL}), or both. Empty: as the group, the class's
     * {@link CommandConfig @CommandConfig} or {@code discord.commands.integration-types}
     * say. Not on a subcommand (set it on the group).
     */
    IntegrationType[] integrationTypes() default {};

    /**
     * Where the command may run: in servers ({@code GUILD}), in the bot's DM
     * ({@code BOT_DM}), in DMs between users and group DMs ({@code PRIVATE_CHANNEL}, for
     * user-installed commands only). Empty: as the group, the class's
     * {@link CommandConfig @CommandConfig} or {@code discord.commands.contexts} say, and
     * only {@code GUILD} for a {@link GuildOnly @GuildOnly} command. Not on a subcommand
     * (set it on the group).
     */
    InteractionContextType[] contexts() default {};

    /**
     * Whether the command is age-restricted: Discord offers it only in age-restricted
     * channels (and, to adults who allowed it, in DMs); its prefix command runs only in
     * age-restricted channels. Not on a subcommand (set it on the group).
     */
    boolean nsfw() default false;

}
