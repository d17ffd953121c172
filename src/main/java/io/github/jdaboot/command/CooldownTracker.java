package io.github.jdaboot.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-user cooldowns: after a use, the same user waits the command's cooldown. Expired entries are
 * dropped as the map grows, so memory stays bounded by the users active within a cooldown.
 */
final class CooldownTracker {

    private record Key(String handler, long who) {
    }

    private static final int PURGE_THRESHOLD = 10_000;

    private final Map<Key, Long> readyAt = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    CooldownTracker() {
        this(System::nanoTime);
    }

    CooldownTracker(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a use of the command for the user.
     * @return zero when allowed (and the cooldown starts now), else how long the user must still wait
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
        if (this.readyAt.size() > PURGE_THRESHOLD) {
            this.readyAt.values().removeIf((ready) -> ready - now <= 0);
        }
        return Duration.ofNanos(wait[0]);
    }
}
