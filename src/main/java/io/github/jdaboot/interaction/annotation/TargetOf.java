package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds what a {@link UserCommand @UserCommand} or {@link MessageCommand @MessageCommand}
 * was chosen on: a {@code User} or {@code Member}, or a {@code Message}. (A plain
 * {@code User} parameter is the user who chose it.)
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TargetOf {

}
