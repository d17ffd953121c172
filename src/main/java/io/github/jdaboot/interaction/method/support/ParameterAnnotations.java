package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.Typed;

import org.springframework.core.MethodParameter;

/**
 * Whether a parameter is bound by one of the framework's annotations: the resolvers of
 * this package fill only those that are not ({@code User user} is who acted,
 * {@code @Option User user} an option).
 */
final class ParameterAnnotations {

    private ParameterAnnotations() {
    }

    /** Whether the parameter has none of the binding annotations. */
    static boolean plain(MethodParameter parameter) {
        return !parameter.hasParameterAnnotation(Option.class) && !parameter.hasParameterAnnotation(IdPart.class)
                && !parameter.hasParameterAnnotation(Field.class) && !parameter.hasParameterAnnotation(Selected.class)
                && !parameter.hasParameterAnnotation(Typed.class) && !parameter.hasParameterAnnotation(TargetOf.class);
    }

}
