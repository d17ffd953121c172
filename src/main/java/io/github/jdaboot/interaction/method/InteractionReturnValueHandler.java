package io.github.jdaboot.interaction.method;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a handler returned into its answer, as Spring MVC's
 * {@code HandlerMethodReturnValueHandler} does for controllers. The framework's own
 * handlers cover {@code String}, {@link Reply}, {@link Modal}, JDA's
 * {@code MessageCreateData} and {@code void}, and unwrap a {@code CompletionStage} of any
 * of them; a bean of this type adds a return type of its own, consulted before the
 * framework's. Every handler's return type must be supported, which is checked at
 * startup.
 */
public interface InteractionReturnValueHandler {

    /**
     * Whether this handler answers with values of this type: the declared return type at
     * startup (the result type for a {@code CompletionStage}), the value's own type at
     * run time.
     */
    boolean supportsReturnType(Class<?> type);

    /** Answers with the value; null when the handler returned null or is {@code void}. */
    void handleReturnValue(@Nullable Object value, InteractionContext context) throws Exception;

}
