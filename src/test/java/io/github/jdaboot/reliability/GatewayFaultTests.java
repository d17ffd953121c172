package io.github.jdaboot.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.Gateway;
import io.github.jdaboot.emulator.GatewayActivity;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import io.micrometer.core.instrument.MeterRegistry;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateway faults while users keep asking: every message gets exactly one reply once the
 * bot is back, whether it resumed (and had the missed events replayed) or had to start a
 * new session (and read what it missed). IDENTIFY never comes faster than Discord allows.
 */
@DiscordBotTest
@DisplayName("Gateway faults, as users see them")
class GatewayFaultTests {

    private final DiscordEmulator discord;

    private final Gateway gateway;

    private final HealthEndpoint health;

    private final MeterRegistry meters;

    private final ShardManager shards;

    private UserTraffic users;

    private int identifyRateViolations;

    GatewayFaultTests(DiscordEmulator discord, HealthEndpoint health, MeterRegistry meters, ShardManager shards) {
        this.discord = discord;
        this.gateway = discord.gateway();
        this.health = health;
        this.meters = meters;
        this.shards = shards;
    }

    @BeforeEach
    void users() {
        this.discord.rest().rateLimit("POST /channels/{channel_id}/messages", 50, Duration.ofSeconds(1));
        this.users = new UserTraffic(this.discord.world(), List.of("general", "random", "bot-lab"),
                List.of("alice", "bob", "carol"));
        this.identifyRateViolations = this.gateway.identifyRateViolations();
        awaitConnected();
    }

    @AfterEach
    void identifyRate() {
        assertThat(this.gateway.identifyRateViolations() - this.identifyRateViolations)
            .as("IDENTIFYs sooner than 5 s after the previous one")
            .isZero();
    }

    @ParameterizedTest(name = "gateway close {0}")
    @ValueSource(ints = { 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009, 1006 })
    @DisplayName("closed with a resumable code while users keep asking")
    void resumableClose(int code) {
        this.users.ask(3, Duration.ofMillis(50));
        long fault = System.nanoTime();
        if (code == 1006) {
            this.gateway.drop();
        }
        else {
            this.gateway.close(code);
        }
        this.users.ask(6, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);
        this.users.ask(3, Duration.ofMillis(50));

        report("close " + code + ((code == 4007 || code == 4009) ? " (new session)" : "")
                + ((code == 1006) ? " (no close frame)" : ""), recovery);
    }

