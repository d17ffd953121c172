package io.github.jdaboot.interaction.form;

import java.util.List;

import io.github.jdaboot.interaction.InteractionContext;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * {@code String} fields: the text of a text input, the value chosen in a radio group, or
 * the one value of a string select.
 */
public class StringFieldResolver implements FieldResolver {

    @Override
    public boolean supports(ResolvableType type) {
        return type.toClass() == String.class;
    }

    @Override
    public @Nullable String mismatch(OfferedField field, ResolvableType type) {
        return switch (field.type()) {
            case TEXT_INPUT, RADIO_GROUP -> null;
            case STRING_SELECT -> (field.max() > 1) ? "it is a menu of up to " + field.max()
                    + " values: take a List<String>, or let the menu take one value" : null;
            default ->
                "a String takes a text input, a radio group or a string select, not a " + Fields.describe(field.type());
        };
    }

    @Override
    public @Nullable Object resolve(ModalMapping value, OfferedField field, ResolvableType type,
            InteractionContext context) {
        if (value.getType() == Component.Type.STRING_SELECT) {
            List<String> values = value.getAsStringList();
            return values.isEmpty() ? null : values.getFirst();
        }
        return value.getAsOptionalString();
    }

}
