package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Connects to Discord once the application context has refreshed and closes the gateway sessions
 * gracefully when it closes. Startup waits for the first session to be ready, so a rejected token or
 * disallowed intents fail the start with a message that says what to set.
 */
class DiscordGatewayLifecycle implements SmartLifecycle {

    /** Stops after the command handlers (default phase) so that they can finish their replies. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

    private static final Logger log = LoggerFactory.getLogger(DiscordGatewayLifecycle.class);

    private final ShardManager shardManager;
    private final DiscordConnectionTracker tracker;
    private final DiscordProperties properties;
    private volatile boolean running;

    DiscordGatewayLifecycle(ShardManager shardManager, DiscordConnectionTracker tracker,
            DiscordProperties properties) {
        this.shardManager = shardManager;
        this.tracker = tracker;
        this.properties = properties;
    }

    @Override
    public void start() {
        log.info("Connecting to Discord: REST {}, gateway {}", this.properties.getRestUrl(),
                this.properties.getGatewayUrl());
        try {
            this.shardManager.login();
        }
        catch (InvalidTokenException ex) {
            throw DiscordCloseCodes.rejectedToken("HTTP 401 Unauthorized", ex);
        }
        this.running = true;
        int outcome;
        try {
            outcome = this.tracker.awaitFirstOutcome(this.properties.getStartupTimeout());
        }
        catch (TimeoutException ex) {
            log.warn("No Discord session was ready within {} (discord.startup-timeout); going on while JDA keeps"
                    + " connecting", this.properties.getStartupTimeout());
            return;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        if (outcome != 0) {
            this.shardManager.shutdown();
            this.running = false;
            throw DiscordCloseCodes.explain(outcome, this.properties.getIntents());
        }
    }

    @Override
    public void stop() {
        if (!this.running) {
            return;
        }
        this.running = false;
        List<JDA> shards = this.shardManager.getShards();
        log.info("Closing {} Discord gateway session(s)", shards.size());
        this.shardManager.shutdown();
        Duration timeout = this.properties.getShutdownTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (JDA shard : shards) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!shard.awaitShutdown(Duration.ofNanos(left))) {
                    log.warn("Discord {} did not close within {} (discord.shutdown-timeout); forcing it",
                            DiscordConnectionTracker.shard(shard), timeout);
                    shard.shutdownNow();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                shard.shutdownNow();
            }
        }
        log.info("Discord gateway sessions closed");
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
