package io.github.jdaboot.interaction.form;

import java.util.Arrays;
import java.util.List;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.Modal;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Enum fields: a radio group or a string select of one value whose options' values are
 * the names of the enum's constants ({@link Modal#radioGroup}, {@link Modal#select}).
 */
public class EnumFieldResolver implements FieldResolver {

    @Override
    public boolean supports(ResolvableType type) {
        return type.toClass().isEnum();
    }

    @Override
    public @Nullable String mismatch(OfferedField field, ResolvableType type) {
        if (field.type() != Component.Type.RADIO_GROUP && field.type() != Component.Type.STRING_SELECT) {
            return "an enum takes a radio group or a string select, not a " + Fields.describe(field.type());
        }
        if (field.max() > 1) {
            return "it is a menu of up to " + field.max() + " values: an enum takes one";
        }
        List<String> names = Arrays.stream(type.toClass().getEnumConstants())
            .map((constant) -> ((Enum<?>) constant).name())
            .toList();
        List<String> others = field.options().stream().filter((option) -> !names.contains(option)).toList();
        return others.isEmpty() ? null
                : "it offers " + others + ", which are no constants of " + type.toClass().getSimpleName() + " " + names;
    }

    @Override
    public Object resolve(ModalMapping value, OfferedField field, ResolvableType type, InteractionContext context) {
        String name = (value.getType() == Component.Type.STRING_SELECT) ? value.getAsStringList().getFirst()
                : value.getAsString();
        for (Object constant : type.toClass().getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        // the form offered it (checked when opened), so the enum changed since
        throw new IllegalStateException(
                "'" + name + "' is no constant of " + type.toClass().getSimpleName() + " any more");
    }

}
