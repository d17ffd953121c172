package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.Modal;
import net.dv8tion.jda.api.components.textinput.TextInput;

/**
 * Binds a text field of a submitted {@link Modal} to a {@code String} parameter of a
 * {@link ModalHandler @ModalHandler} method. Checked as Discord checks it, since a client
 * can be modified: a required field must be there and not blank, and no value may be
 * longer than {@code maxLength}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Field {

    /**
     * The field's id, as given to {@link Modal#withText(String, String, Modal.Style)}.
     */
    String value();

    /** Whether the field must be filled in; an optional one is null when empty. */
    boolean required() default true;

    /** The most characters accepted; Discord allows 4,000. */
    int maxLength() default TextInput.MAX_VALUE_LENGTH;

}
