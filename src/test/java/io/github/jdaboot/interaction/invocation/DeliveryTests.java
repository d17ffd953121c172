package io.github.jdaboot.interaction.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestAction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTests {

    @Test
    void queuesFromAnInterruptedThreadWithTheFlagClearedThenSetAgain() throws Exception {
        Queued action = new Queued();

        Thread.currentThread().interrupt();
        CompletableFuture<Boolean> sent;
        try {
            sent = Delivery.send("reply", () -> action);
        }
        finally {
            assertThat(Thread.interrupted()).as("the flag, set again").isTrue();
        }

        assertThat(action.interruptedWhileQueued).as("JDA's queue refuses an interrupted thread").isFalse();
        assertThat(sent.get(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void sendsAgainWhenJdasQueueRefusedTheRequestWhileItsLockWasHeld() throws Exception {
        Queued action = new Queued();
        action.refusals.set(1);

        CompletableFuture<Boolean> sent = Delivery.send("reply", () -> action);

        assertThat(sent.get(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(action.queued).as("queue() called: refused once, then taken").hasValue(2);
    }

    @Test
    void givesUpOnOtherFailuresOfQueue() throws Exception {
        Queued action = new Queued();
        action.failure = new IllegalStateException("Cannot send a message to a thread that is archived");

        CompletableFuture<Boolean> sent = Delivery.send("reply", () -> action);

        assertThat(sent.get(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        assertThat(action.queued).hasValue(1);
    }

    /**
     * A request that succeeds when queued (after refusing as JDA's queue does while its
     * lock is held, as often as asked), and notes whether the queueing thread was
     * interrupted (JDA's request queue then refuses it when its lock is contended).
     */
    private static final class Queued implements RestAction<String> {

        private volatile boolean interruptedWhileQueued = true;

        private final AtomicInteger refusals = new AtomicInteger();

        private final AtomicInteger queued = new AtomicInteger();

        private volatile @Nullable RuntimeException failure;

        @Override
        public JDA getJDA() {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestAction<String> setCheck(@Nullable BooleanSupplier checks) {
            return this;
        }

        @Override
        public void queue(@Nullable Consumer<? super String> success, @Nullable Consumer<? super Throwable> failure) {
            this.queued.incrementAndGet();
            this.interruptedWhileQueued = Thread.currentThread().isInterrupted();
            if (this.refusals.getAndDecrement() > 0) {
                // JDA's MiscUtil.tryLock, when another thread held the lock for 10 s
                throw new IllegalStateException("Could not acquire lock in a reasonable timeframe! (10 seconds)");
            }
            RuntimeException thrown = this.failure;
            if (thrown != null) {
                throw thrown;
            }
            if (success != null) {
                success.accept("sent");
            }
        }

        @Override
        public String complete(boolean shouldQueue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<String> submit(boolean shouldQueue) {
            throw new UnsupportedOperationException();
        }

    }

}
