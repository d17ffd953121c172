package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.interactions.IntegrationOwners;

import org.springframework.core.MethodParameter;

/**
 * Fills JDA's {@code IntegrationOwners} parameters with who installed the app so that
 * this could run: the server, the user who installed it to their account, or both
 * ({@link InteractionContext#integrationOwners()}).
 */
public class IntegrationOwnersArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IntegrationOwners.class && ParameterAnnotations.plain(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.integrationOwners();
    }

}
