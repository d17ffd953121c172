package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code MessageChannel} (and {@code MessageChannelUnion}) parameters with where it
 * happened.
 */
public class ChannelArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return (type == MessageChannel.class || type == MessageChannelUnion.class)
                && ParameterAnnotations.plain(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.channel();
    }

}
