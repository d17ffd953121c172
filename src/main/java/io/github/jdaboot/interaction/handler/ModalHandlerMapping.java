package io.github.jdaboot.interaction.handler;

import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.invocation.ModalInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Maps the custom ids of submitted forms to {@link ModalHandler @ModalHandler} methods. A
 * form whose id no template matches is answered that it cannot be taken any more.
 */
public class ModalHandlerMapping extends IdTemplateMapping<ModalHandler> {

    public ModalHandlerMapping(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(ModalHandler.class, HandlerKind.MODAL, arguments, returns, exceptions);
    }

    @Override
    protected String[] templates(ModalHandler annotation) {
        return annotation.value();
    }

    @Override
    protected void check(HandlerMethod handler) {
        if (handler.returnType().getParameterType() == Modal.class) {
            throw handler.invalid(getAnnotationName(handler),
                    "a form cannot be answered with another form (Discord allows none)");
        }
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof ModalInteractionEvent form)) {
            return null;
        }
        Match match = match(form.getModalId());
        if (match == null) {
            return HandlerMatch.notFound("interaction.unknown.modal");
        }
        return HandlerMatch.found(match.handler(), (support) -> {
            ModalInvocation invocation = new ModalInvocation(match.handler(), match.template(), form, support);
            invocation.idParts(match.parts());
            return invocation;
        });
    }

}
