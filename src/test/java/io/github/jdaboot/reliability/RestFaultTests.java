package io.github.jdaboot.reliability;

import java.time.Duration;
import java.util.List;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * REST faults while users keep asking: 429s of every scope and bursts of server errors
 * delay the replies but never lose or double them, and once told to wait the bot waits.
 */
@DiscordBotTest
@DisplayName("REST faults, as users see them")
class RestFaultTests {

    private static final String MESSAGES = "POST /channels/{channel_id}/messages";

    private final DiscordEmulator discord;

    private UserTraffic users;

    private int violationsBefore;

    RestFaultTests(DiscordEmulator discord) {
        this.discord = discord;
    }

    @BeforeEach
    void users() {
        this.users = new UserTraffic(this.discord.world(), List.of("general", "random"), List.of("alice", "bob"));
        this.violationsBefore = this.discord.rest().rateLimitViolations();
    }

    @AfterEach
    void neverTooSoon() {
        assertThat(this.discord.rest().rateLimitViolations() - this.violationsBefore)
            .as("requests sent while told to wait")
            .isZero();
    }

    @ParameterizedTest(name = "429 scope {0}, {1} in a row")
    @CsvSource({ "user, 3", "global, 2", "shared, 3" })
    @DisplayName("429 with retry_after: replies arrive late, exactly once, and the bot waits as told")
    void rateLimited(String scope, int count) {
        this.discord.rest().rateLimitNext(MESSAGES, count, Duration.ofMillis(1200), scope);
        long start = System.nanoTime();
        this.users.ask(4, Duration.ofMillis(20));

        report("REST 429, scope " + scope + ", " + count + " in a row, retry_after 1.2 s", start);
    }

    @ParameterizedTest(name = "{1} x {0}")
    @CsvSource({ "500, 3", "502, 3", "503, 6", "504, 2" })
    @DisplayName("a burst of server errors: replies arrive late, exactly once")
    void serverErrors(int status, int count) {
        this.discord.rest().failNext(MESSAGES, count, status);
        long start = System.nanoTime();
        this.users.ask(3, Duration.ofMillis(20));

        report("REST " + status + " x " + count, start);
    }

    @Test
    @DisplayName("a message stored but answered with 500: the retry's nonce returns it, no second post")
    void storedButFailed() {
        this.discord.rest().failNextAfterProcessing(MESSAGES, 2, 500);
        long start = System.nanoTime();
        EmulatedMessage asked = this.users.ask();

        report("REST 500 after storing the reply x 2 (nonce)", start);
        assertThat(this.discord.world().repliesTo(asked)).hasSize(1);
        await().atMost(Timeouts.RECOVERY)
            .untilAsserted(() -> assertThat(this.discord.rest()
                .requests()
                .stream()
                .filter((request) -> MESSAGES.equals(request.route())
                        && request.body().contains("\"nonce\":\"r" + asked.idString() + "-0\""))
                .map(RecordedRequest::status)
                .toList()).as("the same reply, with the same nonce, until Discord says it has it")
                .containsExactly(500, 500, 200));
        assertThat(this.discord.world().repliesTo(asked)).hasSize(1);
    }

    @Test
    @DisplayName("Discord's real limit of 5 messages per 5 s in a channel: the bot queues, never exceeds it")
    void realRateLimit() {
        UserTraffic oneChannel = new UserTraffic(this.discord.world(), List.of("bot-lab"), List.of("carol", "dave"));
        long start = System.nanoTime();
        oneChannel.ask(12, Duration.ZERO);

        UserTraffic.Outcome outcome = oneChannel.outcome(Timeouts.RECOVERY);
        ReliabilityReport.fault("12 replies into one channel at 5 per 5 s", outcome.sent(), outcome.answered(),
                outcome.duplicates(), outcome.lost(), "all in " + ReliabilityReport.format(since(start)));
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicates()).isZero();
    }

    private void report(String fault, long start) {
        UserTraffic.Outcome outcome = this.users.outcome(Timeouts.RECOVERY);
        ReliabilityReport.fault(fault, outcome.sent(), outcome.answered(), outcome.duplicates(), outcome.lost(),
                "all in " + ReliabilityReport.format(since(start)));
        assertThat(outcome.lost()).as("messages without a reply").isZero();
        assertThat(outcome.duplicates()).as("messages answered twice").isZero();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

}
