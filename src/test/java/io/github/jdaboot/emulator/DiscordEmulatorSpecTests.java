package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import io.github.jdaboot.testing.spec.OpenApiSpec;
import io.github.jdaboot.testing.spec.OpenApiTrafficCheck;
import io.github.jdaboot.testing.spec.SpecViolations;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every REST response the emulator serves, for success and error statuses, and the
 * gateway payloads that carry REST objects, validated against Discord's OpenAPI spec
 * ({@link OpenApiSpec}).
 */
@DisplayName("Emulator responses against Discord's OpenAPI spec")
class DiscordEmulatorSpecTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Timeouts.ANSWER;

    private static final Pattern VARIABLE = Pattern.compile("<([a-z_0-9]+)>");

    private static final String BOUNDARY = "spec-b0undary";

    private final HttpClient http = HttpClient.newHttpClient();

    private final OpenApiSpec spec = OpenApiSpec.load();

    /**
     * Ids the rows fill in for {@code <name>} in paths and bodies, some saved from
     * earlier responses.
     */
    private final Map<String, String> variables = new HashMap<>();

    /**
     * The statuses checked against what the spec declares for a range ({@code 4XX}) or
     * for none.
     */
    private final Set<String> fallbacks = new TreeSet<>();

    private DiscordEmulator discord;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        // the table runs faster than Discord's 50 requests a second; its own 429 rows ask
        // for theirs
        this.discord.rest().globalRateLimit(10_000, Duration.ofSeconds(1));
        this.variables.put("general", this.discord.world().channel("general").idString());
        this.variables.put("random", this.discord.world().channel("random").idString());
        this.variables.put("bot_lab", this.discord.world().channel("bot-lab").idString());
        this.variables.put("thread", this.discord.world().channel("brainstorm").idString());
        this.variables.put("guild", this.discord.world().guild().idString());
        this.variables.put("alice", this.discord.world().user("alice").idString());
        this.variables.put("app", Long.toUnsignedString(this.discord.world().applicationId()));
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    /**
     * One request and the status it must get.
     *
     * @param method the HTTP method
     * @param route the operation as the spec spells it, e.g.
     * {@code /channels/{channel_id}/messages}
     * @param status the status the emulator must answer with
     * @param path the request path under {@code /api/v10/}, with {@code <name>} for ids
     * @param body the JSON body (or multipart when {@code multipart}), with
     * {@code <name>} for ids
     * @param token whether to send the bot token
     * @param before what to do first, such as injecting a fault
     * @param save the name under which to keep the response's {@code id}
     */
    private record Row(String method, String route, int status, String path, @Nullable String body, boolean token,
            boolean multipart, @Nullable Action before, @Nullable String save) {

        Row body(String json) {
            return new Row(this.method, this.route, this.status, this.path, json, this.token, false, this.before,
                    this.save);
        }

        Row multipart(String payloadJson, String filename, String text) {
            String parts = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + payloadJson + "\r\n--" + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + BOUNDARY + "--\r\n";
            return new Row(this.method, this.route, this.status, this.path, parts, this.token, true, this.before,
                    this.save);
        }

        Row withoutToken() {
            return new Row(this.method, this.route, this.status, this.path, this.body, false, this.multipart,
                    this.before, this.save);
        }

        Row before(Action action) {
            return new Row(this.method, this.route, this.status, this.path, this.body, this.token, this.multipart,
                    action, this.save);
        }

        Row save(String name) {
            return new Row(this.method, this.route, this.status, this.path, this.body, this.token, this.multipart,
                    this.before, name);
        }

        String operation() {
            return this.method + " " + this.route;
        }

        @Override
        public String toString() {
            return operation() + " -> " + this.status + (this.token ? "" : " (no token)");
        }
    }

    @FunctionalInterface
    private interface Action {

        void run() throws Exception;

    }

    /** A PNG of one pixel, as a data URI. */
    private static final String PNG = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4f4bhPwAHZALLB0SopwAAAABJRU5ErkJggg==";

    private static Row row(String method, String route, int status, String path) {
        return new Row(method, route, status, path, null, true, false, null, null);
    }

    /**
     * The table: every route the emulator serves, with its success and error statuses.
     */
    private List<Row> rows() {
        String tooLong = "{\"content\":\"" + "x".repeat(2001) + "\"}";
        String ping = "{\"name\":\"ping\",\"description\":\"Ping the bot\",\"options\":[{\"type\":3,\"name\":\"text\","
                + "\"description\":\"What to echo\",\"required\":false,\"autocomplete\":true,"
                + "\"name_localizations\":{\"de\":\"text\"},\"description_localizations\":{\"de\":\"Was\"}}]}";
        String manyUserCommands = Stream.iterate(0, (i) -> i + 1)
            .limit(16)
            .map((i) -> "{\"type\":2,\"name\":\"User " + i + "\"}")
            .reduce((a, b) -> a + "," + b)
            .map((all) -> "[" + all + "]")
            .orElseThrow();
        String choices = "{\"type\":8,\"data\":{\"choices\":[" + String.join(",",
                Stream.iterate(0, (i) -> i + 1)
                    .limit(26)
                    .map((i) -> "{\"name\":\"C" + i + "\",\"value\":\"c" + i + "\"}")
                    .toList())
                + "]}}";
        String sixButtons = "[{\"type\":1,\"components\":[" + String.join(",",
                Stream.of("a", "b", "c", "d", "e", "f")
                    .map((id) -> "{\"type\":2,\"style\":1,\"label\":\"B\",\"custom_id\":\"" + id + "\"}")
                    .toList())
                + "]}]";
        String sameIds = "[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"A\",\"custom_id\":\"a\"},"
                + "{\"type\":2,\"style\":2,\"label\":\"B\",\"custom_id\":\"a\"}]}]";
        String modal = "{\"type\":9,\"data\":{\"custom_id\":\"m\",\"title\":\"Tell me\",\"components\":[{\"type\":18,"
                + "\"label\":\"Idea\",\"component\":{\"type\":4,\"custom_id\":\"idea\",\"style\":1}}]}}";
        String manyCommands = Stream.generate(() -> "{\"name\":\"c\",\"description\":\"d\"}")
            .limit(101)
            .reduce((a, b) -> a + "," + b)
            .map((all) -> "[" + all + "]")
            .orElseThrow();
        return List.of(
                // users, gateway, application
                row("GET", "/users/@me", 200, "users/@me"), row("GET", "/users/@me", 401, "users/@me").withoutToken(),
                row("GET", "/users/{user_id}", 200, "users/<alice>"), row("GET", "/users/{user_id}", 404, "users/1"),
                row("GET", "/gateway", 200, "gateway").withoutToken(), row("GET", "/gateway/bot", 200, "gateway/bot"),
                row("GET", "/gateway/bot", 401, "gateway/bot").withoutToken(),
                row("GET", "/oauth2/applications/@me", 200, "oauth2/applications/@me"),
                row("GET", "/applications/@me", 200, "applications/@me"),
                row("GET", "/applications/@me", 401, "applications/@me").withoutToken(),
                row("POST", "/users/@me/channels", 200, "users/@me/channels").body("{\"recipient_id\":\"<alice>\"}")
                    .save("dm"),
                row("POST", "/users/@me/channels", 404, "users/@me/channels").body("{\"recipient_id\":\"1\"}"),
                row("POST", "/users/@me/channels", 400, "users/@me/channels").body("{not json"),
                // guilds
                row("GET", "/guilds/{guild_id}", 200, "guilds/<guild>"),
                row("GET", "/guilds/{guild_id}", 404, "guilds/1"),
                row("GET", "/guilds/{guild_id}", 401, "guilds/<guild>").withoutToken(),
                row("GET", "/guilds/{guild_id}/channels", 200, "guilds/<guild>/channels"),
                row("GET", "/guilds/{guild_id}/channels", 404, "guilds/1/channels"),
                row("GET", "/guilds/{guild_id}/roles", 200, "guilds/<guild>/roles"),
                row("GET", "/guilds/{guild_id}/roles", 404, "guilds/1/roles"),
                row("GET", "/guilds/{guild_id}/members/{user_id}", 200, "guilds/<guild>/members/<alice>"),
                row("GET", "/guilds/{guild_id}/members/{user_id}", 404, "guilds/<guild>/members/1"),
                row("GET", "/guilds/{guild_id}/members/{user_id}", 404, "guilds/1/members/<alice>"),
                // channels
                row("GET", "/channels/{channel_id}", 200, "channels/<general>"),
                row("GET", "/channels/{channel_id}", 200, "channels/<thread>"),
                row("GET", "/channels/{channel_id}", 200, "channels/<dm>"),
                row("GET", "/channels/{channel_id}", 404, "channels/1"),
                row("GET", "/channels/{channel_id}", 401, "channels/<general>").withoutToken(),
                row("POST", "/channels/{channel_id}/typing", 204, "channels/<general>/typing"),
                row("POST", "/channels/{channel_id}/typing", 404, "channels/1/typing"),
                // messages
                row("POST", "/channels/{channel_id}/messages", 200, "channels/<general>/messages")
                    .body("{\"content\":\"hello <@<alice>>\",\"nonce\":\"42\"}")
                    .save("message"),
                row("POST", "/channels/{channel_id}/messages", 200, "channels/<general>/messages")
                    .body("{\"content\":\"a reply\",\"message_reference\":{\"message_id\":\"<message>\"},"
                            + "\"embeds\":[{\"title\":\"An embed\",\"description\":\"with text\"}],"
                            + "\"components\":[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"Go\","
                            + "\"custom_id\":\"go\"}]}]}")
                    .save("menu"),
                row("POST", "/channels/{channel_id}/messages", 200, "channels/<thread>/messages")
                    .multipart("{\"content\":\"see file\",\"attachments\":[{\"id\":0}]}", "notes.txt", "file body"),
                row("POST", "/channels/{channel_id}/messages", 200, "channels/<dm>/messages")
                    .body("{\"content\":\"hi in private\"}"),
                row("POST", "/channels/{channel_id}/messages", 400, "channels/<random>/messages").body(tooLong),
                row("POST", "/channels/{channel_id}/messages", 400, "channels/<random>/messages")
                    .body("{\"content\":\"\"}"),
                row("POST", "/channels/{channel_id}/messages", 400, "channels/<random>/messages")
                    .body("{\"content\":\"x\",\"components\":" + sixButtons + "}"),
                row("POST", "/channels/{channel_id}/messages", 400, "channels/<random>/messages")
                    .body("{\"content\":\"x\",\"message_reference\":{\"message_id\":\"1\"}}"),
                row("POST", "/channels/{channel_id}/messages", 404, "channels/1/messages").body("{\"content\":\"x\"}"),
                row("POST", "/channels/{channel_id}/messages", 401, "channels/<random>/messages")
                    .body("{\"content\":\"x\"}")
                    .withoutToken(),
                row("POST", "/channels/{channel_id}/messages", 429, "channels/<random>/messages")
                    .body("{\"content\":\"x\"}")
                    .before(() -> this.discord.rest()
                        .rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(1500), "shared")),
                row("POST", "/channels/{channel_id}/messages", 429, "channels/<random>/messages")
                    .body("{\"content\":\"x\"}")
                    .before(() -> this.discord.rest()
                        .rateLimitNext("POST /channels/{channel_id}/messages", 1, Duration.ofMillis(250), "global")),
                row("POST", "/channels/{channel_id}/messages", 429, "channels/<bot_lab>/messages")
                    .body("{\"content\":\"the sixth in 5 s\"}")
                    .before(() -> {
                        for (int i = 0; i < 5; i++) {
                            assertThat(send("POST", "channels/<bot_lab>/messages", "{\"content\":\"" + i + "\"}", true,
                                    false)
                                .statusCode()).isEqualTo(200);
                        }
                    }),
                row("POST", "/channels/{channel_id}/messages", 502, "channels/<random>/messages")
                    .body("{\"content\":\"x\"}")
                    .before(() -> this.discord.rest().failNext("POST /channels/{channel_id}/messages", 1, 502)),
                row("GET", "/channels/{channel_id}/messages", 200, "channels/<general>/messages?limit=10"),
                row("GET", "/channels/{channel_id}/messages", 404, "channels/1/messages"),
                row("GET", "/channels/{channel_id}/messages/{message_id}", 200,
                        "channels/<general>/messages/<message>"),
                row("GET", "/channels/{channel_id}/messages/{message_id}", 404, "channels/<general>/messages/1"),
                row("GET", "/channels/{channel_id}/messages/{message_id}", 404, "channels/<general>/messages/x"),
                row("PATCH", "/channels/{channel_id}/messages/{message_id}", 200,
                        "channels/<general>/messages/<message>")
                    .body("{\"content\":\"edited\"}"),
                row("PATCH", "/channels/{channel_id}/messages/{message_id}", 400,
                        "channels/<general>/messages/<message>")
                    .body(tooLong),
                row("PATCH", "/channels/{channel_id}/messages/{message_id}", 400,
                        "channels/<general>/messages/<message>")
                    .body("{\"components\":" + sameIds + "}"),
                row("PATCH", "/channels/{channel_id}/messages/{message_id}", 403,
                        "channels/<general>/messages/<alice_message>")
                    .body("{\"content\":\"not mine\"}")
                    .before(() -> this.variables.put("alice_message",
                            this.discord.world()
                                .as("alice")
                                .says(this.discord.world().channel("general"), "mine")
                                .idString())),
                row("PATCH", "/channels/{channel_id}/messages/{message_id}", 404, "channels/<general>/messages/1")
                    .body("{\"content\":\"x\"}"),
                row("DELETE", "/channels/{channel_id}/messages/{message_id}", 204,
                        "channels/<general>/messages/<message>"),
                row("DELETE", "/channels/{channel_id}/messages/{message_id}", 404,
                        "channels/<general>/messages/<message>"),
                // layouts (Components V2) and polls
                row("POST", "/channels/{channel_id}/messages", 200, "channels/<general>/messages")
                    .body("{\"flags\":32768,\"components\":[{\"type\":17,\"accent_color\":255,\"components\":["
                            + "{\"type\":9,\"components\":[{\"type\":10,\"content\":\"## A card\"}],"
                            + "\"accessory\":{\"type\":2,\"style\":1,\"label\":\"Go\",\"custom_id\":\"go\"}},"
                            + "{\"type\":14,\"spacing\":2},{\"type\":12,\"items\":[{\"media\":{\"url\":"
                            + "\"https://example.com/a.png\"}}]}]}]}"),
                row("POST", "/channels/{channel_id}/messages", 400, "channels/<thread>/messages")
                    .body("{\"flags\":32768,\"content\":\"text\",\"components\":[{\"type\":10,\"content\":\"x\"}]}"),
                row("POST", "/channels/{channel_id}/messages", 200, "channels/<general>/messages")
                    .body("{\"poll\":{\"question\":{\"text\":\"Tea?\"},\"answers\":[{\"poll_media\":{\"text\":"
                            + "\"Yes\",\"emoji\":{\"name\":\"\u2615\"}}},{\"poll_media\":{\"text\":\"No\"}}],"
                            + "\"duration\":1,\"allow_multiselect\":true}}")
                    .save("poll"),
                row("GET", "/channels/{channel_id}/polls/{message_id}/answers/{answer_id}", 200,
                        "channels/<general>/polls/<poll>/answers/1")
                    .before(() -> this.discord.world()
                        .as("alice")
                        .votes(this.discord.world()
                            .message(Long.parseUnsignedLong(this.variables.get("poll")))
                            .orElseThrow(), 1, 2)),
                row("GET", "/channels/{channel_id}/polls/{message_id}/answers/{answer_id}", 404,
                        "channels/<general>/polls/1/answers/1"),
                row("POST", "/channels/{channel_id}/polls/{message_id}/expire", 200,
                        "channels/<general>/polls/<poll>/expire"),
                row("POST", "/channels/{channel_id}/polls/{message_id}/expire", 400,
                        "channels/<general>/polls/<poll>/expire"),
                row("POST", "/channels/{channel_id}/polls/{message_id}/expire", 404,
                        "channels/<general>/polls/1/expire"),
                // application commands
                row("POST", "/applications/{application_id}/commands", 201, "applications/<app>/commands").body(ping),
                row("POST", "/applications/{application_id}/commands", 200, "applications/<app>/commands").body(ping),
                row("POST", "/applications/{application_id}/commands", 400, "applications/<app>/commands")
                    .body("{\"name\":\"Not Valid\",\"description\":\"x\"}"),
                row("POST", "/applications/{application_id}/commands", 400, "applications/<app>/commands")
                    .body("{\"name\":\"c\",\"description\":\"x\",\"name_localizations\":{\"german\":\"k\"}}"),
                row("POST", "/applications/{application_id}/commands", 400, "applications/<app>/commands")
                    .body("{\"type\":2,\"name\":\"Info\",\"description\":\"Users have none\"}"),
                row("POST", "/applications/{application_id}/commands", 201, "applications/<app>/commands")
                    .body("{\"type\":3,\"name\":\"Quote This\",\"name_localizations\":{\"fr\":\"Citer\"}}"),
                row("POST", "/applications/{application_id}/commands", 404, "applications/1/commands").body(ping),
                row("GET", "/applications/{application_id}/commands", 200, "applications/<app>/commands"),
                row("GET", "/applications/{application_id}/commands", 200,
                        "applications/<app>/commands?with_localizations=true"),
                row("GET", "/applications/{application_id}/commands", 404, "applications/1/commands"),
                row("PUT", "/applications/{application_id}/commands", 200, "applications/<app>/commands")
                    .body("[" + ping + "]"),
                row("PUT", "/applications/{application_id}/commands", 400, "applications/<app>/commands").body("{}"),
                row("PUT", "/applications/{application_id}/commands", 400, "applications/<app>/commands")
                    .body(manyCommands),
                row("PUT", "/applications/{application_id}/commands", 400, "applications/<app>/commands")
                    .body(manyUserCommands),
                row("GET", "/applications/{application_id}/guilds/{guild_id}/commands", 200,
                        "applications/<app>/guilds/<guild>/commands"),
                row("GET", "/applications/{application_id}/guilds/{guild_id}/commands", 403,
                        "applications/<app>/guilds/1/commands"),
                row("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", 200,
                        "applications/<app>/guilds/<guild>/commands")
                    .body("[{\"name\":\"guild-only\",\"description\":\"Here only\"},{\"type\":2,\"name\":\"Get Info\","
                            + "\"name_localizations\":{\"de\":\"Infos\"},\"options\":[]}]"),
                row("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", 403,
                        "applications/<app>/guilds/1/commands")
                    .body("[]"),
                row("POST", "/applications/{application_id}/guilds/{guild_id}/commands", 201,
                        "applications/<app>/guilds/<guild>/commands")
                    .body("{\"name\":\"another\",\"description\":\"Here too\"}"),
                row("POST", "/applications/{application_id}/guilds/{guild_id}/commands", 200,
                        "applications/<app>/guilds/<guild>/commands")
                    .body("{\"name\":\"another\",\"description\":\"Here too, changed\"}"),
                row("POST", "/applications/{application_id}/guilds/{guild_id}/commands", 400,
                        "applications/<app>/guilds/<guild>/commands")
                    .body("{\"name\":\"x\",\"description\":\"\"}"),
                // application emojis
                row("GET", "/applications/{application_id}/emojis", 200, "applications/<app>/emojis"),
                row("GET", "/applications/{application_id}/emojis", 404, "applications/1/emojis"),
                row("POST", "/applications/{application_id}/emojis", 201, "applications/<app>/emojis")
                    .body("{\"name\":\"bulb\",\"image\":\"" + PNG + "\"}")
                    .save("emoji"),
                row("POST", "/applications/{application_id}/emojis", 400, "applications/<app>/emojis")
                    .body("{\"name\":\"bulb\",\"image\":\"" + PNG + "\"}"),
                row("POST", "/applications/{application_id}/emojis", 400, "applications/<app>/emojis")
                    .body("{\"name\":\"light-bulb\",\"image\":\"" + PNG + "\"}"),
                row("POST", "/applications/{application_id}/emojis", 400, "applications/<app>/emojis")
                    .body("{\"name\":\"fake\",\"image\":\"data:image/gif;base64,aGVsbG8=\"}"),
                row("POST", "/applications/{application_id}/emojis", 404, "applications/1/emojis")
                    .body("{\"name\":\"bulb\",\"image\":\"" + PNG + "\"}"),
                row("GET", "/applications/{application_id}/emojis", 200, "applications/<app>/emojis"),
                row("GET", "/applications/{application_id}/emojis/{emoji_id}", 200,
                        "applications/<app>/emojis/<emoji>"),
                row("GET", "/applications/{application_id}/emojis/{emoji_id}", 404, "applications/<app>/emojis/1"),
                row("PATCH", "/applications/{application_id}/emojis/{emoji_id}", 200,
                        "applications/<app>/emojis/<emoji>")
                    .body("{\"name\":\"lamp\"}"),
                row("PATCH", "/applications/{application_id}/emojis/{emoji_id}", 400,
                        "applications/<app>/emojis/<emoji>")
                    .body("{\"name\":\"x\"}"),
                row("DELETE", "/applications/{application_id}/emojis/{emoji_id}", 204,
                        "applications/<app>/emojis/<emoji>"),
                row("DELETE", "/applications/{application_id}/emojis/{emoji_id}", 404,
                        "applications/<app>/emojis/<emoji>"),
                // interactions: the callback, then the webhook for follow-ups and the
                // original response
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 204,
                        "interactions/<first_id>/<first_token>/callback")
                    .body("{\"type\":4,\"data\":{\"content\":\"pong\"}}")
                    .withoutToken()
                    .before(() -> interaction("first")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<first_id>/<first_token>/callback")
                    .body("{\"type\":4,\"data\":{\"content\":\"again\"}}")
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<second_id>/<second_token>/callback?with_response=true")
                    .body("{\"type\":4,\"data\":{\"content\":\"pong\",\"flags\":64}}")
                    .withoutToken()
                    .before(() -> interaction("second")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<third_id>/<third_token>/callback?with_response=true")
                    .body("{\"type\":5}")
                    .withoutToken()
                    .before(() -> interaction("third")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<fourth_id>/<fourth_token>/callback")
                    .body("{\"type\":9}")
                    .withoutToken()
                    .before(() -> interaction("fourth")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<fourth_id>/<fourth_token>/callback")
                    .body("{\"type\":7,\"data\":{\"content\":\"not for a command\"}}")
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<fourth_id>/<fourth_token>/callback")
                    .body(modal.replace("Tell me", "x".repeat(46)))
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 204,
                        "interactions/<fourth_id>/<fourth_token>/callback")
                    .body(modal)
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<submit_id>/<submit_token>/callback")
                    .body(modal)
                    .withoutToken()
                    .before(() -> submit("submit", "fourth")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<submit_id>/<submit_token>/callback?with_response=true")
                    .body("{\"type\":4,\"data\":{\"content\":\"thanks\"}}")
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<click_id>/<click_token>/callback")
                    .body("{\"type\":4,\"data\":{\"content\":\"x\",\"components\":" + sixButtons + "}}")
                    .withoutToken()
                    .before(() -> click("click")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<click_id>/<click_token>/callback?with_response=true")
                    .body("{\"type\":7,\"data\":{\"content\":\"updated\"}}")
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<deferred_click_id>/<deferred_click_token>/callback?with_response=true")
                    .body("{\"type\":6}")
                    .withoutToken()
                    .before(() -> click("deferred_click")),
                row("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 200,
                        "webhooks/<app>/<deferred_click_token>/messages/@original")
                    .body("{\"content\":\"updated later\"}")
                    .withoutToken(),
                row("POST", "/webhooks/{webhook_id}/{webhook_token}", 200, "webhooks/<app>/<deferred_click_token>")
                    .body("{\"content\":\"a follow-up to a click\"}")
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 204,
                        "interactions/<modal_click_id>/<modal_click_token>/callback")
                    .body(modal)
                    .withoutToken()
                    .before(() -> click("modal_click")),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<typing_id>/<typing_token>/callback")
                    .body("{\"type\":4,\"data\":{\"content\":\"not for an autocomplete\"}}")
                    .withoutToken()
                    .before(() -> remember("typing",
                            this.discord.world().as("alice").autocompletes(SlashCommand.of("ping"), "text", "po"))),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 400,
                        "interactions/<typing_id>/<typing_token>/callback")
                    .body(choices)
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<typing_id>/<typing_token>/callback?with_response=true")
                    .body("{\"type\":8,\"data\":{\"choices\":[{\"name\":\"pong\",\"value\":\"pong\","
                            + "\"name_localizations\":{}}]}}")
                    .withoutToken(),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 200,
                        "interactions/<user_command_id>/<user_command_token>/callback?with_response=true")
                    .body("{\"type\":4,\"data\":{\"content\":\"about bob\"}}")
                    .withoutToken()
                    .before(() -> remember("user_command",
                            this.discord.world()
                                .as("alice")
                                .runsUserCommand("Get Info", this.discord.world().user("bob")))),
                row("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 404,
                        "interactions/1/unknown/callback")
                    .body("{\"type\":4,\"data\":{\"content\":\"x\"}}")
                    .withoutToken(),
                row("POST", "/webhooks/{webhook_id}/{webhook_token}", 200, "webhooks/<app>/<third_token>")
                    .body("{\"content\":\"done thinking\"}")
                    .withoutToken(),
                row("POST", "/webhooks/{webhook_id}/{webhook_token}", 200, "webhooks/<app>/<first_token>")
                    .body("{\"content\":\"a follow-up\"}")
                    .withoutToken()
                    .save("follow_up"),
                row("POST", "/webhooks/{webhook_id}/{webhook_token}", 404, "webhooks/<app>/unknown")
                    .body("{\"content\":\"x\"}")
                    .withoutToken(),
                row("POST", "/webhooks/{webhook_id}/{webhook_token}", 400, "webhooks/<app>/<first_token>").body(tooLong)
                    .withoutToken(),
                row("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 200,
                        "webhooks/<app>/<first_token>/messages/@original")
                    .withoutToken(),
                row("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 404,
                        "webhooks/<app>/unknown/messages/@original")
                    .withoutToken(),
                row("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 200,
                        "webhooks/<app>/<first_token>/messages/<follow_up>")
                    .withoutToken(),
                row("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 404,
                        "webhooks/<app>/<first_token>/messages/1")
                    .withoutToken(),
                row("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 200,
                        "webhooks/<app>/<first_token>/messages/@original")
                    .body("{\"content\":\"pong, edited\"}")
                    .withoutToken(),
                row("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 400,
                        "webhooks/<app>/<first_token>/messages/@original")
                    .body(tooLong)
                    .withoutToken(),
                row("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 200,
                        "webhooks/<app>/<first_token>/messages/<follow_up>")
                    .body("{\"content\":\"edited\"}")
                    .withoutToken(),
                row("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 404,
                        "webhooks/<app>/<first_token>/messages/1")
                    .body("{\"content\":\"x\"}")
                    .withoutToken(),
                row("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 204,
                        "webhooks/<app>/<first_token>/messages/<follow_up>")
                    .withoutToken(),
                row("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", 404,
                        "webhooks/<app>/<first_token>/messages/<follow_up>")
                    .withoutToken(),
                row("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 204,
                        "webhooks/<app>/<first_token>/messages/@original")
                    .withoutToken(),
                row("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", 404,
                        "webhooks/<app>/<first_token>/messages/@original")
                    .withoutToken(),
                // operations of the spec the emulator does not serve: Discord's 404, also
                // on a path it serves for another method
                row("GET", "/guilds/{guild_id}/invites", 404, "guilds/<guild>/invites"),
                row("PATCH", "/users/@me", 404, "users/@me").body("{\"username\":\"x\"}"),
                row("PATCH", "/guilds/{guild_id}", 404, "guilds/<guild>").body("{\"name\":\"x\"}"));
    }

    /**
     * The rows of messages' bulk deletes, crossposts and pins, reactions, commands one by
     * one, channels, roles, members and bans: refused first for want of permissions, then
     * with the bot an administrator at the top of the roles.
     */
    private List<Row> objectRows() {
        String reactions = "channels/<general>/messages/<menu>/reactions";
        String reactionRoute = "/channels/{channel_id}/messages/{message_id}/reactions";
        String thumbs = "%F0%9F%91%8D";
        return List.of(
                // without the permissions
                row("POST", "/channels/{channel_id}/messages/bulk-delete", 403,
                        "channels/<general>/messages/bulk-delete")
                    .body("{\"messages\":[\"1\",\"2\"]}")
                    .before(() -> {
                        World world = this.discord.world();
                        this.variables.put("bob", world.user("bob").idString());
                        this.variables.put("carol", world.user("carol").idString());
                        this.variables.put("mallory", world.user("mallory").idString());
                        this.variables.put("fans", world.guild().role("Idea Fans").idString());
                        this.variables.put("command", Long.toUnsignedString(world.commands(0).getFirst().id()));
                        this.variables.put("guild_command",
                                Long.toUnsignedString(world.commands(world.guild().id()).getFirst().id()));
                    }),
                row("PUT", "/channels/{channel_id}/messages/pins/{message_id}", 403,
                        "channels/<general>/messages/pins/<menu>"),
                row("PUT", reactionRoute + "/{emoji_name}/@me", 204, reactions + "/" + thumbs + "/@me"),
                row("PUT", reactionRoute + "/{emoji_name}/@me", 400, reactions + "/not-an-emoji/@me"),
                row("DELETE", reactionRoute + "/{emoji_name}/{user_id}", 403, reactions + "/" + thumbs + "/<alice>"),
                row("DELETE", reactionRoute + "/{emoji_name}", 403, reactions + "/" + thumbs),
                row("DELETE", reactionRoute, 403, reactions),
                row("PATCH", "/channels/{channel_id}", 403, "channels/<random>").body("{\"name\":\"x\"}"),
                row("DELETE", "/channels/{channel_id}", 403, "channels/<random>"),
                row("PUT", "/channels/{channel_id}/permissions/{overwrite_id}", 403,
                        "channels/<random>/permissions/<guild>")
                    .body("{\"type\":0,\"allow\":\"0\",\"deny\":\"0\"}"),
                row("POST", "/guilds/{guild_id}/channels", 403, "guilds/<guild>/channels").body("{\"name\":\"x\"}"),
                row("PATCH", "/guilds/{guild_id}/channels", 403, "guilds/<guild>/channels").body("[]"),
                row("POST", "/guilds/{guild_id}/roles", 403, "guilds/<guild>/roles").body("{\"name\":\"x\"}"),
                row("PATCH", "/guilds/{guild_id}/members/{user_id}", 403, "guilds/<guild>/members/<bob>")
                    .body("{\"nick\":\"B\"}"),
                row("DELETE", "/guilds/{guild_id}/members/{user_id}", 403, "guilds/<guild>/members/<bob>"),
                row("GET", "/guilds/{guild_id}/bans", 403, "guilds/<guild>/bans"),
                row("PUT", "/guilds/{guild_id}/bans/{user_id}", 403, "guilds/<guild>/bans/<mallory>").body("{}"),
                // messages, with the bot an administrator
                row("GET", reactionRoute + "/{emoji_name}", 200, reactions + "/" + thumbs + "?limit=10").before(() -> {
                    World world = this.discord.world();
                    world.grantRole(world.guild(), world.bot(),
                            world.addRole(world.guild(), "Admin", Permissions.ALL, false));
                    world.as("alice").reacts(world.message(id("menu")).orElseThrow(), "👍");
                }), row("GET", reactionRoute + "/{emoji_name}", 400, reactions + "/not-an-emoji"),
                row("DELETE", reactionRoute + "/{emoji_name}/@me", 204, reactions + "/" + thumbs + "/@me"),
                row("DELETE", reactionRoute + "/{emoji_name}/{user_id}", 204, reactions + "/" + thumbs + "/<alice>"),
                row("DELETE", reactionRoute + "/{emoji_name}/{user_id}", 404, reactions + "/" + thumbs + "/1"),
                row("DELETE", reactionRoute + "/{emoji_name}", 204, reactions + "/" + thumbs),
                row("DELETE", reactionRoute, 204, reactions),
                row("DELETE", reactionRoute, 404, "channels/<general>/messages/1/reactions"),
                row("PUT", "/channels/{channel_id}/messages/pins/{message_id}", 204,
                        "channels/<general>/messages/pins/<menu>"),
                row("PUT", "/channels/{channel_id}/messages/pins/{message_id}", 404,
                        "channels/<general>/messages/pins/1"),
                row("GET", "/channels/{channel_id}/messages/pins", 200, "channels/<general>/messages/pins?limit=10"),
                row("GET", "/channels/{channel_id}/messages/pins", 400,
                        "channels/<general>/messages/pins?before=yesterday"),
                row("DELETE", "/channels/{channel_id}/messages/pins/{message_id}", 204,
                        "channels/<general>/messages/pins/<menu>"),
                row("POST", "/channels/{channel_id}/messages/bulk-delete", 204,
                        "channels/<bot_lab>/messages/bulk-delete")
                    .body("{\"messages\":[\"<doomed_1>\",\"<doomed_2>\"]}")
                    .before(() -> {
                        World world = this.discord.world();
                        for (String name : List.of("doomed_1", "doomed_2")) {
                            this.variables.put(name, world.as("bob").says(world.channel("bot-lab"), name).idString());
                        }
                    }),
                row("POST", "/channels/{channel_id}/messages/bulk-delete", 400,
                        "channels/<bot_lab>/messages/bulk-delete")
                    .body("{\"messages\":[\"1\"]}"),
                row("POST", "/channels/{channel_id}/messages/{message_id}/crosspost", 400,
                        "channels/<general>/messages/<menu>/crosspost"),
                // channels
                row("POST", "/guilds/{guild_id}/channels", 201, "guilds/<guild>/channels")
                    .body("{\"name\":\"News Room\",\"type\":5,\"topic\":\"What is new\"}")
                    .save("news"),
                row("POST", "/guilds/{guild_id}/channels", 400, "guilds/<guild>/channels").body("{\"name\":\"\"}"),
                row("POST", "/guilds/{guild_id}/channels", 400, "guilds/<guild>/channels")
                    .body("{\"name\":\"a forum\",\"type\":15}"),
                row("POST", "/channels/{channel_id}/messages/{message_id}/crosspost", 200,
                        "channels/<news>/messages/<news_message>/crosspost")
                    .before(() -> this.variables
                        .put("news_message",
                                JSON.readTree(send("POST", "channels/<news>/messages", "{\"content\":\"out now\"}",
                                        true, false)
                                    .body()).path("id").asString())),
                row("POST", "/channels/{channel_id}/messages/{message_id}/crosspost", 400,
                        "channels/<news>/messages/<news_message>/crosspost"),
                row("PATCH", "/channels/{channel_id}", 200, "channels/<news>")
                    .body("{\"name\":\"Press Room\",\"topic\":\"All the news\",\"rate_limit_per_user\":5}"),
                row("PATCH", "/channels/{channel_id}", 400, "channels/<news>").body("{\"rate_limit_per_user\":100000}"),
                row("PATCH", "/channels/{channel_id}", 200, "channels/<thread>").body("{\"name\":\"brainstorming\"}"),
                row("PATCH", "/guilds/{guild_id}/channels", 204, "guilds/<guild>/channels")
                    .body("[{\"id\":\"<news>\",\"position\":0}]"),
                row("PATCH", "/guilds/{guild_id}/channels", 400, "guilds/<guild>/channels")
                    .body("[{\"id\":\"1\",\"position\":0}]"),
                row("PUT", "/channels/{channel_id}/permissions/{overwrite_id}", 204,
                        "channels/<news>/permissions/<guild>")
                    .body("{\"type\":0,\"allow\":\"1024\",\"deny\":\"2048\"}"),
                row("PUT", "/channels/{channel_id}/permissions/{overwrite_id}", 400,
                        "channels/<news>/permissions/<guild>")
                    .body("{\"type\":7}"),
                row("GET", "/channels/{channel_id}", 200, "channels/<news>"),
                row("DELETE", "/channels/{channel_id}/permissions/{overwrite_id}", 204,
                        "channels/<news>/permissions/<guild>"),
                row("DELETE", "/channels/{channel_id}", 200, "channels/<news>"),
                row("DELETE", "/channels/{channel_id}", 404, "channels/<news>"),
                // roles
                row("POST", "/guilds/{guild_id}/roles", 200, "guilds/<guild>/roles")
                    .body("{\"name\":\"Helpers\",\"permissions\":\"1024\",\"colors\":{\"primary_color\":255},"
                            + "\"hoist\":true}")
                    .save("role"),
                row("POST", "/guilds/{guild_id}/roles", 400, "guilds/<guild>/roles")
                    .body("{\"name\":\"" + "x".repeat(101) + "\"}"),
                row("GET", "/guilds/{guild_id}/roles/{role_id}", 200, "guilds/<guild>/roles/<role>"),
                row("GET", "/guilds/{guild_id}/roles/{role_id}", 404, "guilds/<guild>/roles/1"),
                row("PATCH", "/guilds/{guild_id}/roles/{role_id}", 200, "guilds/<guild>/roles/<role>")
                    .body("{\"name\":\"Helpers Team\",\"mentionable\":true}"),
                row("PATCH", "/guilds/{guild_id}/roles", 200, "guilds/<guild>/roles")
                    .body("[{\"id\":\"<role>\",\"position\":2}]"),
                row("PATCH", "/guilds/{guild_id}/roles", 400, "guilds/<guild>/roles").body("{}"),
                row("GET", "/guilds/{guild_id}/roles/member-counts", 200, "guilds/<guild>/roles/member-counts"),
                // members
                row("PATCH", "/guilds/{guild_id}/members/{user_id}", 200, "guilds/<guild>/members/<bob>")
                    .body("{\"nick\":\"Bobby\",\"roles\":[\"<role>\",\"<fans>\"],"
                            + "\"communication_disabled_until\":null}"),
                row("PATCH", "/guilds/{guild_id}/members/{user_id}", 400, "guilds/<guild>/members/<bob>")
                    .body("{\"mute\":true}"),
                row("PATCH", "/guilds/{guild_id}/members/{user_id}", 403, "guilds/<guild>/members/<alice>")
                    .body("{\"nick\":\"the owner\"}"),
                row("PATCH", "/guilds/{guild_id}/members/@me", 200, "guilds/<guild>/members/@me")
                    .body("{\"nick\":\"Idea Machine\"}"),
                row("PUT", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", 204,
                        "guilds/<guild>/members/<carol>/roles/<role>"),
                row("PUT", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", 404,
                        "guilds/<guild>/members/<carol>/roles/1"),
                row("DELETE", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", 204,
                        "guilds/<guild>/members/<carol>/roles/<role>"),
                row("DELETE", "/guilds/{guild_id}/roles/{role_id}", 204, "guilds/<guild>/roles/<role>"),
                row("DELETE", "/guilds/{guild_id}/roles/{role_id}", 404, "guilds/<guild>/roles/<role>"),
                row("DELETE", "/guilds/{guild_id}/roles/{role_id}", 400, "guilds/<guild>/roles/<guild>"),
                row("DELETE", "/guilds/{guild_id}/members/{user_id}", 204, "guilds/<guild>/members/<carol>"),
                row("DELETE", "/guilds/{guild_id}/members/{user_id}", 404, "guilds/<guild>/members/<carol>"),
                row("PUT", "/guilds/{guild_id}/members/{user_id}", 201, "guilds/<guild>/members/<carol>")
                    .body("{\"access_token\":\"token\"}"),
                row("PUT", "/guilds/{guild_id}/members/{user_id}", 204, "guilds/<guild>/members/<carol>")
                    .body("{\"access_token\":\"token\"}"),
                row("PUT", "/guilds/{guild_id}/members/{user_id}", 400, "guilds/<guild>/members/<carol>").body("{}"),
                // bans
                row("PUT", "/guilds/{guild_id}/bans/{user_id}", 204, "guilds/<guild>/bans/<mallory>")
                    .body("{\"delete_message_seconds\":3600}"),
                row("PUT", "/guilds/{guild_id}/bans/{user_id}", 400, "guilds/<guild>/bans/<mallory>")
                    .body("{\"delete_message_seconds\":9999999}"),
                row("GET", "/guilds/{guild_id}/bans", 200, "guilds/<guild>/bans?limit=10"),
                row("GET", "/guilds/{guild_id}/bans/{user_id}", 200, "guilds/<guild>/bans/<mallory>"),
                row("GET", "/guilds/{guild_id}/bans/{user_id}", 404, "guilds/<guild>/bans/<bob>"),
                row("DELETE", "/guilds/{guild_id}/bans/{user_id}", 204, "guilds/<guild>/bans/<mallory>"),
                row("DELETE", "/guilds/{guild_id}/bans/{user_id}", 404, "guilds/<guild>/bans/<mallory>"),
                row("POST", "/guilds/{guild_id}/bulk-ban", 200, "guilds/<guild>/bulk-ban")
                    .body("{\"user_ids\":[\"<mallory>\",\"1\"]}"),
                row("POST", "/guilds/{guild_id}/bulk-ban", 400, "guilds/<guild>/bulk-ban").body("{\"user_ids\":[]}"),
                row("POST", "/guilds/{guild_id}/bulk-ban", 403, "guilds/<guild>/bulk-ban")
                    .body("{\"user_ids\":[\"<alice>\"]}"),
                // application commands one by one
                row("GET", "/applications/{application_id}/commands/{command_id}", 200,
                        "applications/<app>/commands/<command>"),
                row("GET", "/applications/{application_id}/commands/{command_id}", 404,
                        "applications/<app>/commands/1"),
                row("PATCH", "/applications/{application_id}/commands/{command_id}", 200,
                        "applications/<app>/commands/<command>")
                    .body("{\"description\":\"Pings, changed\"}"),
                row("PATCH", "/applications/{application_id}/commands/{command_id}", 400,
                        "applications/<app>/commands/<command>")
                    .body("{\"name\":\"Not Valid\"}"),
                row("GET", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", 200,
                        "applications/<app>/guilds/<guild>/commands/<guild_command>"),
                row("PATCH", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", 200,
                        "applications/<app>/guilds/<guild>/commands/<guild_command>")
                    .body("{\"name\":\"renamed\"}"),
                row("GET", "/applications/{application_id}/guilds/{guild_id}/commands/permissions", 200,
                        "applications/<app>/guilds/<guild>/commands/permissions"),
                row("GET", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}/permissions", 404,
                        "applications/<app>/guilds/<guild>/commands/<guild_command>/permissions"),
                row("DELETE", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", 204,
                        "applications/<app>/guilds/<guild>/commands/<guild_command>"),
                row("DELETE", "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", 404,
                        "applications/<app>/guilds/<guild>/commands/<guild_command>"),
                row("DELETE", "/applications/{application_id}/commands/{command_id}", 204,
                        "applications/<app>/commands/<command>"),
                // SKUs and entitlements
                row("GET", "/applications/{application_id}/skus", 200, "applications/<app>/skus"),
                row("GET", "/applications/{application_id}/skus", 404, "applications/1/skus"),
                row("POST", "/applications/{application_id}/entitlements", 200, "applications/<app>/entitlements")
                    .body("{\"sku_id\":\"" + DefaultWorld.IDEA_PRO_SKU + "\",\"owner_id\":\"<alice>\","
                            + "\"owner_type\":2}")
                    .save("entitlement"),
                row("POST", "/applications/{application_id}/entitlements", 400, "applications/<app>/entitlements")
                    .body("{\"sku_id\":\"" + DefaultWorld.IDEA_PRO_SKU + "\",\"owner_id\":\"<alice>\","
                            + "\"owner_type\":2}"),
                row("POST", "/applications/{application_id}/entitlements", 400, "applications/<app>/entitlements")
                    .body("{\"sku_id\":\"" + DefaultWorld.IDEA_PRO_SKU + "\",\"owner_id\":\"<guild>\","
                            + "\"owner_type\":3}"),
                row("POST", "/applications/{application_id}/entitlements", 404, "applications/<app>/entitlements")
                    .body("{\"sku_id\":\"1\",\"owner_id\":\"<guild>\",\"owner_type\":1}"),
                row("GET", "/applications/{application_id}/entitlements", 200,
                        "applications/<app>/entitlements?user_id=<alice>&sku_ids=" + DefaultWorld.IDEA_PRO_SKU
                                + "&exclude_ended=true&limit=10"),
                row("GET", "/applications/{application_id}/entitlements", 400,
                        "applications/<app>/entitlements?limit=0"),
                row("GET", "/applications/{application_id}/entitlements/{entitlement_id}", 200,
                        "applications/<app>/entitlements/<entitlement>"),
                row("GET", "/applications/{application_id}/entitlements/{entitlement_id}", 404,
                        "applications/<app>/entitlements/1"),
                row("POST", "/applications/{application_id}/entitlements/{entitlement_id}/consume", 400,
                        "applications/<app>/entitlements/<entitlement>/consume"),
                row("POST", "/applications/{application_id}/entitlements/{entitlement_id}/consume", 204,
                        "applications/<app>/entitlements/<spotlight>/consume")
                    .before(() -> {
                        World world = this.discord.world();
                        this.variables.put("spotlight", world.as("bob").buys(world.sku("Spotlight")).idString());
                        this.variables.put("club", world.as("bob").buys(world.sku("Idea Club")).idString());
                    }),
                row("POST", "/applications/{application_id}/entitlements/{entitlement_id}/consume", 404,
                        "applications/<app>/entitlements/1/consume"),
                row("DELETE", "/applications/{application_id}/entitlements/{entitlement_id}", 403,
                        "applications/<app>/entitlements/<club>"),
                row("DELETE", "/applications/{application_id}/entitlements/{entitlement_id}", 204,
                        "applications/<app>/entitlements/<entitlement>"),
                row("DELETE", "/applications/{application_id}/entitlements/{entitlement_id}", 404,
                        "applications/<app>/entitlements/1"));
    }

    private long id(String variable) {
        return Long.parseUnsignedLong(this.variables.get(variable));
    }

    @TestFactory
    @DisplayName("every route the emulator serves, for success and error statuses")
    Stream<DynamicTest> everyRoute() {
        List<Row> rows = new ArrayList<>(rows());
        rows.addAll(objectRows());
        Set<String> routes = new TreeSet<>();
        Set<String> pairs = new TreeSet<>();
        rows.forEach((row) -> {
            routes.add(row.operation());
            pairs.add(row.operation() + " " + row.status());
        });
        Set<String> checked = new TreeSet<>();
        Stream<DynamicTest> each = rows.stream().map((row) -> DynamicTest.dynamicTest(row.toString(), () -> {
            check(row);
            checked.add(row.operation() + " " + row.status());
        }));
        String summary = rows.size() + " responses: " + routes.size() + " routes, " + pairs.size()
                + " (route, status) pairs validate";
        DynamicTest total = DynamicTest.dynamicTest(summary, () -> {
            System.out.println("OpenAPI check: " + rows.size() + " responses, " + routes.size() + " routes, "
                    + pairs.size() + " (route, status) pairs; passed " + checked.size() + " pairs; statuses the spec "
                    + "covers only by a range or not at all: " + this.fallbacks);
            assertThat(checked).as("the (route, status) pairs whose body validated").isEqualTo(pairs);
        });
        DynamicTest coverage = DynamicTest.dynamicTest("every spec operation the emulator serves is in the table",
                () -> assertThat(routes).containsAll(probeServedOperations()));
        return Stream.concat(each, Stream.of(total, coverage));
    }

    /** Sends the row's request and checks the status and the body against the spec. */
    private void check(Row row) throws Exception {
        if (row.before() != null) {
            row.before().run();
        }
        var response = send(row.method(), row.path(), row.body(), row.token(), row.multipart());
        assertThat(response.statusCode()).as("status of %s %s, body %s", row.method(), row.route(), response.body())
            .isEqualTo(row.status());
        OpenApiSpec.Declared declared = this.spec.declared(row.method(), row.route(), row.status());
        List<OpenApiSpec.Problem> problems = this.spec.validate(row.method(), row.route(), row.status(),
                response.body());
        assertThat(problems)
            .as("%s %s -> %d against the spec's %s response, body %s", row.method(), row.route(), row.status(),
                    declared.statusKey(), response.body())
            .isEmpty();
        if (declared.fallback(row.status())) {
            this.fallbacks.add(row.status() + " as " + declared.statusKey());
        }
        if (row.status() == 400 && JSON.readTree(response.body()).path("code").asInt() == 50035) {
            assertThat(JSON.readTree(response.body()).path("errors").isObject())
                .as("Invalid Form Body names the fields in errors: %s", response.body())
                .isTrue();
        }
        if (row.save() != null) {
            this.variables.put(row.save(), JSON.readTree(response.body()).path("id").asString());
        }
    }

    /**
     * Sends every operation of the spec once without the bot token, with {@code 1} for
     * each parameter, and returns those that a route of the emulator with the same
     * template answered (a 401 for the ones that need the token). Each answer is checked
     * against the spec too.
     */
    private Set<String> probeServedOperations() throws Exception {
        Set<String> served = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int probed = 0;
        for (OpenApiSpec.Operation operation : this.spec.operations()) {
            String path = operation.route().substring(1).replaceAll("\\{[^}/]+}", "1");
            int before = this.discord.rest().requests().size();
            var response = send(operation.method(), path, null, false, false);
            probed++;
            RecordedRequest recorded = this.discord.rest().requests().get(before);
            if (recorded.route() != null && blank(recorded.route()).equals(blank(operation.toString()))) {
                served.add(operation.toString());
            }
            this.spec.validate(operation.method(), operation.route(), response.statusCode(), response.body())
                .forEach((problem) -> problems.add(operation + " -> " + response.statusCode() + ": " + problem));
        }
        System.out.println("OpenAPI probe: " + probed + " spec operations sent without the token, " + served.size()
                + " served by the emulator");
        assertThat(problems).as("the answers to the probe against the spec").isEmpty();
        assertThat(served).as("the probe found the emulator's routes").isNotEmpty();
        return served;
    }

    private static String blank(String route) {
        return route.replaceAll("\\{[^}/]+}", "{}");
    }

    /**
     * A user runs /ping: the interaction's id and token are kept as {@code <name_id>} and
     * {@code <name_token>}.
     */
    private void interaction(String name) {
        remember(name, this.discord.world().as("alice").runs(SlashCommand.of("ping")));
    }

    /**
     * A user clicks "go" on {@code <menu>}, kept as {@code <name_id>} and
     * {@code <name_token>}.
     */
    private void click(String name) {
        World world = this.discord.world();
        remember(name, world.as("alice")
            .clicks(world.message(Long.parseUnsignedLong(this.variables.get("menu"))).orElseThrow(), "go"));
    }

    /** A user submits the modal the bot opened in answer to {@code <opened_id>}. */
    private void submit(String name, String opened) {
        EmulatedModal modal = this.discord.state()
            .interaction(Long.parseUnsignedLong(this.variables.get(opened + "_id")))
            .flatMap(EmulatedInteraction::modal)
            .orElseThrow();
        remember(name, this.discord.world().as("alice").submits(modal, Map.of("idea", "more rows")));
    }

    private void remember(String name, EmulatedInteraction interaction) {
        this.variables.put(name + "_id", Long.toUnsignedString(interaction.id()));
        this.variables.put(name + "_token", interaction.token());
    }

    private HttpResponse<String> send(String method, String path, @Nullable String body, boolean token,
            boolean multipart) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(this.discord.restUrl() + fill(path)))
            .method(method, (body != null) ? BodyPublishers.ofString(fill(body)) : BodyPublishers.noBody())
            .header("Content-Type", multipart ? "multipart/form-data; boundary=" + BOUNDARY : "application/json");
        if (token) {
            request.header("Authorization", "Bot " + this.discord.token());
        }
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

    private String fill(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = this.variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("No " + matcher.group(1) + " yet for " + text);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    /*
     * ---------------------------------------------------------------- gateway payloads
     */

    @Test
    @DisplayName("READY's user, GUILD_CREATE's and GUILD_UPDATE's guild, MESSAGE_CREATE's message and "
            + "INTERACTION_CREATE's objects (resolved users and messages of context menus too) pass the suite's check "
            + "against the spec's REST schemas and carry the gateway's own fields")
    void gatewayPayloads() throws Exception {
        assumeTrue(Boolean.parseBoolean(System.getProperty("emulator.traffic-checks", "true")),
                "the check of the emulator's traffic is off (-Demulator.traffic-checks=false)");
        Map<GatewayEvent, Long> checkedBefore = OpenApiTrafficCheck.checked();
        var registered = send("POST", "applications/<app>/commands",
                "{\"name\":\"ping\",\"description\":\"Ping\",\"options\":[{\"type\":6,\"name\":\"who\","
                        + "\"description\":\"Someone\"}]}",
                true, false);
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(send("PUT", "applications/<app>/guilds/<guild>/commands",
                "[{\"type\":2,\"name\":\"Info\"}," + "{\"type\":3,\"name\":\"Quote\"}]", true, false)
            .statusCode()).isEqualTo(200);
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.nextOf(10, null, TIMEOUT);
            client.send("{\"op\":2,\"d\":{\"token\":\"" + this.discord.token() + "\",\"intents\":"
                    + (1 | (1 << 9) | (1 << 12) | (1 << 15))
                    + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
            JsonNode ready = client.nextOf(0, "READY", TIMEOUT).path("d");
            JsonNode guild = client.nextOf(0, "GUILD_CREATE", TIMEOUT).path("d");
            this.discord.world().as("alice").buys(this.discord.world().sku("Idea Pro"));
            JsonNode bought = client.nextOf(0, "ENTITLEMENT_CREATE", TIMEOUT).path("d");
            this.discord.world()
                .as(this.discord.world().user("alice"))
                .saysWithFile(this.discord.world().channel("general"),
                        "look " + this.discord.world().user("bob").mention(), "notes.txt", "text".getBytes());
            JsonNode message = client.nextOf(0, "MESSAGE_CREATE", TIMEOUT).path("d");
            this.discord.world()
                .as("alice")
                .runs(SlashCommand.of("ping").option("who", this.discord.world().user("bob")));
            JsonNode interaction = client.nextOf(0, "INTERACTION_CREATE", TIMEOUT).path("d");
            var menu = send("POST", "channels/<general>/messages", "{\"content\":\"menu\",\"components\":["
                    + "{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"Go\",\"custom_id\":\"go\"}]},"
                    + "{\"type\":1,\"components\":[{\"type\":3,\"custom_id\":\"s\",\"options\":[{\"label\":\"A\","
                    + "\"value\":\"a\"}]}]}]}", true, false);
            JsonNode menuCreate = client.nextOf(0, "MESSAGE_CREATE", TIMEOUT).path("d");
            this.discord.world()
                .as("alice")
                .selects(this.discord.world()
                    .message(Long.parseUnsignedLong(JSON.readTree(menu.body()).path("id").asString()))
                    .orElseThrow(), "s", "a");
            JsonNode pick = client.nextOf(0, "INTERACTION_CREATE", TIMEOUT).path("d");
            World world = this.discord.world();
            world.as("alice").runsUserCommand("Info", world.user("bob"));
            JsonNode onUser = client.nextOf(0, "INTERACTION_CREATE", TIMEOUT).path("d").path("data").path("resolved");
            world.as("alice").runsMessageCommand("Quote", world.messages(world.channel("general")).getFirst());
            JsonNode onMessage = client.nextOf(0, "INTERACTION_CREATE", TIMEOUT)
                .path("d")
                .path("data")
                .path("resolved");
            world.locale(world.guild(), "de");
            JsonNode guildUpdate = client.nextOf(0, "GUILD_UPDATE", TIMEOUT).path("d");
            EmulatedEntitlement club = world.as("bob").buys(world.sku("Idea Club"));
            client.nextOf(0, "ENTITLEMENT_CREATE", TIMEOUT);
            world.endSubscription(club);
            JsonNode ended = client.nextOf(0, "ENTITLEMENT_UPDATE", TIMEOUT).path("d");
            world.revoke(club);
            JsonNode refunded = client.nextOf(0, "ENTITLEMENT_DELETE", TIMEOUT).path("d");

            // every one of them went through the suite's check against the spec's schemas
            // (OpenApiTrafficCheck, GatewaySchemas) on its way out
            Map<GatewayEvent, Long> checked = OpenApiTrafficCheck.checked();
            checked.replaceAll((event, count) -> count - checkedBefore.getOrDefault(event, 0L));
            assertThat(checked).as("dispatches checked against the spec")
                .containsAllEntriesOf(Map.of(GatewayEvent.READY, 1L, GatewayEvent.GUILD_CREATE, 1L,
                        GatewayEvent.MESSAGE_CREATE, 2L, GatewayEvent.INTERACTION_CREATE, 4L, GatewayEvent.GUILD_UPDATE,
                        1L, GatewayEvent.ENTITLEMENT_CREATE, 2L, GatewayEvent.ENTITLEMENT_UPDATE, 1L,
                        GatewayEvent.ENTITLEMENT_DELETE, 1L));
            assertThat(SpecViolations.take().violations()).as("what breaks the spec in them").isEmpty();

            assertThat(ready.propertyNames()).as("READY")
                .contains("v", "user", "guilds", "session_id", "resume_gateway_url", "application");
            assertThat(ready.path("application").propertyNames()).contains("id", "flags");
            assertThat(guild.propertyNames()).as("GUILD_CREATE")
                .contains("joined_at", "large", "member_count", "voice_states", "members", "channels", "threads",
                        "presences", "stage_instances", "guild_scheduled_events", "soundboard_sounds",
                        "incidents_data");
            assertThat(message.propertyNames()).as("MESSAGE_CREATE").contains("guild_id", "member", "mentions");
            assertThat(interaction.propertyNames()).as("INTERACTION_CREATE")
                .contains("id", "application_id", "type", "data", "guild", "guild_id", "channel", "channel_id",
                        "member", "token", "version", "app_permissions", "locale", "guild_locale", "entitlements",
                        "authorizing_integration_owners", "context", "attachment_size_limit");
            assertThat(interaction.path("entitlements")).as("alice's interaction carries what she bought")
                .singleElement()
                .satisfies((entitlement) -> assertThat(entitlement.path("sku_id").asString())
                    .isEqualTo(DefaultWorld.IDEA_PRO_SKU));
            assertThat(bought.path("type").asInt()).as("a one-time purchase").isEqualTo(1);
            assertThat(ended.path("ends_at").isString()).as("a subscription that ends").isTrue();
            assertThat(refunded.path("deleted").asBoolean()).as("a refund").isTrue();
        }
    }

}
