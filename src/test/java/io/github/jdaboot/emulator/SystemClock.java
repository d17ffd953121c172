package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The system's time, for an emulator given no other clock. Its instants move on with
 * {@link System#nanoTime()} from the wall-clock time it was made at, so the limits it
 * measures never jump back or forth with the wall clock; it schedules on one daemon
 * thread of its own, stopped with the emulator.
 * <p>
 * One jump is kept: the machine paused (a virtual machine suspended for a snapshot, and
 * its wall clock put forward when it resumes, while its monotonic clock stood still).
 * Discord is not on the machine: for it that time passed, and two IDENTIFYs 13 s apart by
 * the wall clock across such a pause, and two 5.7 s apart across a shorter one, were
 * under 5 s apart by {@code nanoTime} in a CI run. So when the wall clock runs ahead of
 * this clock by more than {@link #PAUSE}, this clock moves on to it; a wall clock set
 * back changes nothing.
 */
final class SystemClock implements EmulatorClock, AutoCloseable {

    /**
     * How far the wall clock may run ahead before the gap counts as a pause: NTP slews
     * both clocks alike, so only a step or a suspension makes one; a CI run's pause was
     * under a second.
     */
    static final Duration PAUSE = Duration.ofMillis(100);

    private final InstantSource wall;

    private final LongSupplier nanoTime;

    private final Instant start;

    private final long startNanos;

    /** The pauses counted so far, in nanoseconds: only grows. */
    private final AtomicLong paused = new AtomicLong();

    private final ScheduledExecutorService scheduler = Executors
        .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("discord-emulator-clock").daemon().factory());

    SystemClock() {
        this(InstantSource.system(), System::nanoTime);
    }

    SystemClock(InstantSource wall, LongSupplier nanoTime) {
        this.wall = wall;
        this.nanoTime = nanoTime;
        // the monotonic clock first, as in instant() the wall clock first: a thread held
        // up between two readings never makes the wall clock look ahead
        this.startNanos = nanoTime.getAsLong();
        this.start = wall.instant();
    }

    @Override
    public Instant instant() {
        // the wall clock first: a thread held up between the two readings then sees the
        // wall clock behind, never a pause that was not
        Instant wallNow = this.wall.instant();
        long elapsed = this.nanoTime.getAsLong() - this.startNanos;
        long wallAhead = Duration.between(this.start, wallNow).toNanos() - elapsed;
        long pausedNanos = this.paused.accumulateAndGet(wallAhead,
                (counted, ahead) -> (ahead - counted > PAUSE.toNanos()) ? ahead : counted);
        return this.start.plusNanos(elapsed + pausedNanos);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        if (!this.scheduler.isShutdown()) {
            this.scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        this.scheduler.shutdownNow();
    }

}
