package io.github.jdaboot.interaction.handler;

import io.github.jdaboot.interaction.ComponentCallback;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.invocation.ComponentInvocation;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * Maps the clicks on components sent with a callback
 * ({@link Reply#withButton(net.dv8tion.jda.api.components.buttons.ButtonStyle, String, ComponentCallback)})
 * to their {@link ComponentCallback}: ids starting with
 * {@value ComponentCallbacks#PREFIX}. A click on one whose callback has expired is told
 * so. Asked before the {@link ComponentHandlerMapping}.
 */
public class ComponentCallbackHandlerMapping implements InteractionHandlerMapping, Ordered {

    private final ComponentCallbacks callbacks;

    private int order = -1;

    public ComponentCallbackHandlerMapping(ComponentCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** Where the dispatcher asks this mapping among the others (lowest first). */
    public void setOrder(int order) {
        this.order = order;
    }

    @Override
    public int getOrder() {
        return this.order;
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof GenericComponentInteractionCreateEvent click)
                || !click.getComponentId().startsWith(ComponentCallbacks.PREFIX)) {
            return null;
        }
        ComponentCallback callback = this.callbacks.find(click.getComponentId()).orElse(null);
        if (callback == null) {
            return HandlerMatch.notFound("interaction.expired.component");
        }
        return HandlerMatch.found(callback, (support) -> new ComponentInvocation(null, "callback", click, support));
    }

}
