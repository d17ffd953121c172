package io.github.jdaboot.interaction.method.support;

import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link InteractionContext} parameters with the run itself, for every kind of
 * handler.
 */
public class InteractionContextArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return HandlerKind.ALL;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == InteractionContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context;
    }

}
