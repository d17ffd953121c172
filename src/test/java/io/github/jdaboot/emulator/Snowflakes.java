package io.github.jdaboot.emulator;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord-shaped ids: milliseconds since the Discord epoch, by the emulator's clock, in
 * the high bits, a counter below.
 */
final class Snowflakes {

    static final long DISCORD_EPOCH = 1420070400000L;

    private final AtomicLong last = new AtomicLong();

    private final InstantSource clock;

    Snowflakes(InstantSource clock) {
        this.clock = clock;
    }

    long next() {
        long candidate = (this.clock.millis() - DISCORD_EPOCH) << 22;
        return this.last.accumulateAndGet(candidate, (prev, now) -> Math.max(prev + 1, now));
    }

    /**
     * A new id that Discord routes to the shard:
     * {@code (id >> 22) % shardCount == shardId}.
     */
    long nextOnShard(int shardId, int shardCount) {
        return this.last.updateAndGet((prev) -> {
            long millis = Math.max(prev >>> 22, this.clock.millis() - DISCORD_EPOCH) + 1;
            return (millis + Math.floorMod(shardId - millis, shardCount)) << 22;
        });
    }

    static long timestampOf(long snowflake) {
        return (snowflake >>> 22) + DISCORD_EPOCH;
    }

}
