package io.github.jdaboot.interaction.method.annotation;

import java.util.Set;

import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@link Field @Field} parameters with a text field of the submitted form, checked
 * again as Discord's client checks it: required fields present and not blank, values
 * within {@code maxLength}.
 */
public class FieldArgumentResolver implements InteractionArgumentResolver {

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.MODAL);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Field.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        Field field = parameter.getParameterAnnotation(Field.class);
        ModalInteractionEvent event = (ModalInteractionEvent) context.event();
        ModalMapping mapping = event.getValue(field.value());
        String value = (mapping != null && mapping.getType() == Component.Type.TEXT_INPUT) ? mapping.getAsString()
                : null;
        if (value == null || value.isBlank()) {
            if (field.required()) {
                throw new CommandException(InteractionMessages.of("interaction.form.missing", field.value()));
            }
            return null;
        }
        if (value.codePointCount(0, value.length()) > field.maxLength()) {
            throw new CommandException(InteractionMessages.of("interaction.too-long", "**" + field.value() + "**",
                    String.valueOf(field.maxLength())));
        }
        return value;
    }

}
