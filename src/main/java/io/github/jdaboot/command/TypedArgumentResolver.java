package io.github.jdaboot.command;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link Typed @Typed} parameters of {@link Autocomplete @Autocomplete} methods
 * with what the user typed so far.
 */
class TypedArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Typed.class) && parameter.getParameterType() == String.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return ((AutocompleteInvocation) context).typed();
    }

}
