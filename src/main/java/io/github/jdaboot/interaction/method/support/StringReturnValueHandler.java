package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import org.jspecify.annotations.Nullable;

/** Answers with the returned text; blank text answers nothing. */
public class StringReturnValueHandler implements InteractionReturnValueHandler {

    @Override
    public boolean supportsReturnType(Class<?> type) {
        return type == String.class;
    }

    @Override
    public void handleReturnValue(@Nullable Object value, InteractionContext context) {
        if (value instanceof String text && !text.isBlank()) {
            context.reply(text);
        }
    }

}
