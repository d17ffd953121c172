package io.github.jdaboot.interaction.handler;

import net.dv8tion.jda.api.events.GenericEvent;
import org.jspecify.annotations.Nullable;

/**
 * Finds the handler of an event, as Spring MVC's {@code HandlerMapping} finds a
 * request's. The dispatcher asks the mapping beans in their order, and the first one that
 * claims the event decides: it either found a handler to run, or it knows the event is
 * for the bot but that nothing handles it any more (a command since removed, an expired
 * button) and says what to answer. A bean of this type adds a mapping of its own.
 */
public interface InteractionHandlerMapping {

    /**
     * The handler for an event, on JDA's event thread: quick, and without blocking.
     * @return null when the event is not one this mapping handles (the next mapping is
     * asked); otherwise {@link HandlerMatch.Found} or {@link HandlerMatch.NotFound}
     */
    @Nullable HandlerMatch getHandler(GenericEvent event);

}
