package io.github.jdaboot.discord;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DiscordRequestsTests {

    @Test
    void queuesFromAnInterruptedThreadWithTheFlagClearedThenSetAgain() {
        AtomicBoolean interruptedWhileQueueing = new AtomicBoolean(true);

        Thread.currentThread().interrupt();
        try {
            DiscordRequests.run(() -> interruptedWhileQueueing.set(Thread.currentThread().isInterrupted()));
        }
        finally {
            assertThat(Thread.interrupted()).as("the flag, set again").isTrue();
        }

        assertThat(interruptedWhileQueueing).as("JDA's queue refuses an interrupted thread").isFalse();
    }

    @Test
    void leavesAThreadNotInterruptedAsItWas() {
        DiscordRequests.run(() -> {
        });

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void setsTheFlagAgainWhenQueueingThrows() {
        Thread.currentThread().interrupt();
        try {
            assertThatIllegalStateException().isThrownBy(() -> DiscordRequests.run(() -> {
                throw new IllegalStateException("JDA is shut down");
            }));
        }
        finally {
            assertThat(Thread.interrupted()).as("the flag, set again").isTrue();
        }
    }

    @Test
    void retriesWhatJdasQueueRefusedWhileItsLockWasHeldAndNothingElseOfThatType() {
        assertThat(DiscordRequests
            .isRetryable(new IllegalStateException("Could not acquire lock in a reasonable timeframe! (10 seconds)")))
            .isTrue();
        assertThat(DiscordRequests
            .isRetryable(new IllegalStateException("Unable to acquire lock while thread is interrupted!"))).isTrue();
        assertThat(DiscordRequests.isRetryable(new IllegalStateException("JDA is shut down"))).isFalse();
        assertThat(DiscordRequests.isRetryable(new IllegalStateException())).isFalse();
    }

}
