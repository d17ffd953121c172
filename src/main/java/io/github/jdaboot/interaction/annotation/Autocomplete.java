package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that suggests values for an option declared with
 * {@link Option#autocomplete() @Option(autocomplete = true)}, while the user types. It
 * gets what was typed so far as a {@link Typed @Typed} {@code String} parameter (and the
 * user, the guild, the locale, ...), and returns the candidates: a collection of
 * {@code String}s, of numbers, or of JDA's {@code Command.Choice}. The framework keeps
 * those that contain what was typed (the ones that start with it first), at most 25, and
 * answers within Discord's 3 seconds: a method that is slow
 * ({@code discord.commands.autocomplete-timeout}) or fails gets an empty list, never an
 * error.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Autocomplete {

    /**
     * The command, as typed after the prefix: {@code idea}, or {@code tag show} for a
     * subcommand.
     */
    String command();

    /** The option's name. */
    String option();

}
