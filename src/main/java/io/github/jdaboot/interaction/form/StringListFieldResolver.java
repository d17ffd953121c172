package io.github.jdaboot.interaction.form;

import java.util.List;

import io.github.jdaboot.interaction.InteractionContext;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * {@code List<String>} fields: the values chosen in a string select or a checkbox group.
 */
public class StringListFieldResolver implements FieldResolver {

    @Override
    public boolean supports(ResolvableType type) {
        return type.toClass() == List.class && type.getGeneric(0).toClass() == String.class;
    }

    @Override
    public @Nullable String mismatch(OfferedField field, ResolvableType type) {
        return switch (field.type()) {
            case STRING_SELECT, CHECKBOX_GROUP -> null;
            default ->
                "a List<String> takes a string select or a checkbox group, not a " + Fields.describe(field.type());
        };
    }

    @Override
    public Object empty(ResolvableType type) {
        return List.of();
    }

    @Override
    public Object resolve(ModalMapping value, OfferedField field, ResolvableType type, InteractionContext context) {
        return value.getAsStringList();
    }

}
