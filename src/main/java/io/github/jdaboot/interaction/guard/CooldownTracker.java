package io.github.jdaboot.interaction.guard;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-user cooldowns: after a use, the same user waits the command's cooldown. Expired
 * entries are dropped as the map grows, and it never holds more than {@code capacity}
 * users: beyond that, the cooldowns closest to their end are dropped first (memory stays
 * bounded even when more users than that are cooling down at once; those few may use
 * their command a little early).
 */
public final class CooldownTracker {

    private record Key(String handler, long who) {
    }

    /** The default bound: users cooling down at once. */
    static final int CAPACITY = 100_000;

    private static final int PURGE_THRESHOLD = 10_000;

    private final Map<Key, Long> readyAt = new ConcurrentHashMap<>();

    private final LongSupplier nanoClock;

    private final int capacity;

    /**
     * The size beyond which the next use purges: doubled after a purge that freed little,
     * so purges stay rare.
     */
    private volatile int purgeAt;

    public CooldownTracker() {
        this(System::nanoTime);
    }

    public CooldownTracker(LongSupplier nanoClock) {
        this(nanoClock, CAPACITY);
    }

    public CooldownTracker(LongSupplier nanoClock, int capacity) {
        this.nanoClock = nanoClock;
        this.capacity = capacity;
        this.purgeAt = Math.min(PURGE_THRESHOLD, capacity);
    }

    /**
     * Takes a use of the command for the user.
     * @return zero when allowed (and the cooldown starts now), else how long the user
     * must still wait
     */
    Duration tryUse(String handler, Duration cooldownTime, long who) {
        if (!cooldownTime.isPositive()) {
            return Duration.ZERO;
        }
        long now = this.nanoClock.getAsLong();
        long cooldown = cooldownTime.toNanos();
        long[] wait = { 0 };
        this.readyAt.compute(new Key(handler, who), (key, ready) -> {
            if (ready != null && ready - now > 0) {
                wait[0] = ready - now;
                return ready;
            }
            return now + cooldown;
        });
        if (this.readyAt.size() > this.purgeAt) {
            purge(now);
        }
        return Duration.ofNanos(wait[0]);
    }

    /** How many users are remembered (at most the capacity). */
    int size() {
        return this.readyAt.size();
    }

    private synchronized void purge(long now) {
        if (this.readyAt.size() <= this.purgeAt) {
            return;
        }
        this.readyAt.values().removeIf((ready) -> ready - now <= 0);
        int excess = this.readyAt.size() - this.capacity * 9 / 10;
        if (this.readyAt.size() > this.capacity && excess > 0) {
            this.readyAt.entrySet()
                .stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a - now, b - now)))
                .limit(excess)
                .toList()
                .forEach((entry) -> this.readyAt.remove(entry.getKey(), entry.getValue()));
        }
        this.purgeAt = Math.max(Math.min(PURGE_THRESHOLD, this.capacity),
                Math.min(this.capacity, this.readyAt.size() * 2));
    }

}
