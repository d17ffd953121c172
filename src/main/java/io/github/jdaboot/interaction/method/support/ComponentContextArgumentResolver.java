package io.github.jdaboot.interaction.method.support;

import java.util.Set;

import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link ComponentContext} parameters of {@code @ComponentHandler} methods with the
 * run: the click.
 */
public class ComponentContextArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.COMPONENT);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ComponentContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context;
    }

}
