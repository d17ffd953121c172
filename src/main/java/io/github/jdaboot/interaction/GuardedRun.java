package io.github.jdaboot.interaction;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * A handler about to run, as an {@link InteractionGuard} sees it.
 */
public interface GuardedRun {

    /** The handler's method. */
    Method method();

    /** An annotation on the method or its class (meta-annotations merged), or null. */
    <A extends Annotation> @Nullable A annotation(Class<A> type);

    /**
     * What the user would call it in a reply, in their language: {@code /idea},
     * {@code .idea}, or "this button".
     */
    String name();

    /**
     * A stable key for the handler, the same for every run of it: {@code idea}, or the
     * button's id template.
     */
    String key();

    /** The run: who acted, where, in which language. */
    InteractionContext context();

}
