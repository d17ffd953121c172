package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discord's waits measured by the emulator's clock: a test moves a {@link ManualClock}
 * past them instead of sleeping, and each limit holds up to its last instant and no
 * longer.
 */
@DisplayName("The emulator's clock")
class DiscordEmulatorClockTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(START);

    private final HttpClient http = HttpClient.newHttpClient();

    private DiscordEmulator discord;

    private World world;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().clock(this.clock).build().start();
        this.world = this.discord.world();
        HttpResponse<String> registered = rest("PUT", "applications/" + this.world.applicationId() + "/commands",
                "[{\"name\": \"ping\", \"description\": \"Pings\"}]");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    @Test
    @DisplayName("messages, ids and interactions are stamped with the clock's time")
    void stamps() {
        this.clock.advance(Duration.ofHours(1));

        EmulatedMessage said = this.world.as("alice").says(this.world.channel("general"), "hello");

        assertThat(said.timestamp()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(Snowflakes.timestampOf(said.id())).isEqualTo(START.plus(Duration.ofHours(1)).toEpochMilli());
    }

    @Test
    @DisplayName("a callback is taken until 3 s after the interaction, and refused with 10062 from then on")
    void callbackDeadline() throws Exception {
        EmulatedInteraction inTime = this.world.as("alice").runs(SlashCommand.of("ping"));
        EmulatedInteraction tooLate = this.world.as("alice").runs(SlashCommand.of("ping"));

        this.clock.advance(InteractionCallbacks.CALLBACK_DEADLINE.minusMillis(1));
        assertThat(callback(inTime).statusCode()).isEqualTo(204);
        this.clock.advance(Duration.ofMillis(1));
        HttpResponse<String> refused = callback(tooLate);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(refused.body()).path("code").asInt()).isEqualTo(10062);
        assertThat(inTime.acknowledgedAfter()).hasValue(InteractionCallbacks.CALLBACK_DEADLINE.minusMillis(1));
    }

    @Test
    @DisplayName("the interaction's webhook takes follow-ups for 15 minutes, then answers 10015 Unknown Webhook")
    void tokenLifetime() throws Exception {
        EmulatedInteraction interaction = this.world.as("alice").runs(SlashCommand.of("ping"));
        assertThat(callback(interaction).statusCode()).isEqualTo(204);

        this.clock.advance(InteractionCallbacks.TOKEN_LIFETIME.minusMillis(1));
        assertThat(followUp(interaction, "still here").statusCode()).isEqualTo(200);
        this.clock.advance(Duration.ofMillis(1));
        HttpResponse<String> gone = followUp(interaction, "too late");

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).path("code").asInt()).isEqualTo(10015);
    }

    @Test
    @DisplayName("a channel's 5 messages per 5 s: the sixth gets 429 with the time left, the window's end frees it")
    void rateLimitWindow() throws Exception {
        String messages = "channels/" + this.world.channel("general").idString() + "/messages";
        for (int i = 0; i < 5; i++) {
            assertThat(rest("POST", messages, "{\"content\": \"" + i + "\"}").statusCode()).isEqualTo(200);
        }
        this.clock.advance(Duration.ofSeconds(2));

        HttpResponse<String> limited = rest("POST", messages, "{\"content\": \"sixth\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).path("retry_after").asDouble()).isEqualTo(3.0);
        assertThat(limited.headers().firstValue("X-RateLimit-Reset-After")).hasValue("3.000");

        this.clock.advance(Duration.ofSeconds(3));
        assertThat(rest("POST", messages, "{\"content\": \"sixth, later\"}").statusCode()).isEqualTo(200);
        assertThat(this.discord.rest().rateLimitViolations()).isZero();
    }

    @Test
    @DisplayName("an enforced nonce returns the first message for 5 minutes, then makes a new one")
    void nonceWindow() throws Exception {
        String messages = "channels/" + this.world.channel("general").idString() + "/messages";
        String body = "{\"content\": \"once\", \"nonce\": \"n-1\", \"enforce_nonce\": true}";
        String first = JSON.readTree(rest("POST", messages, body).body()).path("id").asString();

        this.clock.advance(Duration.ofMinutes(4));
        assertThat(JSON.readTree(rest("POST", messages, body).body()).path("id").asString()).isEqualTo(first);
        this.clock.advance(Duration.ofMinutes(2));
        assertThat(JSON.readTree(rest("POST", messages, body).body()).path("id").asString()).isNotEqualTo(first);
    }

    @Test
    @DisplayName("what the clock schedules runs when it is due, in order, and not before")
    void scheduling() {
        StringBuilder ran = new StringBuilder();
        this.clock.schedule(Duration.ofSeconds(2), () -> ran.append("b"));
        this.clock.schedule(Duration.ofSeconds(1), () -> ran.append("a"));
        this.clock.schedule(Duration.ofSeconds(2), () -> ran.append("c"));

        this.clock.advance(Duration.ofMillis(999));
        assertThat(ran).isEmpty();
        this.clock.advance(Duration.ofMillis(1));
        assertThat(ran).hasToString("a");
        this.clock.advance(Duration.ofSeconds(1));
        assertThat(ran).hasToString("abc");
        assertThat(this.clock.instant()).isEqualTo(START.plusSeconds(2));
    }

    private HttpResponse<String> callback(EmulatedInteraction interaction) {
        return rest("POST",
                "interactions/" + Long.toUnsignedString(interaction.id()) + "/" + interaction.token() + "/callback",
                "{\"type\": 4, \"data\": {\"content\": \"pong\"}}");
    }

    private HttpResponse<String> followUp(EmulatedInteraction interaction, String content) {
        return rest("POST", "webhooks/" + this.world.applicationId() + "/" + interaction.token(),
                "{\"content\": \"" + content + "\"}");
    }

    private HttpResponse<String> rest(String method, String path, @Nullable String body) {
        try {
            return this.http.send(HttpRequest.newBuilder(URI.create(this.discord.restUrl() + path))
                .header("Authorization", "Bot " + this.discord.token())
                .header("Content-Type", "application/json")
                .method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
                .build(), BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

}
