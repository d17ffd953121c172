package io.github.jdaboot.interaction;

/**
 * A message a handler answered with breaks one of Discord's limits (40 components in a
 * layout, 4,000 characters of text in one, custom ids unique, 10 answers in a poll, ...).
 * Thrown when the answer is built, before anything is sent, so that Discord never refuses
 * a message half sent; the message names the handler and the limit:
 * {@code IdeaCommands.idea: a Components V2 message holds at most 40 components, this one
 * has 41}. Like any failure of a handler, it is logged with an error id that the user
 * gets in an apology, unless an {@code @InteractionExceptionHandler} answers it.
 */
public class MessageLimitException extends IllegalStateException {

    public MessageLimitException(String message) {
        super(message);
    }

}
