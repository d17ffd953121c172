package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How often a handler may run: after a use, the same user (or channel, or server:
 * {@link #scope()}) waits this many seconds. Whoever tries earlier is told when to retry.
 * On a command, a component handler or a form handler alike.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Cooldown {

    /** Seconds a user waits between two uses of the command. */
    long seconds();

    /**
     * Who waits: the user (the default), everyone in the channel, or everyone in the
     * server.
     */
    Scope scope() default Scope.USER;

    /** Who shares a cooldown. */
    enum Scope {

        /** Each user has their own. */
        USER,

        /** Everyone in a channel shares one. */
        CHANNEL,

        /** Everyone in a server (or a direct message) shares one. */
        GUILD

    }

}
