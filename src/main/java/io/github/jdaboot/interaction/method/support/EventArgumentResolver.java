package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.events.GenericEvent;

import org.springframework.core.MethodParameter;

/**
 * Fills JDA event parameters with the event behind the run. A specific event type must
 * fit every run of the handler (a {@code SlashCommandInteractionEvent} only for
 * slash-only commands), which the handler mappings check at startup.
 */
public class EventArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return GenericEvent.class.isAssignableFrom(parameter.getParameterType());
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
