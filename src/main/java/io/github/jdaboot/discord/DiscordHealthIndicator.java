package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code discord} health contributor. It tells the truth about the gateway connection, including
 * what JDA's status alone hides: a session that says CONNECTED but whose heartbeats are no longer
 * acknowledged (JDA issue #2864) is DOWN.
 * <ul>
 * <li>UP: connected, and a heartbeat ACK or a dispatch arrived within two heartbeat intervals;</li>
 * <li>OUT_OF_SERVICE: connecting, reconnecting or resuming, for up to
 * {@code discord.health.reconnect-grace-period};</li>
 * <li>DOWN: stale heartbeats, reconnecting for longer than that, shut down, or closed for good
 * (4004, 4010-4014) with the reason.</li>
 * </ul>
 * It only reads state that is already in memory: no REST call, no lock held for long.
 */
class DiscordHealthIndicator implements HealthIndicator {

    private static final Set<JDA.Status> ENDED = EnumSet.of(JDA.Status.SHUTTING_DOWN, JDA.Status.SHUTDOWN,
            JDA.Status.FAILED_TO_LOGIN);

    private final ShardManager shardManager;
    private final DiscordConnectionTracker tracker;
    private final DiscordProperties.Health properties;

    DiscordHealthIndicator(ShardManager shardManager, DiscordConnectionTracker tracker,
            DiscordProperties.Health properties) {
        this.shardManager = shardManager;
        this.tracker = tracker;
        this.properties = properties;
    }

    @Override
    public Health health() {
        List<JDA> shards = ShardList.of(this.shardManager);
        if (shards.isEmpty()) {
            return Health.outOfService().withDetail("status", "not connected yet").build();
        }
        if (shards.size() == 1) {
            return shard(shards.getFirst());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Status worst = Status.UP;
        for (JDA jda : shards) {
            Health health = shard(jda);
            worst = worse(worst, health.getStatus());
            Map<String, Object> shardDetails = new LinkedHashMap<>();
            shardDetails.put("health", health.getStatus().getCode());
            shardDetails.putAll(health.getDetails());
            details.put(Integer.toString(jda.getShardInfo().getShardId()), shardDetails);
        }
        return Health.status(worst).withDetail("shards", details)
            .withDetail("guilds", this.shardManager.getGuildCache().size())
            .build();
    }

    private Health shard(JDA jda) {
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
                details.put("reason", "heartbeats are stale: no ACK or gateway traffic for "
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

    private static Status worse(Status a, Status b) {
        List<Status> order = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UP, Status.UNKNOWN);
        return (order.indexOf(b) < order.indexOf(a)) ? b : a;
    }
}
