package io.github.jdaboot.interaction;

/**
 * The user's input cannot be used: an option is missing, unreadable or out of range. The
 * message is the polite reply; it names the option. The reply adds the command's usage
 * line.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String userMessage) {
        super(userMessage, null, false, false);
    }

}
