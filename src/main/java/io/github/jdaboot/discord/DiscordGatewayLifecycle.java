package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;
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

    private static final Set<GatewayIntent> PRIVILEGED_INTENTS = EnumSet.of(GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_PRESENCES, GatewayIntent.MESSAGE_CONTENT);

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
            throw rejectedToken("HTTP 401 Unauthorized", ex);
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
            throw fatalClose(outcome);
        }
    }

    private DiscordStartupException fatalClose(int code) {
        return switch (code) {
            case 4004 -> rejectedToken("gateway close 4004 Authentication failed", null);
            case 4014 -> {
                String requested = this.properties.getIntents().stream().filter(PRIVILEGED_INTENTS::contains)
                    .map(Enum::name).sorted().collect(Collectors.joining(", "));
                yield new DiscordStartupException("Discord refused the privileged gateway intents " + requested
                        + " (gateway close 4014 Disallowed intents): enable them for the bot in the Developer Portal"
                        + " (Bot > Privileged Gateway Intents) or remove them from discord.intents.",
                        "Enable " + requested + " on the Bot page of the application in the Discord Developer Portal."
                                + " The prefix command needs MESSAGE_CONTENT; slash commands need no privileged intent.");
            }
            case 4013 -> new DiscordStartupException(
                    "Discord rejected the gateway intents (gateway close 4013 Invalid intents): check discord.intents.",
                    "Set discord.intents to valid GatewayIntent names, for example GUILD_MESSAGES, MESSAGE_CONTENT.");
            case 4010, 4011 -> new DiscordStartupException("Discord rejected the shard configuration (gateway close "
                    + code + "): set discord.shards-total to the number Discord recommends, or leave it empty.",
                    "Leave discord.shards-total empty to use the number of shards Discord recommends.");
            default -> new DiscordStartupException("Discord closed the gateway session with code " + code
                    + ", which it does not allow to retry: check discord.gateway-url and the API version.",
                    "Point discord.gateway-url at Discord's gateway (wss://gateway.discord.gg/) or the emulator.");
        };
    }

    private static DiscordStartupException rejectedToken(String how, @Nullable Throwable cause) {
        String message = "Discord rejected the bot token (" + how + "): " + DiscordToken.WHAT_TO_SET
                + " with a valid bot token.";
        String action = "Copy the current token from the Bot page in the Discord Developer Portal (reset it there if"
                + " it may have leaked).";
        return (cause != null) ? new DiscordStartupException(message, action, cause)
                : new DiscordStartupException(message, action);
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
