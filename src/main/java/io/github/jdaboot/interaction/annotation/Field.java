package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.Modal;
import net.dv8tion.jda.api.components.textinput.TextInput;

/**
 * Binds a field of a submitted {@link Modal} to a parameter of a
 * {@link ModalHandler @ModalHandler} method, by the field's id: a text input, a radio
 * group or a one-value select to a {@code String} (or an enum, for a radio group or
 * select offering its constants); a string select or a checkbox group to a
 * {@code List<String>}; a checkbox to a {@code boolean}; a user, role, channel or
 * mentionable select to a {@code User}, {@code Member}, {@code Role},
 * {@code GuildChannel} or {@code IMentionable}, or a list of them; a file upload to a
 * {@code Message.Attachment} or a list of them.
 * <p>
 * Before the handler runs, the submission is checked against the form the bot opened
 * (every field there and no other, values among the offered ones, required fields filled
 * in, lengths and numbers of values within the form's limits); a form that does not fit
 * the handler's {@code @Field} parameters fails when it is opened, naming the field.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Field {

    /** The field's id: the custom id of the component in the form's label. */
    String value();

    /**
     * Whether the handler needs the field filled in; an optional one left empty is null
     * (an empty list, {@code false}).
     */
    boolean required() default true;

    /** The most characters the handler accepts from a text; Discord allows 4,000. */
    int maxLength() default TextInput.MAX_VALUE_LENGTH;

}
