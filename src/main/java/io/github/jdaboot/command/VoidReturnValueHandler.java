package io.github.jdaboot.command;

import org.jspecify.annotations.Nullable;

/**
 * {@code void} handlers answer through their context, or not at all (the framework then
 * acknowledges quietly).
 */
class VoidReturnValueHandler implements InteractionReturnValueHandler {

    @Override
    public boolean supportsReturnType(Class<?> type) {
        return type == void.class || type == Void.class;
    }

    @Override
    public void handleReturnValue(@Nullable Object value, InteractionContext context) {
        // nothing to send
    }

}
