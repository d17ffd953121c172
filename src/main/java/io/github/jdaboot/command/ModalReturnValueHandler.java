package io.github.jdaboot.command;

import org.jspecify.annotations.Nullable;

/**
 * Opens the returned {@link Modal}; only an unanswered slash command or click can open
 * one.
 */
class ModalReturnValueHandler implements InteractionReturnValueHandler {

    @Override
    public boolean supportsReturnType(Class<?> type) {
        return type == Modal.class;
    }

    @Override
    public void handleReturnValue(@Nullable Object value, InteractionContext context) {
        if (value instanceof Modal modal) {
            ((Invocation) context).openModal(modal);
        }
    }

}