    @Test
    @DisplayName("op 7 RECONNECT: the bot reconnects and resumes")
    void reconnectRequest() {
        int identifies = this.gateway.identifyCount();
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.gateway.requestReconnect();
        this.users.ask(4, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("op 7 RECONNECT", recovery);
        assertThat(this.gateway.identifyCount()).as("resumed, not identified").isEqualTo(identifies);
    }

    @Test
    @DisplayName("op 9 INVALID_SESSION d=true: the bot resumes")
    void invalidSessionResumable() {
        int identifies = this.gateway.identifyCount();
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.gateway.invalidateSession(true);
        this.users.ask(4, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("op 9 INVALID_SESSION d=true", recovery);
        assertThat(this.gateway.identifyCount()).isEqualTo(identifies);
    }

    @Test
    @DisplayName("op 9 INVALID_SESSION d=false: the bot identifies anew and answers what it missed")
    void invalidSessionNotResumable() {
        int identifies = this.gateway.identifyCount();
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.gateway.invalidateSession(false);
        this.users.ask(6, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("op 9 INVALID_SESSION d=false", recovery);
        assertThat(this.gateway.identifyCount()).isEqualTo(identifies + 1);
    }

    @Test
    @DisplayName("a RESUME the gateway refuses: the bot identifies anew and answers what it missed")
    void refusedResume() {
        this.users.ask(2, Duration.ofMillis(50));
        this.gateway.refuseNextResumes(1);
        long fault = System.nanoTime();
        this.gateway.close(4000);
        this.users.ask(6, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("RESUME refused (op 9 d=false)", recovery);
        assertThat(this.gateway.events()).anyMatch((event) -> event.kind() == GatewayActivity.RESUME_REFUSED);
    }

    @Test
    @DisplayName("zombie connection: ACKs stop, the bot reconnects within about two intervals, health shows it")
    void zombieConnection() {
        this.users.ask(2, Duration.ofMillis(50));
        long fault = zombieAfterNextAck();
        boolean sawDown = watchHealthUntilTheBotGivesUp(fault);
        long gaveUp = gaveUp(fault);
        this.gateway.acknowledgeHeartbeats(true);
        Duration recovery = awaitSessionAfter(fault);
        this.users.ask(2, Duration.ofMillis(50));

        long interval = this.gateway.heartbeatInterval().toMillis();
        report("zombie: heartbeat ACKs stop (" + interval + " ms interval)", recovery);
        assertThat(sawDown).as("health DOWN while the heartbeats were stale").isTrue();
        assertThat(Duration.ofNanos(gaveUp - fault))
            .as("JDA gives up on the connection within about two intervals of the last ACK")
            .isLessThan(Timeouts.scaled(Duration.ofMillis(4 * interval)));
    }

    @Test
    @DisplayName("half-dead connection: no ACKs and no answer to the bot's close; DOWN until JDA's socket gives up")
    void halfDeadConnection() {
        this.users.ask(2, Duration.ofMillis(50));
        this.gateway.answerClientClose(false);
        long fault = zombieAfterNextAck();
        boolean sawDown = watchHealthUntilTheBotGivesUp(fault);
        long gaveUp = gaveUp(fault);
        // DOWN while JDA waits on the dead socket, its status still CONNECTED
        await("health DOWN while JDA waits on the dead socket").during(Timeouts.SETTLE)
            .until(() -> this.health.healthForPath("discord").getStatus().equals(Status.DOWN));
        this.gateway.acknowledgeHeartbeats(true);
        this.gateway.answerClientClose(true);
        Duration recovery = awaitSessionAfter(fault);
        this.users.ask(2, Duration.ofMillis(50));

        report("half-dead: no ACKs, bot's close unanswered (JDA waits for its socket)", recovery);
        assertThat(sawDown).isTrue();
        assertThat(Duration.ofNanos(gaveUp - fault))
            .isLessThan(Timeouts.scaled(this.gateway.heartbeatInterval().multipliedBy(4)));
    }

    @Test
    @DisplayName("JDA cancels its own reconnect (its thread interrupted): the shard is started again and answers")
    void reconnectCancelledByInterrupt() {
        // JDA 6.5 runs the reconnect on the thread that saw the socket close, unless that
        // thread was already interrupted; nv-websocket-client interrupts its reading
        // thread
        // when the bot closes a zombie connection, and that interrupt can land after
        // JDA's
        // check: the reconnect's wait then throws, and JDA shuts the shard down without a
        // word (DiscordShardRestarter). The interrupt is delivered here on the same
        // thread,
        // at the same point: while JDA announces the disconnect, before it waits.
        AtomicBoolean armed = new AtomicBoolean(true);
        EventListener interrupter = (event) -> {
            if (event instanceof SessionDisconnectEvent && armed.getAndSet(false)) {
                Thread.currentThread().interrupt();
            }
        };
        this.shards.addEventListener(interrupter);
        try {
            this.users.ask(2, Duration.ofMillis(50));
            this.users.awaitAnswered(Timeouts.ANSWER);
            JDA before = this.shards.getShardById(0);
            long fault = System.nanoTime();
            this.gateway.close(4000);
            Duration recovery = awaitSessionAfter(fault);
            awaitConnected();
            // a new shard, a new session: what the old one had in hand is not asserted
            // here, only that the bot answers again
            this.users = new UserTraffic(this.discord.world(), List.of("general", "random", "bot-lab"),
                    List.of("alice", "bob", "carol"));
            this.users.ask(3, Duration.ofMillis(50));

            report("reconnect cancelled by an interrupt (shard started again)", recovery);
            assertThat(armed).as("the disconnect was announced").isFalse();
            assertThat(before.getStatus()).as("JDA gave up on the first shard").isEqualTo(JDA.Status.SHUTDOWN);
            assertThat(this.shards.getShardById(0)).isNotSameAs(before);
        }
        finally {
            this.shards.removeEventListener(interrupter);
        }
    }

    /**
     * Stops the heartbeat ACKs just after one, once the replies in flight have reached
     * the bot: its last sign of life is then that ACK, so health turns DOWN two intervals
     * later and JDA gives up after its third unanswered heartbeat, one interval after
     * that, in every run.
     * @return when the last ACK went out
     */
    private long zombieAfterNextAck() {
        // health judges staleness by the interval the ACKs' spacing shows (Discord's
        // 41.25 s assumed before
        // two ACKs): in a context that just started, wait until they have shown the
        // emulator's
        await().atMost(Timeouts.ANSWER)
            .until(() -> this.meters.get("discord.gateway.heartbeat.interval").tag("shard", "0").gauge().value() < 1);
        this.users.awaitAnswered(Timeouts.ANSWER);
        long asked = System.nanoTime();
        this.gateway.stopAcknowledgingAfterNextHeartbeat();
        return await().atMost(Timeouts.ANSWER)
            .until(() -> this.gateway.events()
                .stream()
                .filter((event) -> event.kind() == GatewayActivity.ACKS_OFF && event.nanoTime() > asked)
                .mapToLong(Gateway.Event::nanoTime)
                .max()
                .orElse(0), (when) -> when > 0);
    }

    /**
     * Awaits the bot closing the connection itself, sampling health every 10 ms
     * meanwhile; whether it was ever DOWN.
     */
    private boolean watchHealthUntilTheBotGivesUp(long fault) {
        AtomicBoolean sawDown = new AtomicBoolean();
        await("the bot closing the zombie connection").pollInterval(Duration.ofMillis(10)).until(() -> {
            if (this.health.healthForPath("discord").getStatus().equals(Status.DOWN)) {
                sawDown.set(true);
            }
            return gaveUpOrZero(fault) != 0;
        });
        return sawDown.get();
    }

    private long gaveUp(long fault) {
        long when = gaveUpOrZero(fault);
        assertThat(when).as("the bot closed the zombie connection").isPositive();
        return when;
    }

    private long gaveUpOrZero(long fault) {
        return this.gateway.events()
            .stream()
            .filter((event) -> event.nanoTime() > fault && event.kind() == GatewayActivity.CLIENT_CLOSE)
            .mapToLong(Gateway.Event::nanoTime)
            .min()
            .orElse(0);
    }

    private void report(String fault, Duration recovery) {
        UserTraffic.Outcome outcome = this.users.outcome(Timeouts.RECOVERY);
        ReliabilityReport.fault(fault, outcome.sent(), outcome.answered(), outcome.duplicates(), outcome.lost(),
                recovery);
        assertThat(outcome.lost()).as("messages without a reply").isZero();
        assertThat(outcome.duplicates()).as("messages answered twice").isZero();
    }

    /** How long after the fault the bot had a session again (READY or RESUMED). */
    private Duration awaitSessionAfter(long faultNanos) {
        await().atMost(Timeouts.RECOVERY).until(() -> sessionAfter(faultNanos) > 0);
        return Duration.ofNanos(sessionAfter(faultNanos) - faultNanos);
    }

    private long sessionAfter(long faultNanos) {
        return this.gateway.events()
            .stream()
            .filter((event) -> event.nanoTime() > faultNanos
                    && Set.of(GatewayActivity.READY, GatewayActivity.RESUMED).contains(event.kind()))
            .mapToLong(Gateway.Event::nanoTime)
            .min()
            .orElse(0);
    }

    private void awaitConnected() {
        await().atMost(Timeouts.RECOVERY)
            .until(() -> this.gateway.hasLiveSession()
                    && this.health.healthForPath("discord").getStatus().equals(Status.UP));
    }

}
