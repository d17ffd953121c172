package io.github.jdaboot.interaction.method.annotation;

import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Typed;
import io.github.jdaboot.interaction.invocation.AutocompleteInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link Typed @Typed} parameters of {@link Autocomplete @Autocomplete} methods
 * with what the user typed so far.
 */
public class TypedArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.AUTOCOMPLETE);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Typed.class) && parameter.getParameterType() == String.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return ((AutocompleteInvocation) context).typed();
    }

}
