package io.github.jdaboot.interaction.method.support;

import java.util.Set;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link CommandContext} parameters of {@code @Command} methods with the run: the
 * slash or prefix command.
 */
public class CommandContextArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return HandlerKind.COMMANDS;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context;
    }

}
