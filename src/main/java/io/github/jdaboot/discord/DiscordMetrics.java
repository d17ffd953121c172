package io.github.jdaboot.discord;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import com.neovisionaries.ws.client.WebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer metrics for the gateway connection, per shard: ping, connected state and guild count
 * (gauges), dispatches received by event type, and reconnects (by close code), resumes and
 * identifies (counters). Tags are bounded: shard number, Discord's event names and close codes.
 */
class DiscordMetrics implements EventListener {

    /** One shard's tag and its counter per event type; looked up for every dispatch, so made once. */
    private final class ShardMeters {

        private final String shard;
        private final Map<String, Counter> events = new ConcurrentHashMap<>();

        ShardMeters(String shard) {
            this.shard = shard;
        }

        /** Counts a dispatch; the type is Discord's event name, so the counters are as many as Discord's events. */
        void dispatched(String type) {
            Counter counter = this.events.get(type);
            if (counter == null) {
                counter = this.events.computeIfAbsent(type, (name) -> Counter.builder("discord.gateway.events")
                    .description("Gateway dispatches received, by event type")
                    .tag("type", name)
                    .tag("shard", this.shard)
                    .register(DiscordMetrics.this.registry));
            }
            counter.increment();
        }
    }

    private final MeterRegistry registry;

    /** By shard id; replaced by a longer copy when a shard with a higher id appears. */
    private volatile @Nullable ShardMeters[] shards = new ShardMeters[0];

    DiscordMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(GenericEvent event) {
        ShardMeters meters = meters(event.getJDA());
        switch (event) {
            case RawGatewayEvent raw -> meters.dispatched(raw.getType());
            case SessionDisconnectEvent disconnect -> Counter.builder("discord.gateway.reconnects")
                .description("Gateway connections lost and reconnected, by close code")
                .tag("shard", meters.shard)
                .tag("close_code", closeCode(disconnect))
                .register(this.registry)
                .increment();
            case SessionResumeEvent resumed -> Counter.builder("discord.gateway.resumes")
                .description("Gateway sessions resumed after a reconnect")
                .tag("shard", meters.shard)
                .register(this.registry)
                .increment();
            case ReadyEvent ready -> identified(meters.shard);
            case SessionRecreateEvent recreated -> identified(meters.shard);
            default -> {
                // not measured
            }
        }
    }

    /** The shard's meters; the first event of a shard registers its gauges. */
    private ShardMeters meters(JDA jda) {
        int shardId = jda.getShardInfo().getShardId();
        @Nullable ShardMeters[] known = this.shards;
        ShardMeters meters = (shardId < known.length) ? known[shardId] : null;
        return (meters != null) ? meters : register(jda, shardId);
    }

    private synchronized ShardMeters register(JDA jda, int shardId) {
        @Nullable ShardMeters[] known = this.shards;
        if (shardId < known.length && known[shardId] != null) {
            return known[shardId];
        }
        ShardMeters meters = new ShardMeters(Integer.toString(shardId));
        registerGauges(jda, shardId, meters.shard);
        @Nullable ShardMeters[] grown = Arrays.copyOf(known, Math.max(known.length, shardId + 1));
        grown[shardId] = meters;
        this.shards = grown;
        return meters;
    }

    private void identified(String shard) {
        Counter.builder("discord.gateway.identifies")
            .description("Gateway sessions started with IDENTIFY")
            .tag("shard", shard)
            .register(this.registry)
            .increment();
    }

    private static String closeCode(SessionDisconnectEvent disconnect) {
        WebSocketFrame frame = (disconnect.getServiceCloseFrame() != null) ? disconnect.getServiceCloseFrame()
                : disconnect.getClientCloseFrame();
        return (frame != null) ? Integer.toString(frame.getCloseCode()) : "none";
    }

    /** Gauges read the shard's current JDA instance, which a restart replaces. */
    private void registerGauges(JDA first, int shardId, String shard) {
        ShardManager manager = first.getShardManager();
        java.util.function.Supplier<JDA> current = (manager != null) ? () -> manager.getShardById(shardId) : () -> first;
        Gauge.builder("discord.gateway.ping", () -> value(current, JDA::getGatewayPing))
            .description("Time between the last heartbeat and its ACK")
            .baseUnit("milliseconds")
            .tag("shard", shard)
            .register(this.registry);
        Gauge.builder("discord.gateway.status",
                () -> value(current, (jda) -> (jda.getStatus() == JDA.Status.CONNECTED) ? 1 : 0))
            .description("1 while the shard is connected to the gateway, else 0")
            .tag("shard", shard)
            .register(this.registry);
        Gauge.builder("discord.guilds", () -> value(current, (jda) -> jda.getGuildCache().size()))
            .description("Guilds the shard serves")
            .tag("shard", shard)
            .register(this.registry);
    }

    private static Number value(java.util.function.Supplier<JDA> current, java.util.function.ToLongFunction<JDA> read) {
        JDA jda = current.get();
        return (jda != null) ? read.applyAsLong(jda) : 0;
    }
}
