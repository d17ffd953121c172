package io.github.jdaboot.interaction.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandExecutorTests {

    private final CommandExecutor executor = new CommandExecutor(2, Timeouts.ANSWER);

    @Test
    void runHereRunsOnTheCallersThreadAndCountsWhileRunning() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Integer> activeMeanwhile = new AtomicReference<>();

        boolean ran = this.executor.runHere("/idea", "IdeaCommands.idea", () -> {
            ranOn.set(Thread.currentThread());
            activeMeanwhile.set(this.executor.active());
            return CompletableFuture.completedFuture(null);
        });

        assertThat(ran).isTrue();
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(activeMeanwhile.get()).isEqualTo(1);
        assertThat(this.executor.active()).isZero();
    }

    @Test
    void anInterruptedCallersRunGetsAThreadOfItsOwnAndTheCallerKeepsItsFlag() throws Exception {
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();

        Thread.currentThread().interrupt();
        boolean ran;
        try {
            ran = this.executor.runHere("/idea", "IdeaCommands.idea", () -> {
                ranOn.complete(Thread.currentThread());
                return CompletableFuture.completedFuture(null);
            });
        }
        finally {
            assertThat(Thread.interrupted()).as("the caller's flag, left as it was").isTrue();
        }

        assertThat(ran).isTrue();
        Thread thread = ranOn.get(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.isVirtual()).isTrue();
    }

    @Test
    void runHereIsRefusedAtCapacityAndWhileShuttingDown() {
        CompletableFuture<Void> replies = new CompletableFuture<>();
        assertThat(this.executor.runHere("/a", "A.a", () -> replies)).isTrue();
        assertThat(this.executor.submit("/b", () -> replies)).isTrue();

        assertThat(this.executor.runHere("/c", "C.c", () -> CompletableFuture.completedFuture(null)))
            .as("both permits held until the replies are sent")
            .isFalse();

        replies.complete(null);
        await().until(() -> this.executor.runHere("/d", "D.d", () -> CompletableFuture.completedFuture(null)));
        this.executor.stop();
        assertThat(this.executor.runHere("/e", "E.e", () -> CompletableFuture.completedFuture(null))).isFalse();
    }

    @Test
    void shutdownWaitsForTheRepliesOfARunThatRanHere() throws InterruptedException {
        CompletableFuture<Void> replies = new CompletableFuture<>();
        this.executor.start();
        this.executor.runHere("/idea", "IdeaCommands.idea", () -> replies);

        Thread stopping = Thread.ofPlatform().start(this.executor::stop);
        stopping.join(Duration.ofMillis(200));
        assertThat(stopping.isAlive()).as("stop() waits for the replies").isTrue();

        replies.complete(null);
        assertThat(stopping.join(Timeouts.ANSWER)).isTrue();
        assertThat(this.executor.active()).isZero();
    }

    @Test
    void runHereTurnedOffRunsOnAVirtualThread() {
        CommandExecutor everyRunOnItsThread = new CommandExecutor(2, Timeouts.ANSWER, false);
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();

        assertThat(everyRunOnItsThread.runHere("/idea", "IdeaCommands.idea", () -> {
            ranOn.complete(Thread.currentThread());
            return CompletableFuture.completedFuture(null);
        })).isTrue();

        assertThat(ranOn.orTimeout(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS).join().isVirtual()).isTrue();
    }

}
