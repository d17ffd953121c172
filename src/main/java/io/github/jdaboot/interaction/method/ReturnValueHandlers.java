package io.github.jdaboot.interaction.method;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import io.github.jdaboot.interaction.InteractionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * The return value handlers, users' first. A {@code CompletionStage} is awaited (on the
 * handler's virtual thread) and its result handled like a returned value.
 */
public class ReturnValueHandlers {

    private final List<InteractionReturnValueHandler> handlers;

    public ReturnValueHandlers(List<InteractionReturnValueHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /**
     * Whether the declared return type is supported (for a {@code CompletionStage}, its
     * result type).
     */
    public boolean supports(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        if (CompletionStage.class.isAssignableFrom(type)) {
            Class<?> result = ResolvableType.forMethodParameter(returnType)
                .as(CompletionStage.class)
                .getGeneric(0)
                .toClass();
            // CompletionStage<?> is checked when its value is there
            return result == Object.class || supports(result);
        }
        return supports(type);
    }

    private boolean supports(Class<?> type) {
        return this.handlers.stream().anyMatch((handler) -> handler.supportsReturnType(type));
    }

    public void handle(@Nullable Object value, Class<?> declared, InteractionContext context) throws Exception {
        if (value instanceof CompletionStage<?> stage) {
            Object result;
            try {
                result = stage.toCompletableFuture().get();
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw ex;
            }
            handle(result, Object.class, context);
            return;
        }
        Class<?> type = (value != null) ? value.getClass() : declared;
        for (InteractionReturnValueHandler handler : this.handlers) {
            if (handler.supportsReturnType(type)) {
                handler.handleReturnValue(value, context);
                return;
            }
        }
        if (value == null) {
            return;
        }
        throw new IllegalStateException("No return value handler for " + type.getName());
    }

}
