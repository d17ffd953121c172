package io.github.jdaboot.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.DiscordEmulatorTestConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Discord goes away for 30 seconds and comes back: the bot retries with backoff, not in a tight loop,
 * reports OUT_OF_SERVICE meanwhile, and is UP and answering again afterwards.
 */
@SpringBootTest
@Import({ DiscordEmulatorTestConfiguration.class, OutageTests.AttemptCounting.class })
@DisplayName("A 30-second outage")
class OutageTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Autowired
    private DiscordEmulator discord;

    @Autowired
    private HealthIndicator discordHealthIndicator;

    @Autowired
    private ReconnectAttempts attempts;

    @Test
    @DisplayName("the emulator disappears for 30 s: backoff, OUT_OF_SERVICE, then UP and answering")
    void outage() {
        UserTraffic users = new UserTraffic(this.discord, List.of("general"), List.of("alice"));
        await().atMost(Duration.ofSeconds(20))
            .until(() -> this.discordHealthIndicator.health().getStatus().equals(Status.UP));
        users.ask(2, Duration.ofMillis(50));
        users.outcome(Duration.ofSeconds(10));
        int before = this.attempts.count();

        long start = System.nanoTime();
        this.discord.disappear();
        await().atMost(Duration.ofSeconds(10))
            .until(() -> this.discordHealthIndicator.health().getStatus().equals(Status.OUT_OF_SERVICE));
        UserTraffic.sleep(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - start)));
        int during = this.attempts.count() - before;
        this.discord.reappear();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> this.discordHealthIndicator.health().getStatus().equals(Status.UP));
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        users.ask(3, Duration.ofMillis(50));

        UserTraffic.Outcome outcome = users.outcome(Duration.ofSeconds(20));
        ReliabilityReport.fault("emulator gone for 30 s (" + during + " reconnect attempts meanwhile)",
                outcome.sent(), outcome.answered(), outcome.duplicates(), outcome.lost(),
                ReliabilityReport.format(recovery) + " after it came back");
        assertThat(during).as("reconnect attempts in 30 s, with backoff").isBetween(2, 8);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicates()).isZero();
    }

    /** Counts the bot's attempts to reconnect, as JDA reports them. */
    static class ReconnectAttempts implements EventListener {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof StatusChangeEvent change
                    && change.getNewStatus() == JDA.Status.ATTEMPTING_TO_RECONNECT) {
                this.count.incrementAndGet();
            }
        }

        int count() {
            return this.count.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class AttemptCounting {

        @Bean
        ReconnectAttempts reconnectAttempts() {
            return new ReconnectAttempts();
        }
    }
}
