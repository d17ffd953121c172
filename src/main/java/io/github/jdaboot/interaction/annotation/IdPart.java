package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a part of a component's or form's custom id to a parameter, as
 * {@code @PathVariable} binds a part of a URL: with the template
 * {@code "idea:another:{topic}"}, {@code @IdPart String topic}. Converted to the
 * parameter's type by Spring's conversion service; an id whose part does not convert (a
 * forged one) gets a polite reply.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IdPart {

    /** The part's name in the template; by default the parameter's name. */
    String value() default "";

    /**
     * Whether the part must be there: false for a method with several templates where
     * some lack it.
     */
    boolean required() default true;

}
