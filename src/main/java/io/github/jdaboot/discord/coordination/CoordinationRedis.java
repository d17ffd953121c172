package io.github.jdaboot.discord.coordination;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * This process's two ways to Redis, and whether Redis can be reached. Leases, membership
 * and IDENTIFY turns go through {@code control}, whose commands may take up to
 * {@code redis-timeout}; an event's claim and a REST request's turn go through
 * {@code fast}, which gives up after {@code request-timeout}, and not at all while Redis
 * is known to be unreachable, so that no answer waits on Redis longer than that. Any
 * failure to reach Redis marks it unreachable until a command succeeds again; an error of
 * Redis itself (a script's) does not.
 */
final class CoordinationRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoordinationRedis.class);

    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final StringRedisTemplate control;

    private final StringRedisTemplate fast;

    private final String url;

    private final List<AutoCloseable> resources;

    private volatile boolean reachable = true;

    private volatile long changedNanos = System.nanoTime();

    /** How many times Redis was found unreachable (each outage counts once). */
    private final AtomicLong outages = new AtomicLong();

    private volatile @Nullable String error;

    private volatile long loggedNanos = System.nanoTime() - LOG_INTERVAL_NANOS;

    CoordinationRedis(StringRedisTemplate control, StringRedisTemplate fast, String url,
            List<AutoCloseable> resources) {
        this.control = control;
        this.fast = fast;
        this.url = url;
        this.resources = resources;
    }

    /**
     * Connects lazily (no command at startup, so that the process starts without Redis)
     * to the Redis, or the Sentinels, at {@code redis-url}: commands fail at once while
     * the connection is down instead of queueing, and it is tried again every few hundred
     * milliseconds.
     */
    static CoordinationRedis connect(URI url, CoordinationProperties properties) {
        ClientResources resources = DefaultClientResources.builder()
            .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
            .build();
        LettuceConnectionFactory control = factory(url, resources, properties.getRedisTimeout());
        LettuceConnectionFactory fast = factory(url, resources, properties.getRequestTimeout());
        String shown = url.getScheme() + "://" + url.getRawAuthority().replaceFirst("^[^@]*@", "")
                + ((url.getRawFragment() != null) ? "#" + url.getRawFragment() : "");
        return new CoordinationRedis(new StringRedisTemplate(control), new StringRedisTemplate(fast), shown,
                List.of(control::destroy, fast::destroy, () -> resources.shutdown().get(5, TimeUnit.SECONDS)));
    }

    private static LettuceConnectionFactory factory(URI url, ClientResources resources, Duration timeout) {
        ClientOptions options = ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder()
                .connectTimeout(Duration.ofMillis(Math.max(timeout.toMillis(), 250)))
                .keepAlive(true)
                .build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                LettuceConnectionFactory.createRedisConfiguration(url.toString()),
                LettuceClientConfiguration.builder()
                    .clientResources(resources)
                    .clientOptions(options)
                    .commandTimeout(timeout)
                    .build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : this.resources) {
            try {
                resource.close();
            }
            catch (Exception ex) {
                log.debug("Could not close a Redis resource: {}", ex.toString());
            }
        }
    }

    /**
     * Runs a command on the control connection.
     * @throws DataAccessException when Redis cannot be reached (now marked so) or fails
     */
    <T> T control(Function<StringRedisTemplate, T> command) {
        return run(this.control, command);
    }

    /** Runs a script on the control connection. */
    <T> @Nullable T control(RedisScript<T> script, List<String> keys, Object... args) {
        return run(this.control, (redis) -> redis.execute(script, keys, args));
    }

    /**
     * Runs a script on the fast connection, unless Redis is known to be unreachable.
     * @return its result, or null when Redis was not asked or did not answer in time (for
     * which Redis is not marked unreachable: a busy moment is not an outage)
     */
    <T> @Nullable T fast(RedisScript<T> script, List<String> keys, Object... args) {
        if (!this.reachable) {
            return null;
        }
        try {
            // a slow answer here says little about Redis: only the control connection
            // decides whether Redis is reachable
            return this.fast.execute(script, keys, args);
        }
        catch (DataAccessException ex) {
            return null;
        }
    }

    private <T> T run(StringRedisTemplate template, Function<StringRedisTemplate, T> command) {
        try {
            T result = command.apply(template);
            reached();
            return result;
        }
        catch (DataAccessException ex) {
            if (!isRedisError(ex)) {
                unreachable(ex);
            }
            throw ex;
        }
    }

    /** An error Redis answered with (a script's), rather than no answer. */
    private static boolean isRedisError(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandExecutionException redis) {
                String message = String.valueOf(redis.getMessage());
                return !message.startsWith("READONLY") && !message.startsWith("LOADING")
                        && !message.startsWith("MASTERDOWN");
            }
        }
        return false;
    }

    private void reached() {
        if (!this.reachable) {
            this.reachable = true;
            this.changedNanos = System.nanoTime();
            this.error = null;
            log.info("Redis at {} is reachable again", this.url);
        }
    }

    private void unreachable(Exception ex) {
        String error = describe(ex);
        this.error = error;
        if (this.reachable) {
            this.reachable = false;
            this.outages.incrementAndGet();
            this.changedNanos = System.nanoTime();
            this.loggedNanos = System.nanoTime();
            log.error("Redis at {} is unreachable: {}", this.url, error);
        }
        else if (System.nanoTime() - this.loggedNanos > LOG_INTERVAL_NANOS) {
            this.loggedNanos = System.nanoTime();
            log.warn("Redis at {} is still unreachable: {}", this.url, error);
        }
    }

    /**
     * The innermost cause's message: "Connection refused", "Command timed out after 1
     * second(s)".
     */
    private static String describe(Throwable ex) {
        Throwable cause = ex;
        String message = String.valueOf(ex.getMessage());
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    /** Whether the last command reached Redis. */
    boolean isReachable() {
        return this.reachable;
    }

    /**
     * How many times Redis was found unreachable: a process that said so to another (its
     * health) knows it was, even when its own tick never failed.
     */
    long outages() {
        return this.outages.get();
    }

    /** How long Redis has been reachable, or unreachable, as it is now. */
    Duration stateAge() {
        return Duration.ofNanos(System.nanoTime() - this.changedNanos);
    }

    /** Why Redis was last unreachable, while it is. */
    @Nullable String error() {
        return this.error;
    }

    /** Redis' address, without credentials, as configured. */
    String url() {
        return this.url;
    }

}
