package io.github.jdaboot.interaction;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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
public class CommandException extends RuntimeException implements MessageSourceResolvable {

    private final MessageSourceResolvable message;

    /** With a text of its own, sent as it is. */
    public CommandException(String userMessage) {
        this(new DefaultMessageSourceResolvable(null, null, userMessage));
    }

    /** With a text from the {@code MessageSource}, in the user's language. */
    public CommandException(MessageSourceResolvable message) {
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
