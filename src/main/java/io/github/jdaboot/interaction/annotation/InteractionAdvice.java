package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

/**
 * A bean whose {@link InteractionExceptionHandler @InteractionExceptionHandler} methods
 * handle what any handler throws, as Spring MVC's {@code @ControllerAdvice} does for
 * controllers. Handlers in the handler's own bean come first; advice beans are asked in
 * their {@code @Order}; the framework's own answers (a polite reply for bad input, an
 * apology with an error id for anything else) come last.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface InteractionAdvice {

}
