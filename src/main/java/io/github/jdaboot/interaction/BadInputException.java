package io.github.jdaboot.interaction;

import org.springframework.context.MessageSourceResolvable;

/**
 * The user's input cannot be used: an option is missing, unreadable or out of range. The
 * message is the polite reply; it names the option. The reply adds the command's usage
 * line.
 * <p>
 * The message is a text of its own, or a code looked up in the {@code MessageSource} in
 * the user's language (the framework's refusals are such codes, so an application can
 * reword them in its {@code messages.properties}).
 */
public class BadInputException extends UserMessageException {

    /** With a text of its own, sent as it is. */
    public BadInputException(String userMessage) {
        super(userMessage);
    }

    /** With a text from the {@code MessageSource}, in the user's language. */
    public BadInputException(MessageSourceResolvable message) {
        super(message);
    }

}
