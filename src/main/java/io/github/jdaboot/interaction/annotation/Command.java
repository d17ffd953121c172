package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.Reply;

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
 * subcommand: {@code /group name} and {@code .group name}.
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

}
