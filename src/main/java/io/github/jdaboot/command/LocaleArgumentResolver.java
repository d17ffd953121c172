package io.github.jdaboot.command;

import java.util.Locale;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code Locale} parameters with the language to answer in
 * ({@link InteractionContext#locale()}).
 */
class LocaleArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Locale.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.locale();
    }

}
