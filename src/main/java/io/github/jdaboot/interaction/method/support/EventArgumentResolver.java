package io.github.jdaboot.interaction.method.support;

import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.events.GenericEvent;

import org.springframework.core.MethodParameter;

/**
 * Fills JDA event parameters of the handlers of one kind with the event behind the run: a
 * type that some event of the kind is ({@code GenericEvent}, or
 * {@code SlashCommandInteractionEvent} for a slash command,
 * {@code ButtonInteractionEvent} for a click). There is one for each {@link HandlerKind},
 * so that a handler serving several kinds (a command offered as slash and prefix command)
 * takes an event type that fits them all.
 */
public class EventArgumentResolver implements InteractionArgumentResolver {

    private final HandlerKind kind;

    public EventArgumentResolver(HandlerKind kind) {
        this.kind = kind;
    }

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(this.kind);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return GenericEvent.class.isAssignableFrom(type)
                && this.kind.eventTypes().stream().anyMatch(type::isAssignableFrom);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        GenericEvent event = context.event();
        if (!parameter.getParameterType().isInstance(event)) {
            throw new IllegalStateException(parameter.getParameterType().getSimpleName() + " asked, but the event is a "
                    + event.getClass().getSimpleName());
        }
        return event;
    }

}
