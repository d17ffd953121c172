package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.Typed;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link InteractionContext} parameters (and {@link CommandContext},
 * {@link ComponentContext}) with the run itself.
 */
public class ContextArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return InteractionContext.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        if (!parameter.getParameterType().isInstance(context)) {
            throw new IllegalStateException(
                    parameter.getParameterType().getSimpleName() + " asked in a " + context.getClass().getSimpleName());
        }
        return context;
    }

    /**
     * Whether the parameter has none of the framework's binding annotations, so it is
     * filled by its type.
     */
    public static boolean plain(MethodParameter parameter) {
        return !parameter.hasParameterAnnotation(Option.class) && !parameter.hasParameterAnnotation(IdPart.class)
                && !parameter.hasParameterAnnotation(Field.class) && !parameter.hasParameterAnnotation(Selected.class)
                && !parameter.hasParameterAnnotation(Typed.class) && !parameter.hasParameterAnnotation(TargetOf.class);
    }

}
