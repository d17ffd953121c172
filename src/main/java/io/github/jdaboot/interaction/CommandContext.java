package io.github.jdaboot.interaction;

/**
 * One run of a command, slash or prefix alike.
 */
public interface CommandContext extends InteractionContext {

    /** Whether the user ran {@code /name} or {@code .name}. */
    CommandSurface surface();

    /**
     * The command as the user would type it, without prefix: {@code idea} or
     * {@code tag add}.
     */
    String commandName();

}
