package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The system's time, for an emulator given no other clock. Its instants move on with
 * {@link System#nanoTime()} from the wall-clock time it was made at, so the limits it
 * measures never jump with the wall clock; it schedules on one daemon thread of its own,
 * stopped with the emulator.
 */
final class SystemClock implements EmulatorClock, AutoCloseable {

    private final Instant start = Instant.now();

    private final long startNanos = System.nanoTime();

    private final ScheduledExecutorService scheduler = Executors
        .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("discord-emulator-clock").daemon().factory());

    @Override
    public Instant instant() {
        return this.start.plusNanos(System.nanoTime() - this.startNanos);
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
