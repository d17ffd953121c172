package io.github.jdaboot.interaction.dispatch;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.HandlerMethod;
import org.jspecify.annotations.Nullable;

/**
 * A handler method about to run for an invocation, as the guards see it.
 *
 * @param handler the handler method
 * @param invocation its run
 */
record HandlerGuardedRun(HandlerMethod handler, Invocation invocation) implements GuardedRun {

    @Override
    public Method method() {
        return this.handler.method();
    }

    @Override
    public <A extends Annotation> @Nullable A annotation(Class<A> type) {
        return this.handler.annotation(type);
    }

    @Override
    public String name() {
        return this.invocation.userName();
    }

    @Override
    public String key() {
        return this.invocation.key();
    }

    @Override
    public InteractionContext context() {
        return this.invocation;
    }

}
