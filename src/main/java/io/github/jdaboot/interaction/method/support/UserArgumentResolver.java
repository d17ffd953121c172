package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.User;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code User} parameters (without {@link Option @Option}) with the user who acted
 * (ran the command, clicked or submitted).
 */
public class UserArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == User.class && ParameterAnnotations.plain(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.user();
    }

}
