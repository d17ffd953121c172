package io.github.jdaboot.interaction.form;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Field;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * One Java type of {@link Field @Field} parameter: which fields of a form can fill it,
 * and how a submitted value is read. Adding a type is one class: a bean of this type,
 * consulted before the framework's (which cover {@code String}, {@code List<String>},
 * enums, {@code boolean}, {@code User}, {@code Member}, {@code Role},
 * {@code GuildChannel}, {@code IMentionable}, {@code Message.Attachment} and lists of
 * them).
 * <p>
 * A submitted value reaches {@link #resolve} only after the framework checked it against
 * the form the bot opened (the field was there, the value offered, the limits kept), and
 * only when the field was not left empty.
 */
public interface FieldResolver {

    /**
     * Whether this resolver fills parameters of this type (checked at startup for every
     * {@code @Field} parameter).
     */
    boolean supports(ResolvableType type);

    /**
     * Why a field, as a form offers it, cannot fill a parameter of this type (a checkbox
     * for a {@code String}, a menu of several values for one value, an option that is no
     * constant of the enum); null when it can. Checked each time the bot opens a form,
     * against the handler that will take it.
     */
    @Nullable String mismatch(OfferedField field, ResolvableType type);

    /** The parameter's value when its field was left empty; null by default. */
    default @Nullable Object empty(ResolvableType type) {
        return null;
    }

    /**
     * The parameter's value from the submitted field.
     * @param value the field as submitted, not empty
     * @param field the field as the form offered it
     */
    @Nullable Object resolve(ModalMapping value, OfferedField field, ResolvableType type, InteractionContext context);

}
