package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.interactions.InteractionContextType;

import org.springframework.core.MethodParameter;

/**
 * Fills JDA's {@code InteractionContextType} parameters with where it happened: a server,
 * the bot's DM, or a DM between users or group DM
 * ({@link InteractionContext#contextType()}).
 */
public class InteractionContextTypeArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == InteractionContextType.class && ParameterAnnotations.plain(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.contextType();
    }

}
