package io.github.jdaboot.command;

import java.util.Set;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;

import org.springframework.core.MethodParameter;

/**
 * Maps the custom ids of submitted forms to {@link ModalHandler @ModalHandler} methods.
 */
class ModalHandlerMapping extends IdTemplateMapping<ModalHandler> {

    ModalHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns, ExceptionHandlers exceptions) {
        super(ModalHandler.class, arguments, returns, exceptions);
    }

    @Override
    String[] templates(ModalHandler annotation) {
        return annotation.value();
    }

    @Override
    Set<Class<?>> eventTypes() {
        return Set.of(ModalInteractionEvent.class);
    }

    @Override
    void check(HandlerMethod handler, MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(Selected.class)
                || parameter.getParameterType() == ComponentContext.class) {
            throw handler.invalid(what(), "parameter '" + parameter.getParameterName()
                    + "' is for clicks on components; a form's fields are @Field parameters");
        }
    }

    @Override
    void check(HandlerMethod handler) {
        if (handler.returnType().getParameterType() == Modal.class) {
            throw handler.invalid(what(), "a form cannot be answered with another form (Discord allows none)");
        }
    }

}
