package io.github.jdaboot.discord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health and metrics tell the truth about the connection: the real application over HTTP,
 * its bot connected to the Discord emulator, which breaks the connection in the ways
 * Discord does.
 */
@DiscordBotTest
@DisplayName("Health and metrics of the Discord connection")
class DiscordObservabilityEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final DiscordEmulator discord;

    private final World world;

    private final HealthEndpoint healthEndpoint;

    private final int port;

    DiscordObservabilityEndToEndTests(DiscordEmulator discord, HealthEndpoint healthEndpoint,
            @LocalServerPort int port) {
        this.discord = discord;
        this.world = discord.world();
        this.healthEndpoint = healthEndpoint;
        this.port = port;
    }

    @BeforeEach
    void connected() {
        await().until(() -> "UP".equals(discordStatus()));
    }

    @Test
    @DisplayName("UP after ready, with status, ping, last ACK, guilds and the bot's id and name")
    void upAfterReady() throws Exception {
        await().until(() -> shard0(health()).path("details").has("lastHeartbeatAckMs"));
        JsonNode discord = health().path("components").path("discord");

        assertThat(discord.path("status").asString()).isEqualTo("UP");
        assertThat(discord.path("components").propertyNames()).containsExactly("shard-0");
        JsonNode details = shard0(health()).path("details");
        assertThat(details.path("status").asString()).isEqualTo("CONNECTED");
        assertThat(details.path("gatewayPingMs").asLong()).isBetween(0L,
                Timeouts.scaled(Duration.ofSeconds(1)).toMillis());
        assertThat(details.path("lastHeartbeatAckMs").asLong()).isBetween(0L,
                Timeouts.scaled(this.discord.gateway().heartbeatInterval().multipliedBy(2)).toMillis());
        assertThat(details.path("guilds").asInt()).isEqualTo(1);
        assertThat(details.path("botId").asString()).isEqualTo(this.world.bot().idString());
        assertThat(details.path("botName").asString()).isEqualTo("IdeaBot");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        // the check reads memory only: thousands of checks take a few milliseconds in all
        int checks = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            assertThat(this.healthEndpoint.healthForPath("discord").getStatus().getCode()).isEqualTo("UP");
        }
        long meanNanos = (System.nanoTime() - start) / checks;
        System.out.printf("discord health check: %d ns on average over %d checks%n", meanNanos, checks);
        assertThat(Duration.ofNanos(meanNanos)).isLessThan(Timeouts.scaled(Duration.ofMillis(1)));
    }

    @Test
    @DisplayName("closed with 4000: OUT_OF_SERVICE while reconnecting (liveness UP), then UP after the resume")
    void outOfServiceWhileReconnecting() throws Exception {
        double resumes = metric("discord_gateway_resumes_total", "shard=\"0\"");
        this.discord.gateway().refuseConnections(true);
        this.discord.gateway().close(4000);

        await().until(() -> "OUT_OF_SERVICE".equals(discordStatus()));
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).as("reconnecting is not a liveness failure")
            .isEqualTo(200);

        this.discord.gateway().refuseConnections(false);
        await().until(() -> "UP".equals(discordStatus()));
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(metric("discord_gateway_resumes_total", "shard=\"0\"")).isEqualTo(resumes + 1);
        assertThat(metric("discord_gateway_closes_total", "code=\"4000\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("heartbeats no longer acknowledged, socket open: DOWN although JDA still says CONNECTED; then it recovers")
    void staleHeartbeats() throws Exception {
        // health judges staleness by the interval the ACKs' spacing shows (the assumed
        // 41.25 s before two ACKs):
        // right after the context starts, wait until they have shown the emulator's 0.5 s
        await().until(() -> metric("discord_gateway_heartbeat_interval_seconds", "shard=\"0\"") < 1);
        this.discord.gateway().answerClientClose(false);
        this.discord.gateway().acknowledgeHeartbeats(false);

        await().pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode health = health();
            return health.path("components").path("discord").path("status").asString().equals("DOWN")
                    && shard0(health).path("details").path("status").asString().equals("CONNECTED");
        });
        assertThat(shard0(health()).path("details").path("reason").asString()).startsWith("heartbeats are stale");

        this.discord.gateway().acknowledgeHeartbeats(true);
        this.discord.gateway().answerClientClose(true);
        await().atMost(Timeouts.RECOVERY).until(() -> "UP".equals(discordStatus()));
        EmulatedMessage asked = this.world.as("alice").says(this.world.channel("general"), ".idea");
        this.world.awaitReply(asked, Timeouts.ANSWER);
    }

    @Test
    @DisplayName("each run is a discord.commands observation with its kind and outcome; a 429 shows in the REST metrics")
    void commandAndRestMetrics() throws Exception {
        String[] ideaOk = { "command=\"idea\"", "kind=\"prefix\"", "outcome=\"success\"" };
        String[] slashOk = { "command=\"idea\"", "kind=\"slash\"", "outcome=\"success\"" };
        String[] badHelp = { "command=\"help\"", "kind=\"prefix\"", "outcome=\"bad_input\"" };
        String[] badIdea = { "command=\"idea\"", "kind=\"prefix\"", "outcome=\"bad_input\"" };
        String[] limited = { "method=\"POST\"", "uri=\"/channels/{channel_id}/messages\"", "scope=\"user\"",
                "status=\"429\"" };
        double ideas = metric("discord_commands_seconds_count", ideaOk);
        double slashIdeas = metric("discord_commands_seconds_count", slashOk);
        double badHelps = metric("discord_commands_seconds_count", badHelp);
        double badIdeas = metric("discord_commands_seconds_count", badIdea);
        double limitedRequests = metric("discord_rest_requests_seconds_count", limited);
        double userLimits = metric("discord_rest_ratelimits_total", "scope=\"user\"");
        reply(".idea");
        this.world.as("alice")
            .runs(SlashCommand.of("idea").in(this.world.channel("random")))
            .awaitResponse(Timeouts.ANSWER);
        reply(".help nope");
        reply(".idea " + "x".repeat(101));
        this.discord.rest().rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(200), "user");
        reply(".idea");

        await().untilAsserted(() -> {
            assertThat(metric("discord_commands_seconds_count", ideaOk)).isEqualTo(ideas + 2);
            assertThat(metric("discord_commands_seconds_count", slashOk)).isEqualTo(slashIdeas + 1);
            assertThat(metric("discord_commands_seconds_count", badHelp)).isEqualTo(badHelps + 1);
            assertThat(metric("discord_commands_seconds_count", badIdea)).isEqualTo(badIdeas + 1);
            assertThat(metric("discord_rest_requests_seconds_count", limited))
                .as(get("/actuator/prometheus").body()
                    .lines()
                    .filter((line) -> line.contains("429"))
                    .toList()
                    .toString())
                .isEqualTo(limitedRequests + 1);
            assertThat(metric("discord_rest_ratelimits_total", "scope=\"user\"")).isEqualTo(userLimits + 1);
        });
    }

    @Test
    @DisplayName("/actuator/prometheus serves every Discord metric, with no id, user or token in any tag")
    void prometheus() throws Exception {
        reply(".idea");
        this.world.as("alice").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER);
        this.discord.gateway().close(4000);
        await().until(() -> "UP".equals(discordStatus()) && this.discord.gateway().hasLiveSession());
        String scrape = get("/actuator/prometheus").body();
        assertThat(scrape).contains("discord_gateway_ping_milliseconds{", "discord_gateway_status{", "discord_guilds{",
                "discord_gateway_events_total{", "discord_gateway_reconnects_total{", "discord_gateway_resumes_total{",
                "discord_gateway_identifies_total{", "discord_gateway_heartbeat_age_seconds{",
                "discord_rest_requests_seconds_count{", "discord_rest_ratelimits_total{",
                "discord_commands_seconds_count{", "discord_commands_active_seconds_count{",
                "discord_interactions_late_total{", "discord_interactions_acknowledgement_seconds_bucket{",
                "discord_interactions_acknowledgement_seconds_count{");
        assertThat(scrape).doesNotContain(this.world.user("alice").idString())
            .doesNotContain(this.world.channel("general").idString())
            .doesNotContain(this.world.guild().idString())
            .doesNotContain(this.discord.token());
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/configprops").statusCode()).isEqualTo(404);
    }

    private String reply(String content) {
        return this.world.awaitReply(this.world.as("bob").says(this.world.channel("random"), content), Timeouts.ANSWER)
            .content();
    }

    private String discordStatus() throws IOException, InterruptedException {
        return health().path("components").path("discord").path("status").asString();
    }

    private static JsonNode shard0(JsonNode health) {
        return health.path("components").path("discord").path("components").path("shard-0");
    }

    private JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(get("/actuator/health").body());
    }

    /** The sum of the series of this name that have all these tags. */
    private double metric(String name, String... tags) throws IOException, InterruptedException {
        String scrape = get("/actuator/prometheus").body();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "\\{(.*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape);
        double total = 0;
        while (matcher.find()) {
            String series = matcher.group(1);
            if (Arrays.stream(tags).allMatch(series::contains)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
                BodyHandlers.ofString());
    }

}
