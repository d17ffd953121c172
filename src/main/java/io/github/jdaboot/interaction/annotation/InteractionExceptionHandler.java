package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.Reply;

/**
 * Marks a method that answers when a handler throws, as Spring MVC's
 * {@code @ExceptionHandler}: on the handler's own bean, or on an
 * {@link InteractionAdvice @InteractionAdvice} bean for every handler. Its parameters are
 * the exception and anything a handler may take (the context, the user, ...); it answers
 * like a handler ({@code String}, {@link Reply}, ...). The closest matching exception
 * type wins; when no method handles the exception itself, its causes are tried, and an
 * exception parameter gets the cause that matched. Two methods for one exception type on
 * a bean fail startup.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InteractionExceptionHandler {

    /** The exceptions handled; by default those of the method's exception parameter. */
    Class<? extends Throwable>[] value() default {};

}
