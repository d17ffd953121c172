package io.github.jdaboot.discord.coordination;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this process shares the bot's shards with its other processes, through Redis. Read
 * only when {@code discord.coordination.redis-url} is set.
 */
@ConfigurationProperties("discord.coordination")
public class CoordinationProperties {

    /**
     * Redis that the bot's processes coordinate through: redis://host:6379, or
     * redis-sentinel://host1:26379,host2:26379#mymaster for Redis with Sentinel; unset,
     * the bot runs as one process.
     */
    private @Nullable URI redisUrl;

    /**
     * Prefix of every Redis key this bot uses; the same in every process of one bot,
     * different for another bot.
     */
    private String keyPrefix = "discord-bot";

    /**
     * Discord's max_concurrency (session_start_limit of GET /gateway/bot): shards that
     * may IDENTIFY at once, and the size of the groups of shards that move between
     * processes; checked at start.
     */
    private int maxConcurrency = 1;

    /**
     * How long a shard's lease lasts without renewal: a crashed or frozen process's
     * shards are taken over after at most this long (plus their IDENTIFY turns).
     */
    private Duration leaseTtl = Duration.ofSeconds(15);

    /**
     * How long before its lease could run out in Redis a process stops answering on a
     * shard it could not renew: room for clock drift, pauses and the time an answer takes
     * to leave.
     */
    private Duration leaseMargin = Duration.ofSeconds(3);

    /**
     * How long a stopping process waits for the others to take its shards over (each new
     * owner identifies and is ready before the old session closes); the pod's grace
     * period must cover it.
     */
    private Duration handoverTimeout = Duration.ofSeconds(60);

    /**
     * How long a process waits for Redis when it claims an event or takes a REST
     * request's turn; past it the process decides alone (answers what it owns, uses its
     * share of the global REST limit).
     */
    private Duration requestTimeout = Duration.ofMillis(10);

    /**
     * How long the other Redis commands (leases, membership, IDENTIFY turns) may take
     * before Redis counts as unreachable.
     */
    private Duration redisTimeout = Duration.ofSeconds(1);

    /**
     * Base URL at which the other processes reach this one's Actuator endpoints, such as
     * http://10.0.3.7:8080; empty for http://(this host's address):(server port). While
     * Redis is unreachable a process asks the others through it whether they reach Redis.
     */
    private @Nullable URI advertisedUrl;

    /**
     * IDENTIFYs of Discord's daily session start budget kept in reserve: at or below it,
     * no shard identifies until the budget resets.
     */
    private int identifyReserve = 10;

    /**
     * REST requests per second for all processes together (Discord allows 50; the margin
     * absorbs requests that arrive closer together than they left); without Redis each
     * process keeps to its share of it.
     */
    private int requestsPerSecond = 40;

    public @Nullable URI getRedisUrl() {
        return this.redisUrl;
    }

    public void setRedisUrl(@Nullable URI redisUrl) {
        this.redisUrl = redisUrl;
    }

    public String getKeyPrefix() {
        return this.keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public int getMaxConcurrency() {
        return this.maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public Duration getLeaseTtl() {
        return this.leaseTtl;
    }

    public void setLeaseTtl(Duration leaseTtl) {
        this.leaseTtl = leaseTtl;
    }

    public Duration getLeaseMargin() {
        return this.leaseMargin;
    }

    public void setLeaseMargin(Duration leaseMargin) {
        this.leaseMargin = leaseMargin;
    }

    public Duration getHandoverTimeout() {
        return this.handoverTimeout;
    }

    public void setHandoverTimeout(Duration handoverTimeout) {
        this.handoverTimeout = handoverTimeout;
    }

    public Duration getRequestTimeout() {
        return this.requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getRedisTimeout() {
        return this.redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }

    public @Nullable URI getAdvertisedUrl() {
        return this.advertisedUrl;
    }

    public void setAdvertisedUrl(@Nullable URI advertisedUrl) {
        this.advertisedUrl = advertisedUrl;
    }

    public int getIdentifyReserve() {
        return this.identifyReserve;
    }

    public void setIdentifyReserve(int identifyReserve) {
        this.identifyReserve = identifyReserve;
    }

    public int getRequestsPerSecond() {
        return this.requestsPerSecond;
    }

    public void setRequestsPerSecond(int requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

}
