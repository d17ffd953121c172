package io.github.jdaboot.interaction.form;

import io.github.jdaboot.interaction.InteractionContext;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/** {@code boolean} (or {@code Boolean}) fields: whether a checkbox was ticked. */
public class BooleanFieldResolver implements FieldResolver {

    @Override
    public boolean supports(ResolvableType type) {
        return type.toClass() == boolean.class || type.toClass() == Boolean.class;
    }

    @Override
    public @Nullable String mismatch(OfferedField field, ResolvableType type) {
        return (field.type() == Component.Type.CHECKBOX) ? null
                : "a boolean takes a checkbox, not a " + Fields.describe(field.type());
    }

    @Override
    public Object empty(ResolvableType type) {
        return Boolean.FALSE;
    }

    @Override
    public Object resolve(ModalMapping value, OfferedField field, ResolvableType type, InteractionContext context) {
        return value.getAsBoolean();
    }

}
