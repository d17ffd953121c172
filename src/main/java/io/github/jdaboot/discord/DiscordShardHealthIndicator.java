package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.SelfUser;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one shard's gateway connection, a component of
 * {@link DiscordHealthContributor}. It tells the truth about the connection, including
 * what JDA's status alone hides: a session that says CONNECTED but whose heartbeats are
 * no longer acknowledged (JDA issue #2864) is DOWN.
 * <ul>
 * <li>UP: connected, and a heartbeat ACK or a dispatch arrived within two heartbeat
 * intervals;</li>
 * <li>OUT_OF_SERVICE: connecting, reconnecting or resuming, for up to
 * {@code discord.health.reconnect-grace-period};</li>
 * <li>DOWN: stale heartbeats, reconnecting for longer than that, shut down, or closed for
 * good (4004, 4010-4014) with the reason.</li>
 * </ul>
 * It only reads state that is already in memory: no REST call, no lock held for long.
 */
class DiscordShardHealthIndicator implements HealthIndicator {

    private static final Set<JDA.Status> ENDED = EnumSet.of(JDA.Status.SHUTTING_DOWN, JDA.Status.SHUTDOWN,
            JDA.Status.FAILED_TO_LOGIN);

    private final Supplier<@Nullable JDA> shard;

    private final DiscordConnectionTracker tracker;

    private final DiscordProperties.Health properties;

    /**
     * A shard's health.
     * @param shard the shard's current JDA instance (a restart of the shard replaces it),
     * or null when it is gone
     */
    DiscordShardHealthIndicator(Supplier<@Nullable JDA> shard, DiscordConnectionTracker tracker,
            DiscordProperties.Health properties) {
        this.shard = shard;
        this.tracker = tracker;
        this.properties = properties;
    }

    @Override
    public Health health() {
        JDA jda = this.shard.get();
        if (jda == null) {
            return Health.down().withDetail("reason", "the shard was removed").build();
        }
        long now = this.tracker.now();
        DiscordConnectionTracker.ShardState state = this.tracker.state(jda);
        JDA.Status status = jda.getStatus();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status.name());
        details.put("shard", jda.getShardInfo().getShardId() + "/" + jda.getShardInfo().getShardTotal());
        details.put("gatewayPingMs", jda.getGatewayPing());
        if (state.lastAckNanos() != 0) {
            details.put("lastHeartbeatAckMs", Duration.ofNanos(now - state.lastAckNanos()).toMillis());
        }
        details.put("guilds", jda.getGuildCache().size());
        SelfUser self = selfUser(jda);
        if (self != null) {
            details.put("botId", self.getId());
            details.put("botName", self.getName());
        }
        if (state.fatalCloseCode() != 0) {
            details.put("closeCode", state.fatalCloseCode());
            details.put("reason", state.fatalReason());
            return Health.down().withDetails(details).build();
        }
        if (status == JDA.Status.CONNECTED) {
            long interval = state.heartbeatIntervalNanos(this.properties.getAssumedHeartbeatInterval().toNanos());
            long lastSign = state.lastSignOfLifeNanos();
            if (lastSign != 0 && now - lastSign > 2 * interval) {
                details.put("reason",
                        "heartbeats are stale: no ACK or gateway traffic for "
                                + Duration.ofNanos(now - lastSign).toMillis() + " ms, over two heartbeat intervals ("
                                + Duration.ofNanos(interval).toMillis() + " ms each)");
                return Health.down().withDetails(details).build();
            }
            return Health.up().withDetails(details).build();
        }
        if (ENDED.contains(status)) {
            details.put("reason", "the session was shut down");
            return Health.down().withDetails(details).build();
        }
        long since = state.notConnectedSinceNanos();
        Duration waiting = Duration.ofNanos((since == 0) ? 0 : now - since);
        details.put("notConnectedForMs", waiting.toMillis());
        if (waiting.compareTo(this.properties.getReconnectGracePeriod()) > 0) {
            details.put("reason", "not connected for longer than " + this.properties.getReconnectGracePeriod()
                    + " (discord.health.reconnect-grace-period)");
            return Health.down().withDetails(details).build();
        }
        return Health.outOfService().withDetails(details).build();
    }

    private static @Nullable SelfUser selfUser(JDA jda) {
        try {
            return jda.getSelfUser();
        }
        catch (IllegalStateException ex) {
            return null;
        }
    }

}
