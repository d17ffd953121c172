package io.github.jdaboot.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How often one user may run the command: after a use, the same user waits this many seconds.
 * A user who tries earlier is told when to retry.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Cooldown {

    /** Seconds a user waits between two uses of the command. */
    long seconds();
}
