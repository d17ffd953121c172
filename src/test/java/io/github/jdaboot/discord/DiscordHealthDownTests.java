package io.github.jdaboot.discord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health DOWN over HTTP, each case in a context of its own: after a fatal close the bot
 * stops for good, health and readiness are DOWN with the reason, and liveness fails too,
 * so that the platform restarts the process; after reconnecting for longer than the grace
 * period, DOWN but still live.
 */
@DisplayName("Health DOWN over HTTP")
class DiscordHealthDownTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    private int port;

    @Test
    @DisplayName("close 4004: health DOWN with the reason, readiness and liveness fail, no reconnect")
    void fatalClose() throws Exception {
        DiscordEmulator discord = this.bot.discord();
        this.port = this.bot.startServing().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        discord.gateway().close(4004);

        await().until(() -> get("/actuator/health/liveness").statusCode() == 503);
        JsonNode health = discordHealth();
        assertThat(health.path("status").asString()).isEqualTo("DOWN");
        assertThat(health.path("details").path("closeCode").asInt()).isEqualTo(4004);
        assertThat(health.path("details").path("reason").asString())
            .startsWith("Discord rejected the bot token (gateway close 4004 Authentication failed)");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health").body()).doesNotContain(discord.token());
        await().during(Timeouts.QUIET)
            .until(() -> discord.gateway().identifyCount() == 1 && discord.gateway().resumeCount() == 0);
    }

    @Test
    @DisplayName("reconnecting for longer than the grace period: DOWN with the reason, then UP when it connects")
    void downAfterTheGracePeriod() throws Exception {
        DiscordEmulator discord = this.bot.discord();
        this.port = this.bot.startServing("--discord.health.reconnect-grace-period=3s")
            .getEnvironment()
            .getRequiredProperty("local.server.port", Integer.class);
        await().until(() -> "UP".equals(discordHealth().path("status").asString()));
        discord.gateway().refuseConnections(true);
        discord.gateway().close(4000);

        await().until(() -> "OUT_OF_SERVICE".equals(discordHealth().path("status").asString()));
        await().until(() -> "DOWN".equals(discordHealth().path("status").asString()));
        assertThat(discordHealth().path("details").path("reason").asString())
            .startsWith("not connected for longer than PT3S");
        assertThat(get("/actuator/health/liveness").statusCode()).as("still recoverable").isEqualTo(200);

        discord.gateway().refuseConnections(false);
        await().atMost(Timeouts.RECOVERY).until(() -> "UP".equals(discordHealth().path("status").asString()));
    }

    private JsonNode discordHealth() throws IOException, InterruptedException {
        return JsonMapper.builder()
            .build()
            .readTree(get("/actuator/health").body())
            .path("components")
            .path("discord")
            .path("components")
            .path("shard-0");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                BodyHandlers.ofString());
    }

}
