package io.github.jdaboot.interaction;

/**
 * Thrown by a command handler to tell the user, politely, why it cannot do what was asked
 * (an unknown tag, a value out of range). The message is sent as the reply; nothing is
 * logged as an error.
 */
public class CommandException extends RuntimeException {

    public CommandException(String userMessage) {
        super(userMessage, null, false, false);
    }

}
