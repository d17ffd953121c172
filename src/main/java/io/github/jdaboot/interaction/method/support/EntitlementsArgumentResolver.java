package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.Entitlements;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link Entitlements} parameters with the entitlements of the user who acted and
 * of the server, for every kind of handler (a prefix command's are looked up when first
 * asked for).
 */
public class EntitlementsArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Entitlements.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.entitlements();
    }

}
