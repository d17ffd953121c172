package io.github.jdaboot.discord;

import org.springframework.boot.health.contributor.Health;

/**
 * Which shards this process runs, when that is decided while it runs rather than at
 * login: the bot's processes share its shards and move them between each other (see
 * {@code discord.coordination}). With a bean of this type the gateway lifecycle does not
 * log the shard manager in; it starts the assignment, which starts and stops shards
 * through the shard manager, and stops it when the context closes.
 */
public interface ShardAssignment {

    /**
     * Starts taking part, without waiting for any shard: shards start as this process is
     * given them.
     * @throws DiscordStartupException when the configuration cannot work (a rejected
     * token, a max_concurrency other than Discord's)
     */
    void start();

    /**
     * Hands this process's shards over to the others, if any, and closes their sessions;
     * returns when that is done or given up.
     */
    void stop();

    /**
     * This process's health while it runs no shard: the {@code discord} health
     * contributor's one component then.
     */
    Health idleHealth();

}
