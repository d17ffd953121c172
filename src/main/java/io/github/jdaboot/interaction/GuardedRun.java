package io.github.jdaboot.interaction;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import io.github.jdaboot.interaction.method.HandlerMethod;
import org.jspecify.annotations.Nullable;

/**
 * A handler about to run, as an {@link InteractionGuard} sees it.
 */
public final class GuardedRun {

    private final HandlerMethod handler;

    private final String name;

    private final String key;

    private final InteractionContext context;

    public GuardedRun(HandlerMethod handler, String name, String key, InteractionContext context) {
        this.handler = handler;
        this.name = name;
        this.key = key;
        this.context = context;
    }

    /** The handler's method. */
    public Method method() {
        return this.handler.method();
    }

    /** An annotation on the method or its class (meta-annotations merged), or null. */
    public <A extends Annotation> @Nullable A annotation(Class<A> type) {
        return this.handler.annotation(type);
    }

    /**
     * What the user would call it in a reply: {@code /idea}, {@code .idea}, or "this
     * button".
     */
    public String name() {
        return this.name;
    }

    /**
     * A stable key for the handler, the same for every run of it: {@code idea}, or the
     * button's id template.
     */
    public String key() {
        return this.key;
    }

    /** The run: who acted, where. */
    public InteractionContext context() {
        return this.context;
    }

}
