package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Discord-style rate limits: fixed windows per bucket (a route and its major parameter)
 * and a global limit per bot, announced in {@code X-RateLimit-*} headers on every
 * response. A request over the limit gets 429 with {@code retry_after}. A request that
 * arrives while its bucket (or the bot, after a global 429) was told to wait, by a limit
 * or an injected 429, is counted as a violation.
 */
final class RateLimits {

    /** A limit of requests per window. */
    record Limit(int requests, Duration window) {
    }

    /** The verdict on one request. */
    record Decision(boolean allowed, Map<String, String> headers, double retryAfter, String scope, boolean global) {
    }

    private static final String GLOBAL = "<global>";

    /**
     * Requests that arrive this soon after a 429 was sent were on their way before the
     * bot could know: they are not held against it.
     */
    private static final long IN_FLIGHT_NANOS = 50_000_000L;

    /** A wait the bot was told about: from when, until when. */
    private record Wait(long toldAtNanos, long untilNanos) {

        boolean violatedBy(long now) {
            return now - this.toldAtNanos > IN_FLIGHT_NANOS && this.untilNanos - now > 0;
        }
    }

    private static final class Window {

        boolean started;

        long startNanos;

        int used;

    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private final Map<String, Limit> overrides = new ConcurrentHashMap<>();

    private final Map<String, Wait> waits = new ConcurrentHashMap<>();

    private final Window globalWindow = new Window();

    private final AtomicInteger limited = new AtomicInteger();

    private final AtomicInteger violations = new AtomicInteger();

    private volatile boolean enabled = true;

    private static final Limit DEFAULT_GLOBAL = new Limit(50, Duration.ofSeconds(1));

    private volatile Limit globalLimit = DEFAULT_GLOBAL;

    private final InstantSource clock;

    /** The clock's instant when this was made: the nanoseconds below count from it. */
    private final Instant origin;

    RateLimits(InstantSource clock) {
        this.clock = clock;
        this.origin = clock.instant();
    }

    /**
     * Now, in nanoseconds since {@link #origin} by the emulator's clock: windows and
     * waits are counted in these.
     */
    private long nanos() {
        return nanos(this.clock.instant());
    }

    /** An instant of the emulator's clock in nanoseconds since {@link #origin}. */
    private long nanos(Instant instant) {
        return Duration.between(this.origin, instant).toNanos();
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return this.enabled;
    }

    /** Discord's limits again, as at the start. */
    void reset() {
        this.enabled = true;
        this.overrides.clear();
        this.globalLimit = DEFAULT_GLOBAL;
    }

    void globalLimit(Limit limit) {
        this.globalLimit = limit;
    }

    /**
     * Replaces a route's limit, e.g. to let a load test send faster than Discord's 5
     * messages per 5 s.
     */
    void override(String route, Limit limit) {
        this.overrides.put(route, limit);
    }

    Limit limitFor(String route, Limit declared) {
        return this.overrides.getOrDefault(route, declared);
    }

    /** How many requests got a 429 from a limit (not from injected faults). */
    int limited() {
        return this.limited.get();
    }

    /**
     * How many requests came in while their bucket, or the bot, had been told to wait and
     * the wait was not over.
     */
    int violations() {
        return this.violations.get();
    }

    /**
     * Notes a request, counting it as a violation if it comes before a wait it was told
     * about is over.
     */
    void arrived(String bucketKey, boolean countsGlobally, Instant arrivedAt) {
        // when it was read off the connection: a request in flight before the wait was
        // told may be answered well after it on a loaded machine
        long now = nanos(arrivedAt);
        Wait bucketWait = this.waits.get(bucketKey);
        Wait globalWait = countsGlobally ? this.waits.get(GLOBAL) : null;
        if ((bucketWait != null && bucketWait.violatedBy(now)) || (globalWait != null && globalWait.violatedBy(now))) {
            this.violations.incrementAndGet();
        }
    }

    /** Remembers that a 429 told the bucket (or, when global, the bot) to wait. */
    void told(String bucketKey, boolean global, double retryAfterSeconds) {
        long now = nanos();
        Wait wait = new Wait(now, now + (long) (retryAfterSeconds * 1_000_000_000L));
        this.waits.merge(global ? GLOBAL : bucketKey, wait,
                (earlier, later) -> (later.untilNanos() - earlier.untilNanos() > 0) ? later : earlier);
    }

    /**
     * Counts a request against its bucket and, unless exempt, the global limit.
     * @param countsGlobally false for interaction and webhook-token routes, which Discord
     * keeps out of the global limit
     */
    Decision check(String bucketKey, String bucketHash, Limit limit, boolean countsGlobally) {
        long now = nanos();
        if (!this.enabled) {
            return new Decision(true, headers(limit, limit.requests(), limit.window().toNanos(), bucketHash), 0, "user",
                    false);
        }
        if (countsGlobally) {
            Limit global = this.globalLimit;
            synchronized (this.globalWindow) {
                roll(this.globalWindow, global, now);
                if (this.globalWindow.used >= global.requests()) {
                    long left = this.globalWindow.startNanos + global.window().toNanos() - now;
                    this.limited.incrementAndGet();
                    told(bucketKey, true, seconds(left));
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("X-RateLimit-Global", "true");
                    headers.put("X-RateLimit-Scope", "global");
                    return new Decision(false, headers, seconds(left), "global", true);
                }
                this.globalWindow.used++;
            }
        }
        Window window = this.windows.computeIfAbsent(bucketKey, (k) -> new Window());
        synchronized (window) {
            roll(window, limit, now);
            long left = window.startNanos + limit.window().toNanos() - now;
            if (window.used >= limit.requests()) {
                this.limited.incrementAndGet();
                told(bucketKey, false, seconds(left));
                Map<String, String> headers = headers(limit, 0, left, bucketHash);
                headers.put("X-RateLimit-Scope", "user");
                return new Decision(false, headers, seconds(left), "user", false);
            }
            window.used++;
            return new Decision(true, headers(limit, limit.requests() - window.used, left, bucketHash), 0, "user",
                    false);
        }
    }

    private static void roll(Window window, Limit limit, long now) {
        if (!window.started || now - window.startNanos >= limit.window().toNanos()) {
            window.started = true;
            window.startNanos = now;
            window.used = 0;
        }
    }

    Map<String, String> headers(Limit limit, int remaining, long resetAfterNanos, String bucketHash) {
        Map<String, String> headers = new LinkedHashMap<>();
        double resetAfter = seconds(resetAfterNanos);
        double reset = this.clock.millis() / 1000.0 + resetAfter;
        headers.put("X-RateLimit-Limit", Integer.toString(limit.requests()));
        headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
        headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", reset));
        headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", resetAfter));
        headers.put("X-RateLimit-Bucket", bucketHash);
        return headers;
    }

    static double seconds(long nanos) {
        return Math.max(0, nanos) / 1_000_000_000.0;
    }

}
