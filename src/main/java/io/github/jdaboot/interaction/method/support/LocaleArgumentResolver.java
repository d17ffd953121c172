package io.github.jdaboot.interaction.method.support;

import java.util.Locale;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code Locale} parameters with the language to answer in
 * ({@link InteractionContext#locale()}).
 */
public class LocaleArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Locale.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.locale();
    }

}
