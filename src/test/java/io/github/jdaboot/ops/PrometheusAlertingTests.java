package io.github.jdaboot.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.jdaboot.emulator.Gateway;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert rules at work: a real Prometheus scrapes the bot every second on loopback and
 * evaluates {@code deploy/prometheus/alerts.yml} as it is; the emulator breaks the
 * gateway connection and the matching alert fires, then resolves once the connection is
 * healthy again.
 */
@DisplayName("Prometheus with the alert rules, scraping the bot")
@RequiresPrograms(Program.PROMETHEUS)
class PrometheusAlertingTests {

    private static final Path RULES = Path.of("deploy/prometheus/alerts.yml");

    private static final String ALERT = "DiscordHeartbeatStale";

    private static final Duration POLL = Duration.ofMillis(250);

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator((emulator) -> emulator.heartbeatInterval(Duration.ofMillis(500)));

    @Test
    @DisplayName("heartbeats unacknowledged on a half-dead connection: DiscordHeartbeatStale fires for the shard, and resolves once they are back")
    void heartbeatStale() throws Exception {
        int port = this.bot.startServing().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        Gateway gateway = this.bot.discord().gateway();
        try (PrometheusServer prometheus = PrometheusServer.start(RULES, "127.0.0.1:" + port)) {
            // scraped, with the interval measured from the ACKs (0.5 s), not yet the
            // assumed 41.25 s
            await("Prometheus scraping the bot's heartbeat interval").pollInterval(POLL)
                .until(() -> prometheus.query("discord_gateway_heartbeat_interval_seconds{job=\"discord-bot\"} < 1"),
                        (series) -> series.size() == 1);
            assertThat(prometheus.alerts(ALERT)).as("a healthy connection").isEmpty();

            long fault = System.nanoTime();
            gateway.answerClientClose(false);
            gateway.acknowledgeHeartbeats(false);
            await(ALERT + " pending").pollInterval(POLL).until(() -> !prometheus.alerts(ALERT).isEmpty());
            // pending for its 30 s `for`, then firing
            List<JsonNode> firing = await(ALERT + " firing").atMost(Timeouts.RECOVERY)
                .pollInterval(POLL)
                .until(() -> prometheus.alerts(ALERT),
                        (alerts) -> alerts.stream().anyMatch(PrometheusAlertingTests::firing));
            Duration toFiring = Duration.ofNanos(System.nanoTime() - fault);
            assertThat(firing).as("one alert, for shard 0").hasSize(1);
            JsonNode alert = firing.getFirst();
            assertThat(alert.path("labels").path("shard").asString()).isEqualTo("0");
            assertThat(alert.path("labels").path("severity").asString()).isEqualTo("critical");
            assertThat(alert.path("annotations").path("summary").asString())
                .isEqualTo("Discord shard 0 on 127.0.0.1:" + port + " gets no heartbeat ACKs");

            long restore = System.nanoTime();
            gateway.acknowledgeHeartbeats(true);
            gateway.answerClientClose(true);
            await(ALERT + " resolved").atMost(Timeouts.RECOVERY)
                .pollInterval(POLL)
                .until(() -> prometheus.alerts(ALERT).isEmpty());
            Duration toResolved = Duration.ofNanos(System.nanoTime() - restore);

            System.out.printf(
                    "%s: heartbeat ACKs stopped -> firing in %.1f s (for: 30s); ACKs back -> resolved in %.1f s"
                            + " (slowest scrape %s s, failed scrapes %s)%n",
                    ALERT, toFiring.toMillis() / 1000.0, toResolved.toMillis() / 1000.0,
                    value(prometheus, "max_over_time(scrape_duration_seconds{job=\"discord-bot\"}[10m])"),
                    value(prometheus,
                            "count_over_time(up{job=\"discord-bot\"}[10m]) - sum_over_time(up{job=\"discord-bot\"}[10m])"));
        }
    }

    /** The value of a query that returns one series. */
    private static String value(PrometheusServer prometheus, String promql) throws Exception {
        return prometheus.query(promql).getFirst().path("value").get(1).asString();
    }

    private static boolean firing(JsonNode alert) {
        return alert.path("state").asString().equals("firing");
    }

}
