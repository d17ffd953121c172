package io.github.jdaboot.interaction.method.support;

import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code Message} parameters: the message a clicked component is on (or a form was
 * opened from), or the message of a prefix command; null for a slash command.
 */
public class MessageArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.SLASH_COMMAND, HandlerKind.PREFIX_COMMAND, HandlerKind.COMPONENT, HandlerKind.MODAL);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Message.class && ParameterAnnotations.plain(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return ((Invocation) context).message();
    }

}
