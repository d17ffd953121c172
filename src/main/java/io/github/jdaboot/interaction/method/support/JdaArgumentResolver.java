package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.JDA;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code JDA} parameters (without {@link Option @Option}) with the JDA instance
 * (the shard) the event came from.
 */
public class JdaArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == JDA.class && ParameterAnnotations.plain(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.jda();
    }

}
