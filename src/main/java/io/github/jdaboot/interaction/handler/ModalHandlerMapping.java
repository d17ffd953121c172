package io.github.jdaboot.interaction.handler;

import java.util.Set;

import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.method.annotation.ExceptionHandlers;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;

import org.springframework.core.MethodParameter;

/**
 * Maps the custom ids of submitted forms to {@link ModalHandler @ModalHandler} methods.
 */
public class ModalHandlerMapping extends IdTemplateMapping<ModalHandler> {

    public ModalHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns, ExceptionHandlers exceptions) {
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
