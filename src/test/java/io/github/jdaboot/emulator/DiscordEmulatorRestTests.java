package io.github.jdaboot.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The emulator's REST API and control API over HTTP, checked against Discord's documented
 * behaviour: authentication, rate-limit headers and 429s, validation, nonces, allowed
 * mentions, files.
 */
@DisplayName("Emulator REST and control API")
class DiscordEmulatorRestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    /** A fresh emulator for each test, closed after it. */
    @AutoClose
    private final DiscordEmulator discord = DiscordEmulator.builder().build().start();

    @Test
    @DisplayName("a request without the bot token gets 401; with it, GET users/@me is the bot with rate-limit headers")
    void authentication() throws Exception {
        assertThat(call("GET", "users/@me", null, null).statusCode()).isEqualTo(401);

        var response = call("GET", "users/@me", null, "Bot " + this.discord.token());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("username").asString()).isEqualTo("IdeaBot");
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Reset-After")).isPresent();
        assertThat(response.headers().firstValue("X-RateLimit-Bucket")).isPresent();
    }

    @Test
    @DisplayName("the sixth message in 5 s to one channel gets 429 with retry_after; the bucket is per channel")
    void messageRateLimit() throws Exception {
        String general = this.discord.world().channel("general").idString();
        for (int i = 0; i < 5; i++) {
            assertThat(send(general, "{\"content\":\"hi " + i + "\"}").statusCode()).isEqualTo(200);
        }
        var limited = send(general, "{\"content\":\"one too many\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).path("retry_after").asDouble()).isPositive();
        assertThat(limited.headers().firstValue("X-RateLimit-Scope")).hasValue("user");
        assertThat(limited.headers().firstValue("Via")).isPresent();
        assertThat(
                send(this.discord.world().channel("random").idString(), "{\"content\":\"other channel\"}").statusCode())
            .isEqualTo(200);
        assertThat(this.discord.rest().rateLimitViolations()).as("sent before the 429 could have arrived").isZero();
        // a request within 50 ms of the 429 may have been on its way before it: not held
        // against the bot; once the 429 has had time to arrive, one is
        await("a request while already told to wait counted").untilAsserted(() -> {
            assertThat(send(general, "{\"content\":\"still too many\"}").statusCode()).isEqualTo(429);
            assertThat(this.discord.rest().rateLimitViolations()).isPositive();
        });
        assertThat(this.discord.rest().rateLimitViolations()).as("a request while already told to wait").isEqualTo(1);
    }

    @Test
    @DisplayName("injected faults answer the next requests, then the route works again")
    void injectedFaults() throws Exception {
        String channel = this.discord.world().channel("general").idString();
        this.discord.rest().failNext("POST /channels/{channel_id}/messages", 1, 502);
        this.discord.rest().rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(1500), "shared");

        assertThat(send(channel, "{\"content\":\"a\"}").statusCode()).isEqualTo(502);
        var limited = send(channel, "{\"content\":\"b\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("X-RateLimit-Scope")).hasValue("shared");
        assertThat(JSON.readTree(limited.body()).path("retry_after").asDouble()).isEqualTo(1.5);
        assertThat(send(channel, "{\"content\":\"c\"}").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Discord's validation: over 2,000 characters and empty messages are rejected with 400")
    void validation() throws Exception {
        String channel = this.discord.world().channel("general").idString();
        var tooLong = send(channel, "{\"content\":\"" + "x".repeat(2001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).path("code").asInt()).isEqualTo(50035);
        var empty = send(channel, "{\"content\":\"\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).path("code").asInt()).isEqualTo(50006);
        assertThat(send("1", "{\"content\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("the same nonce with enforce_nonce returns the first message instead of a duplicate")
    void enforcedNonce() throws Exception {
        String channel = this.discord.world().channel("general").idString();
        String body = "{\"content\":\"once\",\"nonce\":\"123\",\"enforce_nonce\":true}";
        String first = JSON.readTree(send(channel, body).body()).path("id").asString();
        String second = JSON.readTree(send(channel, body).body()).path("id").asString();

        assertThat(second).isEqualTo(first);
        assertThat(this.discord.world().messages(this.discord.world().channel("general")))
            .filteredOn((m) -> m.content().equals("once"))
            .hasSize(1);
    }

    @Test
    @DisplayName("allowed mentions are applied as Discord applies them")
    void allowedMentions() throws Exception {
        String channel = this.discord.world().channel("general").idString();
        EmulatedUser alice = this.discord.world().user("alice");
        String content = "@everyone " + alice.mention();

        JsonNode unrestricted = JSON.readTree(send(channel, "{\"content\":\"" + content + "\"}").body());
        assertThat(unrestricted.path("mentions")).hasSize(1);
        assertThat(unrestricted.path("mention_everyone").asBoolean()).as("the bot's role lacks MENTION_EVERYONE")
            .isFalse();

        JsonNode none = JSON
            .readTree(send(channel, "{\"content\":\"" + content + "\",\"allowed_mentions\":{\"parse\":[]}}").body());
        assertThat(none.path("mentions")).isEmpty();

        EmulatedMessage moderator = this.discord.world()
            .as(alice)
            .says(this.discord.world().channel("general"), "@here look");
        assertThat(moderator.mentionEveryone()).as("alice is a moderator").isTrue();
        EmulatedMessage member = this.discord.world()
            .as("bob")
            .says(this.discord.world().channel("general"),
                    "@everyone look " + this.discord.world().guild().role("Moderators").mention());
        assertThat(member.mentionEveryone()).isFalse();
        assertThat(member.mentionRoleIds()).as("Moderators is not mentionable").isEmpty();
    }

    @Test
    @DisplayName("control API: POST /emulator/messages answers 201 with the message, GET lists the channel")
    void controlApi() throws Exception {
        var posted = control("POST", "/emulator/messages", "{\"author\":\"dave\",\"content\":\"hello\"}");
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode message = JSON.readTree(posted.body());
        assertThat(message.path("id").asString()).isNotBlank();
        assertThat(message.path("author").path("username").asString()).isEqualTo("dave");
        assertThat(message.path("channel_id").asString()).isEqualTo(this.discord.world().channel("general").idString());

        var listed = control("GET", "/emulator/messages?channel_id=" + message.path("channel_id").asString(), null);
        assertThat(JSON.readTree(listed.body())).extracting((m) -> m.path("content").asString()).contains("hello");
        assertThat(control("POST", "/emulator/messages", "{\"content\":\"x\",\"channel_id\":\"1\"}").statusCode())
            .isEqualTo(400);
        assertThat(control("GET", "/emulator/status", null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a message with a file arrives as multipart and is stored with its attachment")
    void multipartFile() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"content\":\"see file\",\"attachments\":[{\"id\":0}]}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"long.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile body\r\n--" + boundary + "--\r\n";
        var response = this.http.send(HttpRequest
            .newBuilder(URI.create(this.discord.restUrl() + "channels/"
                    + this.discord.world().channel("general").idString() + "/messages"))
            .header("Authorization", "Bot " + this.discord.token())
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofString(body))
            .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        EmulatedMessage stored = this.discord.world().messages(this.discord.world().channel("general")).getLast();
        assertThat(stored.attachments()).singleElement()
            .satisfies((file) -> assertThat(file.text()).isEqualTo("file body"));
    }

    private HttpResponse<String> send(String channelId, String json) throws IOException, InterruptedException {
        return call("POST", "channels/" + channelId + "/messages", json, "Bot " + this.discord.token());
    }

    private HttpResponse<String> call(String method, String route, String json, String authorization)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(this.discord.restUrl() + route))
            .method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody())
            .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> control(String method, String path, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.discord.port() + path))
            .method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody())
            .header("Content-Type", "application/json");
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

}
