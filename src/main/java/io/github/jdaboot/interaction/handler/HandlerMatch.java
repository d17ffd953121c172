package io.github.jdaboot.interaction.handler;

import java.util.function.Function;

import io.github.jdaboot.interaction.ComponentCallback;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.invocation.InvocationSupport;
import io.github.jdaboot.interaction.method.HandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * What an {@link InteractionHandlerMapping} found for an event it handles.
 */
public sealed interface HandlerMatch {

    /**
     * A handler to run.
     *
     * @param handler a {@link HandlerMethod}, or the {@link ComponentCallback} of a
     * component sent with one
     * @param invocation makes the run of the handler for this event
     */
    record Found(Object handler, Function<InvocationSupport, ? extends Invocation> invocation) implements HandlerMatch {
    }

    /**
     * The event is for the bot, but nothing handles it (any more).
     *
     * @param answer what to tell the user, in their language; null to answer nothing (a
     * request for suggestions gets none)
     */
    record NotFound(@Nullable MessageSourceResolvable answer) implements HandlerMatch {
    }

    /** A handler, and how to make its run for the event. */
    static HandlerMatch found(Object handler, Function<InvocationSupport, ? extends Invocation> invocation) {
        return new Found(handler, invocation);
    }

    /**
     * Nothing handles the event: the answer is the message with this code in the
     * framework's bundle or the application's (see {@link InteractionMessages}).
     */
    static HandlerMatch notFound(String code, @Nullable Object... arguments) {
        return new NotFound(InteractionMessages.of(code, arguments));
    }

    /** Nothing handles the event, and nothing is said. */
    static HandlerMatch notFoundQuietly() {
        return new NotFound(null);
    }

}
