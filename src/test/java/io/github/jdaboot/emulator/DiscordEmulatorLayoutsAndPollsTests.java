package io.github.jdaboot.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layouts (Components V2) and polls over the emulator's REST API and control API, as
 * Discord answers them: what a V2 message cannot have refused with 400 and code 50035
 * naming the field, and a poll's votes given, refused, taken back and paged.
 */
@DisplayName("Emulator: layouts and polls over HTTP")
class DiscordEmulatorLayoutsAndPollsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int V2 = 1 << 15;

    /** GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT. */
    private static final long MESSAGES = 1 | (1 << 9) | (1 << 12) | (1 << 15);

    /** GUILD_MESSAGE_POLLS. */
    private static final long GUILD_MESSAGE_POLLS = 1 << 24;

    private static final String POLL = "{\"poll\": {\"question\": {\"text\": \"Tea or coffee?\"}, \"answers\": ["
            + "{\"poll_media\": {\"text\": \"Tea\"}}, {\"poll_media\": {\"text\": \"Coffee\"}}], \"duration\": 1}}";

    private final HttpClient http = HttpClient.newHttpClient();

    private DiscordEmulator discord;

    private String channel;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        this.channel = this.discord.world().channel("general").idString();
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    @Test
    @DisplayName("a layout is stored with the flag; content beside it, an unknown type and 41 components get 50035")
    void layoutRefusals() throws Exception {
        HttpResponse<String> card = send(
                "{\"flags\": " + V2 + ", \"components\": [{\"type\": 17, \"accent_color\": 255,"
                        + " \"components\": [{\"type\": 10, \"content\": \"hi\"}, {\"type\": 14}]}]}");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        JsonNode stored = JSON.readTree(card.body());
        assertThat(stored.path("flags").asInt() & V2).isEqualTo(V2);
        assertThat(stored.path("components").path(0).path("components").path(1).path("divider").asBoolean()).isTrue();

        assertRefused(send("{\"flags\": " + V2 + ", \"content\": \"text\", \"components\": [{\"type\": 10,"
                + " \"content\": \"hi\"}]}"), "content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2");
        assertRefused(send("{\"flags\": " + V2 + ", \"components\": [{\"type\": 99}]}"), "type",
                "Value must be one of {1, 9, 10, 12, 13, 14, 17}.");
        assertRefused(
                send("{\"flags\": " + V2 + ", \"components\": [{\"type\": 17, \"components\": ["
                        + "{\"type\": 10, \"content\": \"x\"},".repeat(39) + "{\"type\": 10, \"content\": \"x\"}]}]}"),
                "components", "COMPONENT_MAX_TOTAL_EXCEEDED");
        assertRefused(send("{\"flags\": " + V2 + ", \"components\": [{\"type\": 10, \"content\": \"hi\"}],"
                + " \"poll\": {\"question\": {\"text\": \"?\"}, \"answers\": [{\"poll_media\": {\"text\": \"a\"}}]}}"),
                "poll", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2");

        String id = stored.path("id").asString();
        assertRefused(call("PATCH", "channels/" + this.channel + "/messages/" + id, "{\"flags\": 0}"), "flags",
                "MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG");
    }

    @Test
    @DisplayName("a premium button in a layout's section is checked like one in a row: an SKU the app lacks, 50057")
    void premiumButtonInALayout() throws Exception {
        HttpResponse<String> premium = send("{\"flags\": " + V2 + ", \"components\": [{\"type\": 9, \"components\": ["
                + "{\"type\": 10, \"content\": \"Pro\"}], \"accessory\": {\"type\": 2, \"style\": 6,"
                + " \"sku_id\": \"123\"}}]}");
        assertThat(premium.statusCode()).as(premium.body()).isEqualTo(400);
        assertThat(JSON.readTree(premium.body()).path("code").asInt()).as("a premium button's SKU checked in a section")
            .isEqualTo(50057);
    }

    @Test
    @DisplayName("a poll's votes through the control API: counted, refused with Discord's 400, taken back, paged")
    void votesThroughTheControlApi() throws Exception {
        HttpResponse<String> sent = send(POLL);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        String id = JSON.readTree(sent.body()).path("id").asString();

        HttpResponse<String> voted = control("POST", "/emulator/messages/" + id + "/votes",
                "{\"user\": \"bob\", \"answer_ids\": [2]}");
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
        assertThat(counts(voted)).as("answers without votes left out, as Discord does").isEqualTo("2:1");
        assertRefused(
                control("POST", "/emulator/messages/" + id + "/votes", "{\"user\": \"carol\", \"answer_ids\": [3]}"),
                "answer_ids", "Value must be one of {1, 2}.");
        assertRefused(
                control("POST", "/emulator/messages/" + id + "/votes", "{\"user\": \"carol\", \"answer_ids\": [1, 2]}"),
                "answer_ids", "BASE_TYPE_BAD_LENGTH");
        assertThat(control("POST", "/emulator/messages/" + id + "/votes", "{\"user\": \"carol\"}").statusCode())
            .isEqualTo(400);

        HttpResponse<String> voters = call("GET", "channels/" + this.channel + "/polls/" + id + "/answers/2", null);
        assertThat(JSON.readTree(voters.body()).path("users").findValuesAsString("username")).containsExactly("bob");

        HttpResponse<String> removed = control("DELETE", "/emulator/messages/" + id + "/votes?user=bob", null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(counts(removed)).isEmpty();

        HttpResponse<String> ended = call("POST", "channels/" + this.channel + "/polls/" + id + "/expire", null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        HttpResponse<String> late = control("POST", "/emulator/messages/" + id + "/votes",
                "{\"user\": \"bob\", \"answer_ids\": [1]}");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(late.body()).path("code").asInt()).isEqualTo(520001);
    }

    @Test
    @DisplayName("MESSAGE_POLL_VOTE_ADD and _REMOVE reach a session with GUILD_MESSAGE_POLLS, with the vote")
    void voteEventsNeedTheirIntent() throws Exception {
        World world = this.discord.world();
        try (RawGatewayClient client = connect(MESSAGES | GUILD_MESSAGE_POLLS)) {
            EmulatedMessage poll = poll();
            world.as("bob").votes(poll, 2);
            world.as("bob").removesVote(poll);

            JsonNode added = client.nextOf(0, "MESSAGE_POLL_VOTE_ADD", Timeouts.ANSWER).path("d");
            assertThat(added.path("user_id").asString()).isEqualTo(world.user("bob").idString());
            assertThat(added.path("message_id").asString()).isEqualTo(poll.idString());
            assertThat(added.path("channel_id").asString()).isEqualTo(this.channel);
            assertThat(added.path("guild_id").asString()).isEqualTo(world.guild().idString());
            assertThat(added.path("answer_id").asInt()).isEqualTo(2);
            JsonNode removed = client.nextOf(0, "MESSAGE_POLL_VOTE_REMOVE", Timeouts.ANSWER).path("d");
            assertThat(removed.path("answer_id").asInt()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("without GUILD_MESSAGE_POLLS, no vote events: only the messages")
    void noVoteEventsWithoutTheirIntent() throws Exception {
        World world = this.discord.world();
        try (RawGatewayClient client = connect(MESSAGES)) {
            EmulatedMessage poll = poll();
            world.as("carol").votes(poll, 1);
            world.as("alice").says(world.channel("general"), "the end");

            JsonNode first = client.nextOf(0, null, Timeouts.ANSWER);
            assertThat(first.path("t").asString()).isEqualTo("MESSAGE_CREATE");
            assertThat(first.path("d").path("poll").path("question").path("text").asString())
                .isEqualTo("Tea or coffee?");
            JsonNode next = client.nextOf(0, null, Timeouts.ANSWER);
            assertThat(next.path("t").asString()).as("no vote without the intent").isEqualTo("MESSAGE_CREATE");
            assertThat(next.path("d").path("content").asString()).isEqualTo("the end");
        }
    }

    /** The bot sends a poll of two answers. */
    private EmulatedMessage poll() throws IOException, InterruptedException {
        HttpResponse<String> sent = send(POLL);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return this.discord.world()
            .message(Long.parseUnsignedLong(JSON.readTree(sent.body()).path("id").asString()))
            .orElseThrow();
    }

    private RawGatewayClient connect(long intents) throws Exception {
        RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false);
        client.send("{\"op\":2,\"d\":{\"token\":\"" + this.discord.token() + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
        client.nextOf(0, "READY", Timeouts.ANSWER);
        for (int i = 0; i < this.discord.world().guilds().size(); i++) {
            client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER);
        }
        return client;
    }

    private static void assertRefused(HttpResponse<String> response, String field, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(50035);
        assertThat(body.path("errors").toString()).contains("\"" + field + "\"").contains(error);
    }

    /** The poll's counts in a message: "1:0 2:1". */
    private static String counts(HttpResponse<String> message) {
        StringBuilder counts = new StringBuilder();
        JSON.readTree(message.body())
            .path("poll")
            .path("results")
            .path("answer_counts")
            .forEach((count) -> counts.append((counts.isEmpty()) ? "" : " ")
                .append(count.path("id").asInt())
                .append(':')
                .append(count.path("count").asInt()));
        return counts.toString();
    }

    private HttpResponse<String> send(String json) throws IOException, InterruptedException {
        return call("POST", "channels/" + this.channel + "/messages", json);
    }

    private HttpResponse<String> call(String method, String route, @Nullable String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(this.discord.restUrl() + route))
            .method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody())
            .header("Content-Type", "application/json")
            .header("Authorization", "Bot " + this.discord.token());
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> control(String method, String path, @Nullable String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.discord.port() + path))
            .method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody())
            .header("Content-Type", "application/json");
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

}
