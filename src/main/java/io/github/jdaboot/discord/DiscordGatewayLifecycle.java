package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Connects to Discord once the application context has refreshed and closes the gateway
 * sessions gracefully when it closes. Startup waits for the first session to be ready, so
 * a rejected token or disallowed intents fail the start with a message that says what to
 * set. With a {@link ShardAssignment} (shards that move between processes) it starts and
 * stops that instead, and waits for no session.
 */
class DiscordGatewayLifecycle implements SmartLifecycle {

    /**
     * Stops after the command handlers (default phase) so that they can finish their
     * replies.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

    private static final Logger log = LoggerFactory.getLogger(DiscordGatewayLifecycle.class);

    private final ShardManager shardManager;

    private final ShardStartGate startGate;

    private final DiscordConnectionTracker tracker;

    private final DiscordProperties properties;

    private final @Nullable ShardAssignment assignment;

    private final List<Integer> stoppedShards = new ArrayList<>();

    private volatile boolean running;

    private boolean loggedIn;

    DiscordGatewayLifecycle(ShardManager shardManager, ShardStartGate startGate, DiscordConnectionTracker tracker,
            DiscordProperties properties, @Nullable ShardAssignment assignment) {
        this.shardManager = shardManager;
        this.startGate = startGate;
        this.tracker = tracker;
        this.properties = properties;
        this.assignment = assignment;
    }

    @Override
    public synchronized void start() {
        if (this.assignment != null) {
            // the shard manager is not logged in: the assignment starts its shards
            this.startGate.open();
            try {
                this.assignment.start();
            }
            catch (InvalidTokenException ex) {
                throw DiscordCloseCodes.rejectedToken("HTTP 401 Unauthorized", ex);
            }
            this.running = true;
            return;
        }
        if (this.loggedIn) {
            // started again after a stop (Spring's Lifecycle allows it): bring back the
            // shards that were closed
            log.info("Reconnecting {} Discord shard(s)", this.stoppedShards.size());
            int expected = this.stoppedShards.size();
            this.stoppedShards.forEach(this.shardManager::start);
            this.stoppedShards.clear();
            this.running = true;
            awaitConnected(expected);
            return;
        }
        log.info("Connecting to Discord: REST {}, gateway {}", this.properties.getRestUrl(),
                this.properties.getGatewayUrl());
        try {
            this.shardManager.login();
            this.loggedIn = true;
        }
        catch (InvalidTokenException ex) {
            throw DiscordCloseCodes.rejectedToken("HTTP 401 Unauthorized", ex);
        }
        finally {
            // only now may the shard manager's queue worker run (see ShardStartGate)
            this.startGate.open();
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

    /**
     * Waits, bounded by {@code discord.startup-timeout}, until the restarted shards are
     * connected.
     */
    private void awaitConnected(int expected) {
        long deadline = System.nanoTime() + this.properties.getStartupTimeout().toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<JDA> shards = this.shardManager.getShards();
            if (shards.size() >= expected
                    && shards.stream().allMatch((shard) -> shard.getStatus() == JDA.Status.CONNECTED)) {
                return;
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("The Discord shards were not connected again within {} (discord.startup-timeout); going on while"
                + " JDA keeps connecting", this.properties.getStartupTimeout());
    }

    /**
     * Closes each shard's gateway session and waits for it, bounded by
     * {@code discord.shutdown-timeout}. The shard manager itself stays usable, so that
     * the context can be started again.
     */
    @Override
    public synchronized void stop() {
        if (!this.running) {
            return;
        }
        this.running = false;
        if (this.assignment != null) {
            this.assignment.stop();
            return;
        }
        List<JDA> shards = this.shardManager.getShards();
        log.info("Closing {} Discord gateway session(s)", shards.size());
        for (JDA shard : shards) {
            int id = shard.getShardInfo().getShardId();
            this.stoppedShards.add(id);
            this.shardManager.shutdown(id);
        }
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
