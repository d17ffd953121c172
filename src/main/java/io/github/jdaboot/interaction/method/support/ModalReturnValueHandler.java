package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import org.jspecify.annotations.Nullable;

/**
 * Opens the returned {@link Modal}; only an unanswered slash command or click can open
 * one.
 */
public class ModalReturnValueHandler implements InteractionReturnValueHandler {

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
