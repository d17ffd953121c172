package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler never waits, so its runs stay on JDA's event thread instead of each getting
 * a virtual thread of its own: that saves the thread's start and the hand-over to it,
 * most of what the framework costs per run. On a class: every handler of the bean.
 * <p>
 * Mark only what computes its answer from what it has (its parameters, memory): the
 * method, its guards and its argument resolvers must not do I/O, sleep, hold a lock for
 * long, or wait for Discord ({@code complete()}, {@code join()},
 * {@link io.github.jdaboot.interaction.Entitlements#consume(String) consuming an
 * entitlement}). While a run is on the event thread, no other event of its shard is read:
 * a handler that waits there delays every command and, long enough, the gateway's
 * heartbeat. A run that takes longer than 250 ms is logged as a warning naming the
 * handler. Without this annotation (the default) any handler may wait: each run has its
 * own virtual thread.
 * <p>
 * Some runs take their virtual thread anyway: those of a prefix command whose handler may
 * ask for the user's entitlements (a parameter of type
 * {@link io.github.jdaboot.interaction.Entitlements} or
 * {@link io.github.jdaboot.interaction.InteractionContext}, or
 * {@link RequiresEntitlement @RequiresEntitlement}), which a message does not carry and
 * Discord is asked for. A method returning a {@link java.util.concurrent.CompletionStage}
 * (whose result the run waits for) cannot be {@code @NonBlocking}: the application does
 * not start.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NonBlocking {

}
