package io.github.jdaboot.interaction.method.annotation;

import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;

import org.springframework.core.MethodParameter;

/**
 * Fills the {@link TargetOf @TargetOf} {@code Message} parameter of a
 * {@link MessageCommand @MessageCommand} method with the message it was chosen on.
 */
public class MessageTargetArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.MESSAGE_COMMAND);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(TargetOf.class) && parameter.getParameterType() == Message.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return ((MessageContextInteractionEvent) context.event()).getTarget();
    }

}
