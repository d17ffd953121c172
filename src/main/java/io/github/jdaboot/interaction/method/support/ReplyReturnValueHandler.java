package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import org.jspecify.annotations.Nullable;

/**
 * Answers with the returned {@link Reply}: a new message, or an update of the clicked
 * one.
 */
public class ReplyReturnValueHandler implements InteractionReturnValueHandler {

    @Override
    public boolean supportsReturnType(Class<?> type) {
        return type == Reply.class;
    }

    @Override
    public void handleReturnValue(@Nullable Object value, InteractionContext context) {
        if (value instanceof Reply reply) {
            context.reply(reply);
        }
    }

}
