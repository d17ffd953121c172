package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One lease per shard in Redis, so that only one process holds a session of it: taken
 * before the shard identifies ({@code SET NX PX}), renewed every third of its time to
 * live while this process holds the shard, given back when the shard shuts down. Fencing:
 * a lease found taken by another process, or not renewed before its time ran out (Redis
 * unreachable), shuts the shard down at once and queues it again, to start only when the
 * lease can be taken again. A crashed process's leases run out after {@code lease-ttl}.
 */
final class ShardLeases implements EventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);

    private static final RedisScript<Long> RENEW = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0""", Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""", Long.class);

    /** What this process knows of a shard's lease. */
    enum State {

        /**
         * Not held: waiting for another process's lease to end, or for the shard to be
         * queued.
         */
        WAITING,

        /** Held, and renewed. */
        HELD,

        /**
         * Found taken by another process or run out; the shard was shut down and waits
         * for it again.
         */
        LOST

    }

    /** A lease this process holds, with the JDA instance of the shard it covers. */
    private record Held(JDA jda, long validUntilNanos) {
    }

    private final StringRedisTemplate redis;

    private final String keyPrefix;

    private final Duration ttl;

    private final String owner = UUID.randomUUID().toString();

    private final Map<Integer, State> states = new ConcurrentHashMap<>();

    private final Map<Integer, Held> held = new ConcurrentHashMap<>();

    private final AtomicInteger lost = new AtomicInteger();

    private final ScheduledExecutorService renewals = Executors
        .newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("discord-shard-leases").factory());

    ShardLeases(StringRedisTemplate redis, String keyPrefix, Duration ttl, ShardRange range) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        for (int shard = range.first(); shard <= range.last(); shard++) {
            this.states.put(shard, State.WAITING);
        }
        long period = ttl.toMillis() / 3;
        this.renewals.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease of the shard for this JDA instance, or confirms that this process
     * holds it.
     * @return whether this process holds it now
     */
    boolean acquire(JDA jda) {
        int shard = jda.getShardInfo().getShardId();
        long start = System.nanoTime();
        Boolean taken = this.redis.opsForValue().setIfAbsent(key(shard), this.owner, this.ttl);
        if (!Boolean.TRUE.equals(taken) && !this.owner.equals(this.redis.opsForValue().get(key(shard)))) {
            return false;
        }
        this.held.put(shard, new Held(jda, start + this.ttl.toNanos()));
        this.states.put(shard, State.HELD);
        return true;
    }

    /**
     * Gives a lease back when its shard shuts down, so that another process may take the
     * shard at once.
     */
    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof ShutdownEvent) {
            int shard = event.getJDA().getShardInfo().getShardId();
            Held lease = this.held.get(shard);
            if (lease != null && lease.jda() == event.getJDA() && this.held.remove(shard, lease)) {
                release(shard);
            }
        }
    }

    private void release(int shard) {
        this.states.computeIfPresent(shard, (id, state) -> State.WAITING);
        try {
            this.redis.execute(RELEASE, List.of(key(shard)), this.owner);
        }
        catch (DataAccessException ex) {
            log.warn("Could not give back the lease of shard {} (it runs out by itself): {}", shard, ex.getMessage());
        }
    }

    private void renew() {
        for (Map.Entry<Integer, Held> entry : this.held.entrySet()) {
            int shard = entry.getKey();
            Held lease = entry.getValue();
            long start = System.nanoTime();
            try {
                Long renewed = this.redis.execute(RENEW, List.of(key(shard)), this.owner,
                        Long.toString(this.ttl.toMillis()));
                if (renewed != null && renewed == 1) {
                    this.held.replace(shard, lease, new Held(lease.jda(), start + this.ttl.toNanos()));
                }
                else {
                    fence(shard, lease, "another process holds its lease");
                }
            }
            catch (DataAccessException ex) {
                if (System.nanoTime() - lease.validUntilNanos() > 0) {
                    fence(shard, lease, "its lease could not be renewed in time (" + ex.getMessage() + ")");
                }
                else {
                    log.warn("Could not renew the lease of shard {}; retrying: {}", shard, ex.getMessage());
                }
            }
        }
    }

    /**
     * Shuts the shard down at once and queues it again: it starts when this process can
     * take its lease again.
     */
    private void fence(int shard, Held lease, String reason) {
        if (!this.held.remove(shard, lease)) {
            return;
        }
        this.states.put(shard, State.LOST);
        this.lost.incrementAndGet();
        log.error("Shard {} shut down: {}. It starts again once its lease is free.", shard, reason);
        ShardManager manager = lease.jda().getShardManager();
        if (manager != null) {
            manager.restart(shard);
        }
        else {
            lease.jda().shutdownNow();
        }
    }

    /** The lease state of each shard of this process's range. */
    Map<Integer, State> states() {
        return Map.copyOf(this.states);
    }

    /** How many leases this process lost since it started. */
    int lostCount() {
        return this.lost.get();
    }

    private String key(int shard) {
        return this.keyPrefix + ":shard:" + shard;
    }

    /**
     * Stops renewing and gives back every lease still held (their shards are closed by
     * now).
     */
    @Override
    public void close() {
        this.renewals.shutdownNow();
        this.held.keySet().forEach(this::release);
        this.held.clear();
    }

}
