package io.github.jdaboot.interaction.handler;

import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.invocation.ComponentInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import org.jspecify.annotations.Nullable;

/**
 * Maps the custom ids of buttons and select menus to
 * {@link ComponentHandler @ComponentHandler} methods. A click whose id no template
 * matches (the bot no longer has that button) is answered that it does nothing any more.
 */
public class ComponentHandlerMapping extends IdTemplateMapping<ComponentHandler> {

    public ComponentHandlerMapping(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(ComponentHandler.class, HandlerKind.COMPONENT, arguments, returns, exceptions);
    }

    @Override
    protected String[] templates(ComponentHandler annotation) {
        return annotation.value();
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof GenericComponentInteractionCreateEvent click)
                || click.getComponentId().startsWith(ComponentCallbacks.PREFIX)) {
            return null;
        }
        Match match = match(click.getComponentId());
        if (match == null) {
            return HandlerMatch.notFound("interaction.unknown.component");
        }
        return HandlerMatch.found(match.handler(), (support) -> {
            ComponentInvocation invocation = new ComponentInvocation(match.handler(), match.template(), click, support);
            invocation.idParts(match.parts());
            return invocation;
        });
    }

}
