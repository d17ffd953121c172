package io.github.jdaboot.interaction.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("The framework's deadlines: one thread, one queue per delay")
class DeadlineTimerTests {

    private static final Duration SHORT = Duration.ofMillis(50);

    private final DeadlineTimer timer = new DeadlineTimer("test-deadlines");

    @AfterEach
    void close() {
        this.timer.close();
    }

    @Test
    @DisplayName("a task runs once its delay has passed, not before")
    void runsWhenDue() {
        AtomicLong ranAt = new AtomicLong();
        long scheduledAt = System.nanoTime();

        DeadlineTimer.Deadline deadline = this.timer.schedule(SHORT, () -> ranAt.set(System.nanoTime()));

        await().atMost(Timeouts.ANSWER).until(() -> ranAt.get() != 0);
        assertThat(ranAt.get() - scheduledAt).isGreaterThanOrEqualTo(SHORT.toNanos());
        assertThat(deadline.isPending()).isFalse();
        assertThat(deadline.cancel()).as("too late to cancel").isFalse();
    }

    @Test
    @DisplayName("a cancelled task never runs, and its entry leaves the queue when due")
    void cancelled() {
        AtomicInteger cancelledRuns = new AtomicInteger();
        CountDownLatch after = new CountDownLatch(1);

        DeadlineTimer.Deadline cancelled = this.timer.schedule(SHORT, cancelledRuns::incrementAndGet);
        assertThat(cancelled.cancel()).isTrue();
        assertThat(cancelled.cancel()).as("cancelled once").isFalse();
        // same delay, scheduled after: due after the cancelled one, so it runs after its
        // turn has passed
        this.timer.schedule(SHORT, after::countDown);

        await().atMost(Timeouts.ANSWER).until(() -> after.getCount() == 0);
        assertThat(cancelledRuns).hasValue(0);
        assertThat(cancelled.isPending()).isFalse();
        assertThat(this.timer.pending()).isZero();
    }

    @Test
    @DisplayName("tasks of one delay run in the order they were scheduled")
    void inOrder() {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            this.timer.schedule(SHORT, () -> ran.add(n));
        }

        await().atMost(Timeouts.ANSWER).until(() -> ran.size() == 100);
        assertThat(ran).isSorted();
    }

    @Test
    @DisplayName("a shorter delay scheduled after a much longer one wakes the timer for it")
    void shorterDelayWakesTheTimer() {
        AtomicInteger longRuns = new AtomicInteger();
        CountDownLatch shortRan = new CountDownLatch(1);
        this.timer.schedule(Duration.ofMinutes(10), longRuns::incrementAndGet);
        // the timer now sleeps until the long one is due, unless woken
        await().atMost(Timeouts.ANSWER).until(() -> this.timer.pending() == 1);

        this.timer.schedule(SHORT, shortRan::countDown);

        await().atMost(Timeouts.ANSWER).until(() -> shortRan.getCount() == 0);
        assertThat(longRuns).hasValue(0);
    }

    @Test
    @DisplayName("an idle timer wakes for a new deadline, again and again")
    void wakesWhenIdle() {
        for (int i = 0; i < 5; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            this.timer.schedule(Duration.ZERO, ran::countDown);
            await().atMost(Timeouts.ANSWER).until(() -> ran.getCount() == 0);
            await().atMost(Timeouts.ANSWER).until(() -> this.timer.pending() == 0);
        }
    }

    @Test
    @DisplayName("a task that throws does not stop the timer")
    void failingTask() {
        CountDownLatch after = new CountDownLatch(1);

        this.timer.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("a failing deadline (expected in this test)");
        });
        this.timer.schedule(SHORT, after::countDown);

        await().atMost(Timeouts.ANSWER).until(() -> after.getCount() == 0);
    }

    @Test
    @DisplayName("scheduled from many threads at once, every task not cancelled runs exactly once")
    void concurrent() throws InterruptedException {
        int threads = 4;
        int each = 2_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(threads * each);
        ConcurrentLinkedQueue<Integer> cancelled = new ConcurrentLinkedQueue<>();
        List<Thread> scheduling = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            scheduling.add(Thread.ofVirtual().start(() -> {
                for (int i = first; i < first + each; i++) {
                    int n = i;
                    Duration delay = (n % 3 == 0) ? Duration.ZERO : SHORT.multipliedBy(n % 3);
                    DeadlineTimer.Deadline deadline = this.timer.schedule(delay, () -> runs.incrementAndGet(n));
                    if (n % 2 == 0 && deadline.cancel()) {
                        cancelled.add(n);
                    }
                }
            }));
        }
        for (Thread thread : scheduling) {
            thread.join();
        }

        await().atMost(Timeouts.ANSWER).until(() -> this.timer.pending() == 0);
        for (int n = 0; n < threads * each; n++) {
            assertThat(runs.get(n)).as("runs of task %d", n).isEqualTo(cancelled.contains(n) ? 0 : 1);
        }
        assertThat(cancelled).hasSizeGreaterThan(threads * each / 4);
    }

    @Test
    @DisplayName("once closed, no task runs any more")
    void closed() {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch before = new CountDownLatch(1);
        this.timer.schedule(Duration.ZERO, before::countDown);
        await().atMost(Timeouts.ANSWER).until(() -> before.getCount() == 0);

        this.timer.close();
        this.timer.schedule(Duration.ZERO, runs::incrementAndGet);

        assertThat(this.timer.pending()).isEqualTo(1);
        assertThat(runs).hasValue(0);
    }

}
