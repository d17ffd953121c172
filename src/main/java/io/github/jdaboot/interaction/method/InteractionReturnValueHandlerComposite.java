package io.github.jdaboot.interaction.method;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import io.github.jdaboot.interaction.InteractionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * The return value handlers, the application's first, as Spring MVC's
 * {@code HandlerMethodReturnValueHandlerComposite}. A {@code CompletionStage} is awaited
 * (on the handler's virtual thread) and its result handled like a returned value.
 */
public class InteractionReturnValueHandlerComposite {

    private final List<InteractionReturnValueHandler> handlers;

    public InteractionReturnValueHandlerComposite(List<InteractionReturnValueHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /** The handlers, in the order they are asked. */
    public List<InteractionReturnValueHandler> getHandlers() {
        return this.handlers;
    }

    /**
     * Whether the declared return type is supported (for a {@code CompletionStage}, its
     * result type); checked for every handler at startup.
     */
    public boolean supportsReturnType(MethodParameter returnType) {
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

    /**
     * Answers with what a handler returned.
     * @param declared the declared return type, used when the value is null
     */
    public void handleReturnValue(@Nullable Object value, Class<?> declared, InteractionContext context)
            throws Exception {
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
            handleReturnValue(result, Object.class, context);
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
