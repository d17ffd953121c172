package io.github.jdaboot.interaction;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An exception whose message is the reply to the user: a text of its own, or a code
 * looked up in the {@code MessageSource} in the user's language. The common part of
 * {@link CommandException} and {@link BadInputException}, which stay unrelated types so
 * that each is handled on its own. No stack trace: it is an answer, not an error.
 */
abstract class UserMessageException extends RuntimeException implements MessageSourceResolvable {

    private final MessageSourceResolvable message;

    /** With a text of its own, sent as it is. */
    UserMessageException(String userMessage) {
        this(new DefaultMessageSourceResolvable(null, null, userMessage));
    }

    /** With a text from the {@code MessageSource}, in the user's language. */
    UserMessageException(MessageSourceResolvable message) {
        super(describe(message), null, false, false);
        this.message = message;
    }

    private static @Nullable String describe(MessageSourceResolvable message) {
        String[] codes = message.getCodes();
        return (message.getDefaultMessage() != null || codes == null || codes.length == 0) ? message.getDefaultMessage()
                : codes[0] + Arrays.toString(message.getArguments());
    }

    @Override
    public String @Nullable [] getCodes() {
        return this.message.getCodes();
    }

    @Override
    public @Nullable Object @Nullable [] getArguments() {
        return this.message.getArguments();
    }

    @Override
    public @Nullable String getDefaultMessage() {
        return this.message.getDefaultMessage();
    }

}
