package io.github.jdaboot.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import com.neovisionaries.ws.client.WebSocketFrame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's meters, every counter registered at 0 before it can move: per shard
 * (registered when the shard first shows, at login) {@code discord.gateway.events},
 * {@code .reconnects}, {@code .resumes}, {@code .identifies} and the gauges
 * {@code discord.gateway.status}, {@code .ping}, {@code .heartbeat.age},
 * {@code .heartbeat.interval} and {@code discord.guilds}; and, when bound,
 * {@code discord.gateway.closes} by close code (Discord's codes, a few of the WebSocket's
 * and JDA's, {@code other} for the rest: a bounded tag). Counting reads an array slot:
 * nothing is looked up or allocated per event on JDA's thread.
 */
class DiscordMetrics implements MeterBinder, EventListener {

    /** The close codes counted by name; any other is {@code other}. */
    private static final List<String> CLOSE_CODES = closeCodes();

    private final DiscordConnectionTracker tracker;

    private final DiscordProperties.Health health;

    private volatile @Nullable MeterRegistry registry;

    private volatile Map<String, Counter> closes = Map.of();

    private volatile AtomicReferenceArray<ShardMeters> shards = new AtomicReferenceArray<>(1);

    DiscordMetrics(DiscordConnectionTracker tracker, DiscordProperties.Health health) {
        this.tracker = tracker;
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Map<String, Counter> closes = new LinkedHashMap<>();
        for (String code : CLOSE_CODES) {
            closes.put(code,
                    Counter.builder("discord.gateway.closes")
                        .description("Gateway connections closed, by close code (none: dropped without a close frame)")
                        .tag("code", code)
                        .register(registry));
        }
        this.closes = Map.copyOf(closes);
        this.registry = registry;
    }

    @Override
    public void onEvent(GenericEvent event) {
        ShardMeters meters = meters(event.getJDA());
        if (meters == null) {
            return;
        }
        switch (event) {
            case RawGatewayEvent raw -> meters.events().increment();
            case SessionDisconnectEvent disconnect -> {
                meters.reconnects().increment();
                Counter closed = this.closes.get(closeCode(disconnect));
                ((closed != null) ? closed : this.closes.get("other")).increment();
            }
            case SessionResumeEvent resumed -> meters.resumes().increment();
            case ReadyEvent ready -> meters.identifies().increment();
            case SessionRecreateEvent recreated -> meters.identifies().increment();
            default -> {
                // not measured
            }
        }
    }

    /**
     * The shard's meters, registered on its first event; null until a registry is bound.
     */
    private @Nullable ShardMeters meters(JDA jda) {
        int id = jda.getShardInfo().getShardId();
        AtomicReferenceArray<ShardMeters> known = this.shards;
        ShardMeters meters = (id < known.length()) ? known.get(id) : null;
        return (meters != null) ? meters : register(jda, id);
    }

    private synchronized @Nullable ShardMeters register(JDA jda, int id) {
        MeterRegistry registry = this.registry;
        if (registry == null) {
            return null;
        }
        AtomicReferenceArray<ShardMeters> known = this.shards;
        if (id < known.length() && known.get(id) != null) {
            return known.get(id);
        }
        String shard = Integer.toString(id);
        ShardMeters meters = new ShardMeters(
                counter(registry, "discord.gateway.events", "Gateway dispatches received", shard),
                counter(registry, "discord.gateway.reconnects", "Gateway connections lost and reconnected", shard),
                counter(registry, "discord.gateway.resumes", "Gateway sessions resumed after a reconnect", shard),
                counter(registry, "discord.gateway.identifies", "Gateway sessions started with IDENTIFY", shard));
        registerGauges(registry, current(jda, id), shard);
        if (id >= known.length()) {
            AtomicReferenceArray<ShardMeters> grown = new AtomicReferenceArray<>(Math.max(id + 1, known.length() * 2));
            for (int i = 0; i < known.length(); i++) {
                grown.set(i, known.get(i));
            }
            known = grown;
        }
        known.set(id, meters);
        this.shards = known;
        return meters;
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String shard) {
        return Counter.builder(name).description(description).tag("shard", shard).register(registry);
    }

    /**
     * Gauges read the shard's current JDA instance, which a restart of the shard
     * replaces.
     */
    private static Supplier<@Nullable JDA> current(JDA first, int id) {
        ShardManager manager = first.getShardManager();
        return (manager != null) ? () -> manager.getShardById(id) : () -> first;
    }

    private void registerGauges(MeterRegistry registry, Supplier<@Nullable JDA> current, String shard) {
        gauge(registry, "discord.gateway.status", "1 while the shard is connected to the gateway, else 0", null, shard,
                current, (jda) -> (jda.getStatus() == JDA.Status.CONNECTED) ? 1 : 0);
        gauge(registry, "discord.gateway.ping", "Time between the last heartbeat and its ACK", "milliseconds", shard,
                current, JDA::getGatewayPing);
        gauge(registry, "discord.gateway.heartbeat.age",
                "Time since the last heartbeat ACK (stale past two heartbeat intervals)", "seconds", shard, current,
                this::heartbeatAge);
        gauge(registry, "discord.gateway.heartbeat.interval", "The heartbeat interval, as the ACKs' spacing shows it",
                "seconds", shard, current, this::heartbeatInterval);
        gauge(registry, "discord.guilds", "Guilds the shard serves", null, shard, current,
                (jda) -> jda.getGuildCache().size());
    }

    private static void gauge(MeterRegistry registry, String name, String description, @Nullable String unit,
            String shard, Supplier<@Nullable JDA> current, ToDoubleFunction<JDA> read) {
        Gauge.builder(name, current, (supplier) -> {
            JDA jda = supplier.get();
            return (jda != null) ? read.applyAsDouble(jda) : Double.NaN;
        }).description(description).baseUnit(unit).tag("shard", shard).strongReference(true).register(registry);
    }

    private double heartbeatAge(JDA jda) {
        long lastAck = this.tracker.state(jda).lastAckNanos();
        return (lastAck == 0) ? Double.NaN : (this.tracker.now() - lastAck) / 1e9;
    }

    private double heartbeatInterval(JDA jda) {
        return this.tracker.state(jda).heartbeatIntervalNanos(this.health.getAssumedHeartbeatInterval().toNanos())
                / 1e9;
    }

    /**
     * The code Discord closed with, else the one JDA closed with, else {@code none} (a
     * dropped connection).
     */
    private static String closeCode(SessionDisconnectEvent disconnect) {
        WebSocketFrame frame = (disconnect.getServiceCloseFrame() != null) ? disconnect.getServiceCloseFrame()
                : disconnect.getClientCloseFrame();
        return (frame != null) ? Integer.toString(frame.getCloseCode()) : "none";
    }

    private static List<String> closeCodes() {
        List<String> codes = new ArrayList<>(List.of("none", "1000", "1001", "1006", "4900",
                Integer.toString(DiscordCloseCodes.INVALID_API_VERSION)));
        for (CloseCode code : CloseCode.values()) {
            codes.add(Integer.toString(code.getCode()));
        }
        codes.add("other");
        return List.copyOf(codes.stream().distinct().toList());
    }

    private record ShardMeters(Counter events, Counter reconnects, Counter resumes, Counter identifies) {
    }

}
