package io.github.jdaboot.discord;

import java.util.Map;
import java.util.Set;
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

/**
 * Micrometer metrics for the gateway connection, per shard: ping, connected state and guild count
 * (gauges), dispatches received by event type, and reconnects (by close code), resumes and
 * identifies (counters). Tags are bounded: shard number, Discord's event names and close codes.
 */
class DiscordMetrics implements EventListener {

    private final MeterRegistry registry;
    private final Set<Integer> shardsWithGauges = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> eventCounters = new ConcurrentHashMap<>();

    DiscordMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(GenericEvent event) {
        JDA jda = event.getJDA();
        String shard = Integer.toString(jda.getShardInfo().getShardId());
        if (this.shardsWithGauges.add(jda.getShardInfo().getShardId())) {
            registerGauges(jda, jda.getShardInfo().getShardId(), shard);
        }
        switch (event) {
            case RawGatewayEvent raw -> this.eventCounters.computeIfAbsent(raw.getType() + "/" + shard,
                    (key) -> Counter.builder("discord.gateway.events")
                        .description("Gateway dispatches received, by event type")
                        .tag("type", raw.getType())
                        .tag("shard", shard)
                        .register(this.registry))
                .increment();
            case SessionDisconnectEvent disconnect -> Counter.builder("discord.gateway.reconnects")
                .description("Gateway connections lost and reconnected, by close code")
                .tag("shard", shard)
                .tag("close_code", closeCode(disconnect))
                .register(this.registry)
                .increment();
            case SessionResumeEvent resumed -> Counter.builder("discord.gateway.resumes")
                .description("Gateway sessions resumed after a reconnect")
                .tag("shard", shard)
                .register(this.registry)
                .increment();
            case ReadyEvent ready -> identified(shard);
            case SessionRecreateEvent recreated -> identified(shard);
            default -> {
                // not measured
            }
        }
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
