package io.github.jdaboot.interaction.method;

import java.util.Set;

import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.InteractionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills one kind of handler parameter, as Spring MVC's
 * {@code HandlerMethodArgumentResolver} does for controllers. The framework's own
 * resolvers cover options, the context, the user, member, guild, channel, JDA and its
 * event, id parts, modal fields and select menu values; a bean of this type adds a kind
 * of its own, consulted before the framework's. Every parameter of every handler must be
 * supported by a resolver that serves the handler's kind, which is checked at startup.
 */
public interface InteractionArgumentResolver {

    /**
     * The kinds of handler this resolver fills parameters of: a parameter it supports is
     * refused at startup on a handler of another kind. Every kind unless overridden.
     */
    default Set<HandlerKind> supportedKinds() {
        return HandlerKind.ALL;
    }

    /**
     * Whether this resolver fills the parameter; asked once per parameter, at startup.
     */
    boolean supportsParameter(MethodParameter parameter);

    /**
     * The value for the parameter in this run, on the handler's virtual thread (it may
     * block).
     * @throws CommandException to tell the user why the input cannot be used
     */
    @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) throws Exception;

}
