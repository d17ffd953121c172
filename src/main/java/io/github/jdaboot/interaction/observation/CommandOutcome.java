package io.github.jdaboot.interaction.observation;

import java.util.Locale;

/**
 * How a command run ended, as the {@code outcome} tag of the {@code discord.commands}
 * timer.
 */
public enum CommandOutcome {

    /** The handler ran and its reply was sent. */
    SUCCESS,

    /** The handler threw; the user got an apology with an error id. */
    ERROR,

    /**
     * The user's input could not be used (missing, unreadable, out of range, or refused
     * by the handler).
     */
    BAD_INPUT,

    /** The user ran the command again too soon. */
    COOLDOWN,

    /** A guard refused: permissions, guild-only, or the bot was busy or shutting down. */
    DENIED;

    /** The tag's value, made once: a run's outcome is tagged on every stop. */
    private final String tag = name().toLowerCase(Locale.ROOT);

    String tag() {
        return this.tag;
    }

}
