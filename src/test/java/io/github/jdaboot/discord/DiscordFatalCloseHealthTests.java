package io.github.jdaboot.discord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import io.github.jdaboot.DiscordEmulatorTestConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fatal close while running: the bot stops for good, health and readiness are DOWN with the reason,
 * and liveness fails too, so that the platform restarts the process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DiscordEmulatorTestConfiguration.class)
@DirtiesContext
@DisplayName("Health after a fatal close")
class DiscordFatalCloseHealthTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private DiscordEmulator discord;

    @LocalServerPort
    private int port;

    @Test
    @DisplayName("close 4004: health DOWN with the reason, readiness and liveness fail, no reconnect")
    void fatalClose() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        this.discord.closeGateway(4004);

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/liveness").statusCode() == 503);
        JsonNode discord = JsonMapper.builder().build().readTree(get("/actuator/health").body())
            .path("components").path("discord");
        assertThat(discord.path("status").asString()).isEqualTo("DOWN");
        assertThat(discord.path("details").path("closeCode").asInt()).isEqualTo(4004);
        assertThat(discord.path("details").path("reason").asString())
            .startsWith("Discord rejected the bot token (gateway close 4004 Authentication failed)");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health").body()).doesNotContain(this.discord.token());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> this.discord.identifyCount() == 1 && this.discord.resumeCount() == 0);
    }

    private java.net.http.HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                BodyHandlers.ofString());
    }
}
