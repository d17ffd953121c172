package io.github.jdaboot.discord.coordination;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which shards this process runs, and how it coordinates them with the other processes of
 * the bot. Read only when {@code discord.coordination.redis-url} is set.
 */
@ConfigurationProperties("discord")
public class ShardingProperties {

    /**
     * Shards this process runs, as a range such as 0-3 (with
     * discord.coordination.redis-url); whole IDENTIFY groups of
     * discord.coordination.max-concurrency shards. Empty to derive it from the replica
     * count and this process's ordinal.
     */
    private @Nullable String shards;

    private final Coordination coordination = new Coordination();

    public @Nullable String getShards() {
        return this.shards;
    }

    public void setShards(@Nullable String shards) {
        this.shards = shards;
    }

    public Coordination getCoordination() {
        return this.coordination;
    }

    /**
     * The shared state of the bot's processes, in Redis.
     */
    public static class Coordination {

        /**
         * Redis that the bot's processes coordinate through, such as redis://redis:6379;
         * unset, the bot runs as one process.
         */
        private @Nullable URI redisUrl;

        /**
         * Prefix of every Redis key this bot uses; the same in every process of one bot,
         * different for another bot.
         */
        private String keyPrefix = "discord-bot";

        /**
         * How many processes share the shards; with the ordinal, gives this process's
         * range when discord.shards is empty.
         */
        private @Nullable Integer replicas;

        /**
         * This process's number among the replicas, from 0; empty to read it from the
         * hostname's -N suffix, as a StatefulSet names its pods.
         */
        private @Nullable Integer ordinal;

        /**
         * Discord's max_concurrency (session_start_limit of GET /gateway/bot): shards
         * that may IDENTIFY at once; checked at login.
         */
        private int maxConcurrency = 1;

        /**
         * How long a shard's lease lasts without renewal: a crashed process's shards are
         * free again after at most this long.
         */
        private Duration leaseTtl = Duration.ofSeconds(15);

        /**
         * IDENTIFYs of Discord's daily session start budget kept in reserve: at or below
         * it, no shard identifies until the budget resets.
         */
        private int identifyReserve = 10;

        /**
         * REST requests per second for all processes together (Discord allows 50; the
         * margin absorbs requests that arrive closer together than they left).
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

        public @Nullable Integer getReplicas() {
            return this.replicas;
        }

        public void setReplicas(@Nullable Integer replicas) {
            this.replicas = replicas;
        }

        public @Nullable Integer getOrdinal() {
            return this.ordinal;
        }

        public void setOrdinal(@Nullable Integer ordinal) {
            this.ordinal = ordinal;
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

}
