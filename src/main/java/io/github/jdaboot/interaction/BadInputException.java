package io.github.jdaboot.interaction;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The user's input cannot be used: an option is missing, unreadable or out of range. The
 * message is the polite reply; it names the option. The reply adds the command's usage
 * line.
 * <p>
 * The message is a text of its own, or a code looked up in the {@code MessageSource} in
 * the user's language (the framework's refusals are such codes, so an application can
 * reword them in its {@code messages.properties}).
 */
public class BadInputException extends RuntimeException implements MessageSourceResolvable {

    private final MessageSourceResolvable message;

    /** With a text of its own, sent as it is. */
    public BadInputException(String userMessage) {
        this(new DefaultMessageSourceResolvable(null, null, userMessage));
    }

    /** With a text from the {@code MessageSource}, in the user's language. */
    public BadInputException(MessageSourceResolvable message) {
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
