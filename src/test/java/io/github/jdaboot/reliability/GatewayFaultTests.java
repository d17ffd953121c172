package io.github.jdaboot.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.jdaboot.DiscordEmulatorTestConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateway faults while users keep asking: every message gets exactly one reply once the bot is back,
 * whether it resumed (and had the missed events replayed) or had to start a new session (and read
 * what it missed). IDENTIFY never comes faster than Discord allows.
 */
@SpringBootTest(properties = { "emulator.heartbeat-interval=300ms", "discord.health.reconnect-grace-period=60s" })
@Import(DiscordEmulatorTestConfiguration.class)
@DisplayName("Gateway faults, as users see them")
class GatewayFaultTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @Autowired
    private DiscordEmulator discord;

    @Autowired
    private HealthIndicator discordHealthIndicator;

    private UserTraffic users;

    @BeforeEach
    void users() {
        this.discord.rateLimit("POST /channels/{channel_id}/messages", 50, Duration.ofSeconds(1));
        this.users = new UserTraffic(this.discord, List.of("general", "random", "bot-lab"),
                List.of("alice", "bob", "carol"));
        awaitConnected();
    }

    @AfterEach
    void identifyRate() {
        assertThat(this.discord.identifyRateViolations()).as("IDENTIFYs sooner than 5 s after the previous one")
            .isZero();
    }

    @ParameterizedTest(name = "gateway close {0}")
    @ValueSource(ints = { 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009, 1006 })
    @DisplayName("closed with a resumable code while users keep asking")
    void resumableClose(int code) {
        this.users.ask(3, Duration.ofMillis(50));
        long fault = System.nanoTime();
        if (code == 1006) {
            this.discord.dropGateway();
        }
        else {
            this.discord.closeGateway(code);
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
        int identifies = this.discord.identifyCount();
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.discord.requestReconnect();
        this.users.ask(4, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("op 7 RECONNECT", recovery);
        assertThat(this.discord.identifyCount()).as("resumed, not identified").isEqualTo(identifies);
    }

    @Test
    @DisplayName("op 9 INVALID_SESSION d=true: the bot resumes")
    void invalidSessionResumable() {
        int identifies = this.discord.identifyCount();
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.discord.invalidateSession(true);
        this.users.ask(4, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("op 9 INVALID_SESSION d=true", recovery);
        assertThat(this.discord.identifyCount()).isEqualTo(identifies);
    }

    @Test
    @DisplayName("op 9 INVALID_SESSION d=false: the bot identifies anew and answers what it missed")
    void invalidSessionNotResumable() {
        int identifies = this.discord.identifyCount();
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.discord.invalidateSession(false);
        this.users.ask(6, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("op 9 INVALID_SESSION d=false", recovery);
        assertThat(this.discord.identifyCount()).isEqualTo(identifies + 1);
    }

    @Test
    @DisplayName("a RESUME the gateway refuses: the bot identifies anew and answers what it missed")
    void refusedResume() {
        this.users.ask(2, Duration.ofMillis(50));
        this.discord.refuseNextResumes(1);
        long fault = System.nanoTime();
        this.discord.closeGateway(4000);
        this.users.ask(6, Duration.ofMillis(100));
        Duration recovery = awaitSessionAfter(fault);

        report("RESUME refused (op 9 d=false)", recovery);
        assertThat(this.discord.gatewayEvents()).anyMatch((event) -> event.kind().equals("resume-refused"));
    }

    @Test
    @DisplayName("zombie connection: ACKs stop, the bot reconnects within about two intervals, health shows it")
    void zombieConnection() {
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.discord.acknowledgeHeartbeats(false);
        boolean sawDown = watchHealthUntilTheBotGivesUp(fault);
        long gaveUp = gaveUp(fault);
        this.discord.acknowledgeHeartbeats(true);
        Duration recovery = awaitSessionAfter(fault);
        this.users.ask(2, Duration.ofMillis(50));

        report("zombie: heartbeat ACKs stop (300 ms interval)", recovery);
        assertThat(sawDown).as("health DOWN while the heartbeats were stale").isTrue();
        assertThat(Duration.ofNanos(gaveUp - fault))
            .as("JDA gives up on the connection within about two intervals of the last ACK")
            .isLessThan(Duration.ofMillis(4 * 300));
    }

    @Test
    @DisplayName("half-dead connection: no ACKs and no answer to the bot's close; DOWN until JDA's socket gives up")
    void halfDeadConnection() {
        this.users.ask(2, Duration.ofMillis(50));
        long fault = System.nanoTime();
        this.discord.answerClientClose(false);
        this.discord.acknowledgeHeartbeats(false);
        boolean sawDown = watchHealthUntilTheBotGivesUp(fault);
        long gaveUp = gaveUp(fault);
        boolean stillDown = true;
        for (int i = 0; i < 10; i++) {
            stillDown &= this.discordHealthIndicator.health().getStatus().equals(Status.DOWN);
            UserTraffic.sleep(Duration.ofMillis(50));
        }
        this.discord.acknowledgeHeartbeats(true);
        this.discord.answerClientClose(true);
        Duration recovery = awaitSessionAfter(fault);
        this.users.ask(2, Duration.ofMillis(50));

        report("half-dead: no ACKs, bot's close unanswered (JDA waits for its socket)", recovery);
        assertThat(sawDown).isTrue();
        assertThat(stillDown).as("DOWN while JDA waits on the dead socket, its status still CONNECTED").isTrue();
        assertThat(Duration.ofNanos(gaveUp - fault)).isLessThan(Duration.ofMillis(4 * 300));
    }

    /** Samples health every 10 ms until the bot closes the connection itself; whether it was ever DOWN. */
    private boolean watchHealthUntilTheBotGivesUp(long fault) {
        boolean sawDown = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && gaveUpOrZero(fault) == 0) {
            sawDown |= this.discordHealthIndicator.health().getStatus().equals(Status.DOWN);
            UserTraffic.sleep(Duration.ofMillis(10));
        }
        return sawDown;
    }

    private long gaveUp(long fault) {
        long when = gaveUpOrZero(fault);
        assertThat(when).as("the bot closed the zombie connection").isPositive();
        return when;
    }

    private long gaveUpOrZero(long fault) {
        return this.discord.gatewayEvents().stream()
            .filter((event) -> event.nanoTime() > fault && event.kind().equals("client-close"))
            .mapToLong(DiscordEmulator.GatewayEvent::nanoTime).min().orElse(0);
    }

    private void report(String fault, Duration recovery) {
        UserTraffic.Outcome outcome = this.users.outcome(TIMEOUT);
        ReliabilityReport.fault(fault, outcome.sent(), outcome.answered(), outcome.duplicates(), outcome.lost(),
                recovery);
        assertThat(outcome.lost()).as("messages without a reply").isZero();
        assertThat(outcome.duplicates()).as("messages answered twice").isZero();
    }

    /** How long after the fault the bot had a session again (READY or RESUMED). */
    private Duration awaitSessionAfter(long faultNanos) {
        await().atMost(TIMEOUT).until(() -> sessionAfter(faultNanos) > 0);
        return Duration.ofNanos(sessionAfter(faultNanos) - faultNanos);
    }

    private long sessionAfter(long faultNanos) {
        return this.discord.gatewayEvents().stream()
            .filter((event) -> event.nanoTime() > faultNanos && Set.of("ready", "resumed").contains(event.kind()))
            .mapToLong(DiscordEmulator.GatewayEvent::nanoTime)
            .min()
            .orElse(0);
    }

    private void awaitConnected() {
        await().atMost(TIMEOUT).until(() -> this.discord.hasLiveSession()
                && this.discordHealthIndicator.health().getStatus().equals(Status.UP));
    }
}
