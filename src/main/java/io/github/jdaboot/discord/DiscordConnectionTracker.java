package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GatewayPingEvent;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Follows the gateway sessions, one state per shard: logs JDA's status changes and the
 * tutorial's {@code Logged on as} line, remembers when heartbeats were last acknowledged
 * and gateway traffic last arrived (what JDA's status alone hides), stops a shard on
 * every fatal close code (4012 included, which JDA would retry), marks the application's
 * liveness broken after one, and tells startup whether the first session became ready or
 * was closed for good.
 */
class DiscordConnectionTracker implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnectionTracker.class);

    /**
     * What the tracker knows about one shard, beyond what JDA's getters say. Times are
     * {@link System#nanoTime()}.
     */
    static final class ShardState {

        private final long[] ackGaps = new long[3];

        private int gaps;

        private long gapAnchorNanos;

        private volatile long lastAckNanos;

        private volatile long lastTrafficNanos;

        private volatile long notConnectedSinceNanos;

        private volatile int fatalCloseCode;

        private volatile @Nullable String fatalReason;

        ShardState(long now) {
            this.notConnectedSinceNanos = now;
        }

        synchronized void heartbeatAcknowledged(long now) {
            if (this.gapAnchorNanos != 0) {
                this.ackGaps[this.gaps++ % this.ackGaps.length] = now - this.gapAnchorNanos;
            }
            this.gapAnchorNanos = now;
            this.lastAckNanos = now;
        }

        /**
         * A new connection starts its heartbeats afresh: the gap across the outage says
         * nothing of the interval.
         */
        synchronized void connectionLost(long now) {
            this.gapAnchorNanos = 0;
            this.notConnectedSinceNanos = now;
        }

        /**
         * The heartbeat interval as the spacing of ACKs shows it (the median of the last
         * three gaps, so one late ACK does not stretch it), or the fallback before two
         * ACKs.
         */
        synchronized long heartbeatIntervalNanos(long fallback) {
            int known = Math.min(this.gaps, this.ackGaps.length);
            if (known == 0) {
                return fallback;
            }
            long[] recent = Arrays.copyOf(this.ackGaps, known);
            Arrays.sort(recent);
            return recent[known / 2];
        }

        long lastAckNanos() {
            return this.lastAckNanos;
        }

        /**
         * The latest of the last heartbeat ACK and the last dispatch received, 0 when
         * neither happened.
         */
        long lastSignOfLifeNanos() {
            return Math.max(this.lastAckNanos, this.lastTrafficNanos);
        }

        /** Since when the shard is not CONNECTED, 0 while it is. */
        long notConnectedSinceNanos() {
            return this.notConnectedSinceNanos;
        }

        int fatalCloseCode() {
            return this.fatalCloseCode;
        }

        @Nullable String fatalReason() {
            return this.fatalReason;
        }

    }

    private final Set<GatewayIntent> intents;

    private final ApplicationEventPublisher events;

    private final LongSupplier nanoClock;

    /**
     * By shard id, read for every event; replaced by a longer copy when a shard with a
     * higher id appears.
     */
    private volatile @Nullable ShardState[] shards = new ShardState[0];

    private final CompletableFuture<Integer> firstOutcome = new CompletableFuture<>();

    DiscordConnectionTracker(Set<GatewayIntent> intents, ApplicationEventPublisher events) {
        this(intents, events, System::nanoTime);
    }

    DiscordConnectionTracker(Set<GatewayIntent> intents, ApplicationEventPublisher events, LongSupplier nanoClock) {
        this.intents = intents;
        this.events = events;
        this.nanoClock = nanoClock;
    }

    /**
     * Called for every event: the most frequent (every dispatch) takes one lookup and one
     * clock read.
     */
    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case RawGatewayEvent raw -> state(raw.getJDA()).lastTrafficNanos = now();
            case GatewayPingEvent ping -> state(ping.getJDA()).heartbeatAcknowledged(now());
            case StatusChangeEvent change -> {
                log.info("Discord {}: {} -> {}", shard(change.getJDA()), change.getOldStatus(), change.getNewStatus());
                ShardState state = state(change.getJDA());
                if (change.getNewStatus() == JDA.Status.CONNECTED) {
                    state.notConnectedSinceNanos = 0;
                }
                else if (state.notConnectedSinceNanos == 0) {
                    state.connectionLost(now());
                }
            }
            case ReadyEvent ready -> {
                log.info("Logged on as {}", ready.getJDA().getSelfUser().getName());
                this.firstOutcome.complete(0);
            }
            case SessionDisconnectEvent disconnect when disconnect.getServiceCloseFrame() != null -> {
                int code = disconnect.getServiceCloseFrame().getCloseCode();
                CloseCode known = CloseCode.from(code);
                if (DiscordCloseCodes.isFatal(code) && (known == null || known.isReconnect())) {
                    // JDA would reconnect and be closed again, forever: stop this shard
                    // instead
                    fatal(disconnect.getJDA(), state(disconnect.getJDA()), code);
                    disconnect.getJDA().shutdownNow();
                }
            }
            case ShutdownEvent shutdown when DiscordCloseCodes.isFatal(shutdown.getCode()) ->
                fatal(shutdown.getJDA(), state(shutdown.getJDA()), shutdown.getCode());
            default -> {
                // not about the connection
            }
        }
    }

    private void fatal(JDA jda, ShardState state, int code) {
        if (state.fatalCloseCode != 0) {
            return;
        }
        String reason = DiscordCloseCodes.explain(code, this.intents).getMessage();
        state.fatalReason = reason;
        state.fatalCloseCode = code;
        if (!this.firstOutcome.complete(code)) {
            // startup is over, so nobody else reports it: say what happened, and let the
            // platform restart us
            log.error("Discord {} stopped: {}", shard(jda), reason);
            AvailabilityChangeEvent.publish(this.events, this, LivenessState.BROKEN);
        }
    }

    /** The tracked state of a shard, created on first sight. */
    ShardState state(JDA jda) {
        int shardId = jda.getShardInfo().getShardId();
        @Nullable ShardState[] known = this.shards;
        ShardState state = (shardId < known.length) ? known[shardId] : null;
        return (state != null) ? state : addState(shardId);
    }

    private synchronized ShardState addState(int shardId) {
        @Nullable ShardState[] known = this.shards;
        if (shardId < known.length && known[shardId] != null) {
            return known[shardId];
        }
        ShardState state = new ShardState(this.nanoClock.getAsLong());
        @Nullable ShardState[] grown = Arrays.copyOf(known, Math.max(known.length, shardId + 1));
        grown[shardId] = state;
        this.shards = grown;
        return state;
    }

    long now() {
        return this.nanoClock.getAsLong();
    }

    /**
     * Waits until the first session is ready or was closed with a fatal code.
     * @param timeout how long to wait
     * @return 0 when ready, else the fatal close code
     * @throws TimeoutException when neither happened in time
     */
    int awaitFirstOutcome(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return this.firstOutcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String shard(JDA jda) {
        JDA.ShardInfo info = jda.getShardInfo();
        return "shard " + info.getShardId() + "/" + info.getShardTotal();
    }

}
