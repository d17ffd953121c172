package io.github.jdaboot.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * When the harness's JVM stood still: a daemon thread that ticks every millisecond, so
 * that a gap between its ticks is a time when none of the harness's threads ran (a GC
 * pause, any other safepoint). The pacer asks it whether a late send is the harness's
 * doing. Neither the GC beans' counts nor HotSpot's safepoint time say so in time: in a
 * test with G1 pausing 90-450 ms, the counts missed some pauses altogether and the
 * safepoint time was updated only after the paced thread had gone on.
 */
final class HarnessStops {

    private static final long TICK = Duration.ofMillis(1).toNanos();

    private volatile long lastTick = System.nanoTime();

    /** The longest gap between ticks since {@link #takeLongest()} was last called. */
    private volatile long longestGap;

    private HarnessStops() {
    }

    static HarnessStops start() {
        HarnessStops stops = new HarnessStops();
        Thread ticker = new Thread(stops::tick, "harness-stops");
        ticker.setDaemon(true);
        ticker.start();
        return stops;
    }

    private void tick() {
        while (true) {
            LockSupport.parkNanos(TICK);
            long now = System.nanoTime();
            long gap = now - this.lastTick;
            this.lastTick = now;
            if (gap > this.longestGap) {
                this.longestGap = gap;
            }
        }
    }

    /**
     * The longest time the harness stood still since the last call, in nanoseconds: the
     * longest gap between ticks, or the time since the last tick when that is longer (a
     * stop the ticker has not woken from yet).
     */
    long takeLongest() {
        long longest = Math.max(this.longestGap, System.nanoTime() - this.lastTick);
        this.longestGap = 0;
        return longest;
    }

}
