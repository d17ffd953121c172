package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import net.dv8tion.jda.api.requests.RestRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The bot token's global REST limit, shared by every process in Redis. Each request takes
 * a turn first: turns are spaced evenly at {@code requests-per-second} across all
 * processes (by Redis' clock), and none is given while a global 429 that any process
 * received is being waited out. JDA reports that 429 here: this is the
 * {@link RestRateLimiter.GlobalRateLimit} of the session controller, whose
 * {@link #setClassic} pauses every process. Cloudflare's limits are per IP address, so
 * they stay with this process.
 */
final class SharedRateLimit implements RestRateLimiter.GlobalRateLimit {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimit.class);

    /** Microseconds to wait for a turn; 0 when this request has one. */
    private static final RedisScript<Long> TURN = RedisScript.of("""
            local pause = redis.call('PTTL', KEYS[2])
            if pause > 0 then return pause * 1000 end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local next = tonumber(redis.call('GET', KEYS[1]) or '0')
            if next > now then return next - now end
            redis.call('SET', KEYS[1], string.format('%.0f', now + tonumber(ARGV[1])), 'PX', 10000)
            return 0""", Long.class);

    /** Sets the pause unless a longer one is on. */
    private static final RedisScript<Long> PAUSE = RedisScript.of("""
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
              return 1
            end
            return 0""", Long.class);

    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final StringRedisTemplate redis;

    private final List<String> keys;

    private final String pauseKey;

    private final String interval;

    private final AtomicLong classic = new AtomicLong(-1);

    private final AtomicLong cloudflare = new AtomicLong(-1);

    private final AtomicLong failureLoggedNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    SharedRateLimit(StringRedisTemplate redis, String keyPrefix, int requestsPerSecond) {
        this.redis = redis;
        this.pauseKey = keyPrefix + ":rest:global-pause";
        this.keys = List.of(keyPrefix + ":rest:next-turn", this.pauseKey);
        this.interval = Long.toString(1_000_000L / requestsPerSecond);
    }

    /**
     * Waits for this request's turn. When Redis cannot be reached the request goes
     * without one (JDA still waits out the 429s it receives), and that is logged.
     */
    void awaitTurn() throws InterruptedException {
        while (true) {
            Long wait;
            try {
                wait = this.redis.execute(TURN, this.keys, this.interval);
            }
            catch (DataAccessException ex) {
                long now = System.nanoTime();
                long logged = this.failureLoggedNanos.get();
                if (now - logged >= LOG_INTERVAL_NANOS && this.failureLoggedNanos.compareAndSet(logged, now)) {
                    log.error("Redis unreachable: REST requests go without the shared global limit: {}",
                            ex.getMessage());
                }
                return;
            }
            if (wait == null || wait <= 0) {
                return;
            }
            // a little jitter, so that the processes waiting for the same turn do not all
            // ask at once
            TimeUnit.MICROSECONDS.sleep(wait + ThreadLocalRandom.current().nextLong(1000));
        }
    }

    @Override
    public long getClassic() {
        return this.classic.get();
    }

    /**
     * A global 429: JDA waits here until {@code timestamp}, and every other process waits
     * through Redis.
     */
    @Override
    public void setClassic(long timestamp) {
        this.classic.set(timestamp);
        long pause = timestamp - System.currentTimeMillis();
        if (pause > 0) {
            try {
                this.redis.execute(PAUSE, List.of(this.pauseKey), Long.toString(pause));
                log.warn("Global rate limit: every process pauses REST requests for {}", Duration.ofMillis(pause));
            }
            catch (DataAccessException ex) {
                log.error("Redis unreachable: only this process pauses for the global rate limit: {}", ex.getMessage());
            }
        }
    }

    @Override
    public long getCloudflare() {
        return this.cloudflare.get();
    }

    @Override
    public void setCloudflare(long timestamp) {
        this.cloudflare.set(timestamp);
    }

}
