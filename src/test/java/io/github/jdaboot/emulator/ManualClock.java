package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A clock that stands still until the test moves it, for tests of Discord's waits without
 * waiting: give it to the emulator ({@code DiscordEmulator.builder().clock(clock)}), then
 * {@link #advance(Duration)} past a wait, e.g. the 5 s between two IDENTIFYs of a bucket
 * or the 3 s an interaction's callback may take. What the emulator scheduled for the time
 * passed runs in {@code advance}, on the caller's thread, in the order it was due.
 */
public final class ManualClock implements EmulatorClock {

    /** A task due at an instant; the sequence keeps tasks due at once in order. */
    private record Scheduled(Instant due, long sequence, Runnable task) implements Comparable<Scheduled> {

        @Override
        public int compareTo(Scheduled other) {
            int byTime = this.due.compareTo(other.due);
            return (byTime != 0) ? byTime : Long.compare(this.sequence, other.sequence);
        }

    }

    private final PriorityQueue<Scheduled> scheduled = new PriorityQueue<>();

    private Instant now;

    private long sequence;

    /** A clock that starts at the system's time now. */
    public ManualClock() {
        this(Instant.now());
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return this.now;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        this.scheduled.add(new Scheduled(this.now.plus(delay), this.sequence++, task));
    }

    /**
     * Moves the clock on and runs what became due, in order.
     * @throws IllegalArgumentException for a negative duration: time does not go back
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock only moves on, not back by " + duration);
        }
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            this.now = this.now.plus(duration);
            while (!this.scheduled.isEmpty() && !this.scheduled.peek().due().isAfter(this.now)) {
                due.add(this.scheduled.poll().task());
            }
        }
        due.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + "]";
    }

}
