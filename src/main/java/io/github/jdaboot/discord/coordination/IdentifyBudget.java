package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * Discord's daily session start budget ({@code session_start_limit.remaining}), shared by
 * every process in Redis: stored from {@code GET /gateway/bot} until it resets, one taken
 * per IDENTIFY. When only the reserve is left, no shard identifies: running out would end
 * every session and reset the token.
 */
final class IdentifyBudget {

    private static final Logger log = LoggerFactory.getLogger(IdentifyBudget.class);

    /**
     * Takes one: the IDENTIFYs left after it, -1 when only the reserve is left, -2 when
     * the budget is unknown.
     */
    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local left = redis.call('GET', KEYS[1])
            if not left then return -2 end
            if tonumber(left) <= tonumber(ARGV[1]) then return -1 end
            return redis.call('DECR', KEYS[1])""", Long.class);

    /** What {@code GET /gateway/bot} says of the budget. */
    record Limit(int remaining, Duration resetAfter, int maxConcurrency) {
    }

    private final CoordinationRedis redis;

    private final String key;

    private final int reserve;

    /**
     * As last seen; shards identify in parallel, so a take only ever lowers it (a reset
     * stores it anew).
     */
    private final AtomicInteger left = new AtomicInteger(-1);

    private volatile boolean exhausted;

    IdentifyBudget(CoordinationRedis redis, CoordinationKeys keys, int reserve) {
        this.redis = redis;
        this.key = keys.identifyBudget();
        this.reserve = reserve;
    }

    /**
     * Stores what Discord says is left, until it resets.
     * @throws org.springframework.dao.DataAccessException when Redis cannot be reached
     */
    void update(Limit limit) {
        this.left.set(limit.remaining());
        this.redis.control((redis) -> {
            redis.opsForValue().set(this.key, Integer.toString(limit.remaining()), limit.resetAfter());
            return null;
        });
    }

    /**
     * Takes one IDENTIFY from the budget, asking Discord first when the budget is not
     * known (at the first start, and after it reset).
     * @return false when only the reserve is left: the shard must not identify now
     */
    boolean take(Supplier<Limit> discord) {
        Long after = this.redis.control(TAKE, List.of(this.key), Integer.toString(this.reserve));
        if (after != null && after == -2) {
            update(discord.get());
            after = this.redis.control(TAKE, List.of(this.key), Integer.toString(this.reserve));
        }
        if (after == null || after < 0) {
            if (!this.exhausted) {
                this.exhausted = true;
                log.error(
                        "Discord's daily session start budget is down to its reserve ({} of"
                                + " discord.coordination.identify-reserve={}): no shard identifies until it resets",
                        this.left.get(), this.reserve);
            }
            return false;
        }
        if (this.exhausted) {
            this.exhausted = false;
            log.info("Discord's daily session start budget was reset: shards identify again");
        }
        int taken = after.intValue();
        this.left.accumulateAndGet(taken, (seen, now) -> (seen < 0) ? now : Math.min(seen, now));
        return true;
    }

    /** IDENTIFYs left as last seen, -1 before the first look. */
    int left() {
        return this.left.get();
    }

    int reserve() {
        return this.reserve;
    }

    /** Whether identifying stopped because only the reserve is left. */
    boolean isExhausted() {
        return this.exhausted;
    }

}
