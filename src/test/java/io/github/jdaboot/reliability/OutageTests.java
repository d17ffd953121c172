package io.github.jdaboot.reliability;

import java.time.Duration;
import java.util.List;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.JdaEvents;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Discord goes away for 30 seconds and comes back: the bot retries with backoff, not in a
 * tight loop, reports OUT_OF_SERVICE meanwhile, and is UP and answering again afterwards.
 */
@DiscordBotTest
@DisplayName("A 30-second outage")
class OutageTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final DiscordEmulator discord;

    private final HealthEndpoint health;

    private final JdaEvents events;

    OutageTests(DiscordEmulator discord, HealthEndpoint health, JdaEvents events) {
        this.discord = discord;
        this.health = health;
        this.events = events;
    }

    @Test
    @DisplayName("the emulator disappears for 30 s: backoff, OUT_OF_SERVICE, then UP and answering")
    void outage() {
        UserTraffic users = new UserTraffic(this.discord.world(), List.of("general"), List.of("alice"));
        await().until(() -> this.health.healthForPath("discord").getStatus().equals(Status.UP));
        users.ask(2, Duration.ofMillis(50));
        users.outcome(Timeouts.ANSWER);
        int before = this.events.count(JDA.Status.ATTEMPTING_TO_RECONNECT);

        long start = System.nanoTime();
        this.discord.disappear();
        await().until(() -> this.health.healthForPath("discord").getStatus().equals(Status.OUT_OF_SERVICE));
        // the fault's set length, not a wait: the emulator stays away for OUTAGE
        UserTraffic.pause(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - start)));
        int during = this.events.count(JDA.Status.ATTEMPTING_TO_RECONNECT) - before;
        this.discord.reappear();
        long back = System.nanoTime();
        await().atMost(Timeouts.RECOVERY)
            .until(() -> this.health.healthForPath("discord").getStatus().equals(Status.UP));
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        users.ask(3, Duration.ofMillis(50));

        UserTraffic.Outcome outcome = users.outcome(Timeouts.ANSWER);
        ReliabilityReport.fault("emulator gone for 30 s (" + during + " reconnect attempts meanwhile)", outcome.sent(),
                outcome.answered(), outcome.duplicates(), outcome.lost(),
                ReliabilityReport.format(recovery) + " after it came back");
        assertThat(during).as("reconnect attempts in 30 s, with backoff").isBetween(2, 8);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicates()).isZero();
    }

}
