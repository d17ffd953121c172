package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;

/**
 * Groups the {@link Command @Command} methods of a bean as subcommands: with
 * {@code @CommandGroup(name = "tag", ...)}, a method {@code @Command(name = "add", ...)}
 * is {@code /tag add} and {@code .tag add}.
 * <p>
 * A static nested class of a group's class that is a bean with a {@code @CommandGroup} of
 * its own is a subcommand group of that group: in <pre class="code">
 * &#64;Component
 * &#64;CommandGroup(name = "config", description = "Server settings")
 * class ConfigCommands {
 *
 *     &#64;Component
 *     &#64;CommandGroup(name = "channels", description = "Where the bot posts")
 *     static class Channels {
 *
 *         &#64;Command(name = "set", description = "Sets a channel")
 *         String set(&#64;Option(description = "The channel") TextChannel channel) { ... }
 *
 *     }
 *
 * }
 * </pre> the method is {@code /config channels set}. Discord nests one level only: a
 * command holds subcommands and groups, a group holds subcommands, at most 25 each.
 * <p>
 * What Discord keeps per top-level command (where it is installed, where it runs, whether
 * it is age-restricted) is declared here, on the outermost group, for all of its
 * subcommands.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandGroup {

    /** The group's command name: lower case, 1-32 characters, no spaces. */
    String name();

    /** What the group is for, 1-100 characters. */
    String description();

    /**
     * Where the group's commands can be installed; empty: as the class's
     * {@link CommandConfig @CommandConfig} or {@code discord.commands.integration-types}
     * say. Only on the outermost group.
     */
    IntegrationType[] integrationTypes() default {};

    /**
     * Where the group's commands may run; empty: as the class's
     * {@link CommandConfig @CommandConfig} or {@code discord.commands.contexts} say (only
     * {@code GUILD} when every subcommand is {@link GuildOnly @GuildOnly}). Only on the
     * outermost group.
     */
    InteractionContextType[] contexts() default {};

    /**
     * Whether the group's commands are age-restricted (see {@link Command#nsfw()}). Only
     * on the outermost group.
     */
    boolean nsfw() default false;

}
