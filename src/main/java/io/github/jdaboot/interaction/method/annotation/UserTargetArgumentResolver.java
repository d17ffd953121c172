package io.github.jdaboot.interaction.method.annotation;

import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.UserCommand;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills the {@link TargetOf @TargetOf} {@code User} or {@code Member} parameter of a
 * {@link UserCommand @UserCommand} method with the user it was chosen on (the member is
 * null outside a server).
 */
public class UserTargetArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.USER_COMMAND);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.hasParameterAnnotation(TargetOf.class) && (type == User.class || type == Member.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        UserContextInteractionEvent event = (UserContextInteractionEvent) context.event();
        return (parameter.getParameterType() == Member.class) ? event.getTargetMember() : event.getTarget();
    }

}
