package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Timer;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The bot token's global REST limit, shared by every process in Redis. Each request takes
 * a turn first: turns are spaced evenly at {@code requests-per-second} across all
 * processes (by Redis' clock), and none is given while a global 429 that any process
 * received is being waited out. JDA reports that 429 here: this is the
 * {@link RestRateLimiter.GlobalRateLimit} of the session controller, whose
 * {@link #setClassic} pauses every process (written on the control connection, which
 * waits for a slow Redis up to {@code redis-timeout}: a pause the others miss is a 429
 * each). Cloudflare's limits are per IP address, so they stay with this process.
 * <p>
 * A turn waits for Redis at most {@code request-timeout}, and not at all while Redis is
 * known to be unreachable: then turns are spaced here, at this process's share of the
 * limit ({@code requests-per-second} divided by the processes last seen). A turn Redis
 * did not answer in time is asked for again, up to {@value #ATTEMPTS} times, before the
 * request keeps to that share: a slow answer has most likely reserved a turn, at the end
 * of the queue, and a request sent at once beside the turns of the others is one more in
 * the second it is sent (a reserved turn left unused only leaves a gap). Turns taken here
 * are counted ({@link #localTurns}).
 */
final class SharedRateLimit implements RestRateLimiter.GlobalRateLimit {

    private static final Logger log = LoggerFactory.getLogger(SharedRateLimit.class);

    /**
     * Reserves this request's turn, the next free one, and returns the microseconds until
     * it (0: now); while a global 429 is waited out, reserves nothing and returns minus
     * the microseconds until the pause ends. A request whose answer comes too late still
     * reserved its turn, so that the turns of all processes stay spaced.
     */
    private static final RedisScript<Long> TURN = RedisScript.of("""
            local pause = redis.call('PTTL', KEYS[2])
            if pause > 0 then return -pause * 1000 end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local slot = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
            redis.call('SET', KEYS[1], string.format('%.0f', slot + tonumber(ARGV[1])), 'PX', 10000)
            return slot - now""", Long.class);

    /** Sets the pause unless a longer one is on. */
    private static final RedisScript<Long> PAUSE = RedisScript.of("""
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
              redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
              return 1
            end
            return 0""", Long.class);

    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** How many times a request asks Redis for its turn before it keeps to its share. */
    static final int ATTEMPTS = 3;

    private final CoordinationRedis redis;

    private final List<String> keys;

    private final String pauseKey;

    private final String interval;

    private final int requestsPerSecond;

    private final IntSupplier processes;

    private final @Nullable Timer waits;

    /** When this process's next turn is, while it spaces them itself. */
    private final AtomicLong nextLocalNanos = new AtomicLong(System.nanoTime());

    private final AtomicLong classic = new AtomicLong(-1);

    private final AtomicLong cloudflare = new AtomicLong(-1);

    private final AtomicLong localTurns = new AtomicLong();

    private final AtomicLong failureLoggedNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    SharedRateLimit(CoordinationRedis redis, CoordinationKeys keys, int requestsPerSecond, IntSupplier processes,
            @Nullable Timer waits) {
        this.redis = redis;
        this.pauseKey = keys.restPause();
        this.keys = List.of(keys.restTurn(), this.pauseKey);
        this.interval = Long.toString(1_000_000L / requestsPerSecond);
        this.requestsPerSecond = requestsPerSecond;
        this.processes = processes;
        this.waits = waits;
    }

    /**
     * Waits for this request's turn: in Redis, or, when Redis does not answer in time,
     * here at this process's share of the limit (JDA still waits out the 429s it
     * receives).
     */
    void awaitTurn() throws InterruptedException {
        int unanswered = 0;
        while (true) {
            long start = System.nanoTime();
            Long wait = this.redis.fast(TURN, this.keys, this.interval);
            if (this.waits != null) {
                this.waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            if (wait == null && this.redis.isReachable() && ++unanswered < ATTEMPTS) {
                // slow, not unreachable: ask again rather than send beside the others
                continue;
            }
            if (wait == null) {
                this.localTurns.incrementAndGet();
                long now = System.nanoTime();
                long logged = this.failureLoggedNanos.get();
                if (now - logged >= LOG_INTERVAL_NANOS && this.failureLoggedNanos.compareAndSet(logged, now)) {
                    log.info(
                            "Redis did not give a REST turn in time ({} times asked): requests keep to this"
                                    + " process's share of the global limit ({} of {} requests/s) until it does",
                            ATTEMPTS, String.format(java.util.Locale.ROOT, "%.1f", share()), this.requestsPerSecond);
                }
                awaitLocalTurn();
                return;
            }
            if (wait >= 0) {
                // this request's turn, reserved
                TimeUnit.MICROSECONDS.sleep(wait);
                return;
            }
            // a global 429 being waited out; a little jitter, so that the processes
            // waiting for its end do not all ask at once
            TimeUnit.MICROSECONDS.sleep(-wait + ThreadLocalRandom.current().nextLong(1000));
        }
    }

    /** How many requests took their turn here, at this process's share, not in Redis. */
    long localTurns() {
        return this.localTurns.get();
    }

    private double share() {
        return Math.max(1.0, (double) this.requestsPerSecond / Math.max(1, this.processes.getAsInt()));
    }

    private void awaitLocalTurn() throws InterruptedException {
        long interval = (long) (1e9 / share());
        long now = System.nanoTime();
        long turn = this.nextLocalNanos.getAndAccumulate(now, (next, at) -> Math.max(next, at) + interval);
        long wait = Math.max(turn, now) - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
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
            // on the control connection: every process must see the pause, so it may wait
            // for a slow Redis up to redis-timeout (this thread waits the pause out
            // anyway)
            try {
                this.redis.control(PAUSE, List.of(this.pauseKey), Long.toString(pause));
                log.warn("Global rate limit: every process pauses REST requests for {}", Duration.ofMillis(pause));
            }
            catch (DataAccessException ex) {
                log.error("Redis unreachable: only this process pauses for the global rate limit");
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
