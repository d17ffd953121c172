package io.github.jdaboot.discord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.testing.BotLauncher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh bot, logged in and asked nothing: {@code /actuator/prometheus} already lists
 * every Discord counter, at 0 where nothing happened yet, so that {@code increase()} and
 * alerts on absent series see the first resume, close, 429 or late interaction.
 */
@DisplayName("Discord metrics of a fresh bot")
class DiscordMetricsAtStartTests {

    /**
     * Every counter that no event of a quiet start moves, by its Prometheus name and a
     * tag it carries.
     */
    private static final List<String> AT_ZERO = List.of("discord_gateway_resumes_total{shard=\"0\"}",
            "discord_gateway_reconnects_total{shard=\"0\"}", "discord_gateway_closes_total{code=\"4000\"}",
            "discord_gateway_closes_total{code=\"none\"}", "discord_gateway_closes_total{code=\"other\"}",
            "discord_rest_ratelimits_total{scope=\"user\"}", "discord_rest_ratelimits_total{scope=\"global\"}",
            "discord_rest_ratelimits_total{scope=\"shared\"}", "discord_interactions_late_total{type=\"reply\"}",
            "discord_interactions_late_total{type=\"defer\"}");

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("every discord counter is listed from the start, at 0 until its event happens")
    void countersAtZero() throws Exception {
        int port = this.bot.startServing().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        String scrape = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                    BodyHandlers.ofString())
            .body();

        Map<String, Double> series = series(scrape);
        for (String expected : AT_ZERO) {
            assertThat(series).as(expected).containsEntry(expected, 0.0);
        }
        assertThat(series).as("the session that started")
            .containsEntry("discord_gateway_identifies_total{shard=\"0\"}", 1.0);
        assertThat(series.get("discord_gateway_status{shard=\"0\"}")).isEqualTo(1.0);
        assertThat(series.keySet().stream().filter((name) -> name.startsWith("discord_gateway_closes_total")))
            .as("close codes are a bounded set")
            .hasSizeBetween(15, 25);
    }

    /**
     * Each sample by name and labels, labels reduced to the one that names it here
     * ({@code shard}, {@code code}...).
     */
    private static Map<String, Double> series(String scrape) {
        Map<String, Double> series = new TreeMap<>();
        Matcher sample = Pattern.compile("^(discord_\\w+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (sample.find()) {
            for (String label : sample.group(2).split(",")) {
                series.merge(sample.group(1) + "{" + label + "}", Double.parseDouble(sample.group(3)), Double::sum);
            }
        }
        return series;
    }

}
