package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.Guild;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code Guild} parameters (without {@link Option @Option}) with the server, null
 * in a direct message.
 */
public class GuildArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Guild.class && ParameterAnnotations.plain(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.guild();
    }

}
