package io.github.jdaboot.interaction.method.annotation;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link TargetOf @TargetOf} parameters with what a user or message command was
 * chosen on: the {@code User}, the {@code Member} (null outside a server), or the
 * {@code Message}.
 */
public class TargetArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(TargetOf.class)
                && (type == User.class || type == Member.class || type == Message.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        GenericContextInteractionEvent<?> event = (GenericContextInteractionEvent<?>) context.event();
        if (parameter.getParameterType() == Member.class) {
            return ((UserContextInteractionEvent) event).getTargetMember();
        }
        return event.getTarget();
    }

}
