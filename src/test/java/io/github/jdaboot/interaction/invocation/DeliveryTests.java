package io.github.jdaboot.interaction.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /**
     * A request that succeeds when queued, and notes whether the queueing thread was
     * interrupted (JDA's request queue then refuses it when its lock is contended).
     */
    private static final class Queued implements RestAction<String> {

        private volatile boolean interruptedWhileQueued = true;

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
            this.interruptedWhileQueued = Thread.currentThread().isInterrupted();
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
