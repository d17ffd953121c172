package io.github.jdaboot.interaction.handler;

import java.util.Set;

import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.method.annotation.ExceptionHandlers;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;

import org.springframework.core.MethodParameter;

/**
 * Maps the custom ids of buttons and select menus to
 * {@link ComponentHandler @ComponentHandler} methods.
 */
public class ComponentHandlerMapping extends IdTemplateMapping<ComponentHandler> {

    public ComponentHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        super(ComponentHandler.class, arguments, returns, exceptions);
    }

    @Override
    String[] templates(ComponentHandler annotation) {
        return annotation.value();
    }

    @Override
    Set<Class<?>> eventTypes() {
        return Set.of(ButtonInteractionEvent.class, StringSelectInteractionEvent.class,
                EntitySelectInteractionEvent.class);
    }

    @Override
    void check(HandlerMethod handler, MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(Field.class)) {
            throw handler.invalid(what(), "parameter '" + parameter.getParameterName()
                    + "' is a @Field, which only forms have: use it in a @ModalHandler method");
        }
    }

}
