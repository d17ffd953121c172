package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;

/**
 * Marks a method of a Spring bean as the handler of submitted {@link Modal forms} whose
 * custom id matches a template ({@code "suggest"}, or {@code "rename:{tag}"} with
 * {@link IdPart @IdPart}). Each text field is bound to a {@link Field @Field} parameter.
 * The method answers like a command; for a form opened from a click,
 * {@link Reply#update(String)} edits the message that was clicked.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ModalHandler {

    /** The custom id templates this method handles. */
    String[] value();

}
