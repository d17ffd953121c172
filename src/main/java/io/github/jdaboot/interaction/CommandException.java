package io.github.jdaboot.interaction;

import org.springframework.context.MessageSourceResolvable;

/**
 * Thrown by a command handler to tell the user, politely, why it cannot do what was asked
 * (an unknown tag, a value out of range). The message is sent as the reply; nothing is
 * logged as an error.
 * <p>
 * The message is a text of its own, or a code looked up in the {@code MessageSource} in
 * the user's language: {@code throw new CommandException(new
 * DefaultMessageSourceResolvable("tag.unknown"))} answers with {@code tag.unknown} from
 * {@code messages.properties}, or {@code messages_de.properties} for a German user.
 */
public class CommandException extends UserMessageException {

    /** With a text of its own, sent as it is. */
    public CommandException(String userMessage) {
        super(userMessage);
    }

    /** With a text from the {@code MessageSource}, in the user's language. */
    public CommandException(MessageSourceResolvable message) {
        super(message);
    }

}
