package io.github.jdaboot.discord;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate in front of the shard manager's executor thread. That the shards of a stopped
 * context come back when it starts again is in {@link DiscordStartupTests}.
 */
@DisplayName("Shard start gate")
class ShardStartGateTests {

    @Test
    @DisplayName("work submitted before the gate opens waits for it, as JDA's executor uses it")
    void holdsWorkUntilOpened() throws Exception {
        ShardStartGate gate = new ShardStartGate();
        // what DefaultShardManager.createExecutor builds from the thread factory
        ExecutorService executor = Executors.newSingleThreadScheduledExecutor(gate);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            executor.submit(ran::countDown);

            assertThat(ran.await(200, TimeUnit.MILLISECONDS)).as("ran before the gate opened").isFalse();
            gate.open();
            assertThat(ran.await(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).as("ran after the gate opened")
                .isTrue();

            CountDownLatch later = new CountDownLatch(1);
            executor.submit(later::countDown);
            assertThat(later.await(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).as("later work runs at once")
                .isTrue();
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    @DisplayName("closing the gate, as the context does after the shard manager's shutdown, lets the last work run")
    void closeReleases() throws Exception {
        ShardStartGate gate = new ShardStartGate();
        ExecutorService executor = Executors.newSingleThreadScheduledExecutor(gate);
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute(ran::countDown);
        executor.shutdown();

        gate.close();

        assertThat(ran.await(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(executor.awaitTermination(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

}
