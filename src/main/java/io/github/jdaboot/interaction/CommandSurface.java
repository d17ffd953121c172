package io.github.jdaboot.interaction;

/**
 * The two ways a user can run a command.
 */
public enum CommandSurface {

    /** A slash command, {@code /name}, registered with Discord. */
    SLASH,

    /**
     * A prefix command in a message, {@code .name} (or mentioning the bot:
     * {@code @Bot name}).
     */
    PREFIX

}
