package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import org.jspecify.annotations.Nullable;

/**
 * {@code void} handlers answer through their context, or not at all (the framework then
 * acknowledges quietly).
 */
public class VoidReturnValueHandler implements InteractionReturnValueHandler {

    @Override
    public boolean supportsReturnType(Class<?> type) {
        return type == void.class || type == Void.class;
    }

    @Override
    public void handleReturnValue(@Nullable Object value, InteractionContext context) {
        // nothing to send
    }

}
