package io.github.jdaboot.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Slash commands are checked against the registered command before INTERACTION_CREATE, as
 * Discord checks them: through the Java API and {@code POST /emulator/interactions}, bad
 * input is refused with Discord's 400 Invalid Form Body (code 50035, an {@code errors}
 * object, the option named) and never reaches the bot.
 */
@DisplayName("Emulator slash command validation")
class SlashCommandValidationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Timeouts.ANSWER;

    private static final String COMMANDS = """
            [
              {"name": "roll", "description": "Rolls a die", "options": [
                {"type": 4, "name": "sides", "description": "Sides", "required": true,
                 "min_value": 2, "max_value": 100},
                {"type": 3, "name": "label", "description": "A label", "min_length": 2, "max_length": 5},
                {"type": 3, "name": "color", "description": "A colour", "choices": [
                  {"name": "Red", "value": "red"}, {"name": "Blue", "value": "blue"}]},
                {"type": 10, "name": "bonus", "description": "A bonus", "min_value": -1.5, "max_value": 1.5},
                {"type": 5, "name": "loud", "description": "Out loud"},
                {"type": 7, "name": "where", "description": "A text channel", "channel_types": [0]},
                {"type": 6, "name": "who", "description": "A user"},
                {"type": 8, "name": "role", "description": "A role"},
                {"type": 9, "name": "ping", "description": "A user or role"}
              ]},
              {"name": "tag", "description": "Tags", "options": [
                {"type": 1, "name": "add", "description": "Adds a tag", "options": [
                  {"type": 3, "name": "name", "description": "The name", "required": true, "max_length": 10}]},
                {"type": 1, "name": "show", "description": "Shows a tag", "options": [
                  {"type": 3, "name": "name", "description": "The name", "required": true}]}
              ]}
            ]
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    private DiscordEmulator discord;

    @BeforeEach
    void start() throws Exception {
        this.discord = DiscordEmulator.builder().build().start();
        var registered = this.http.send(HttpRequest
            .newBuilder(URI
                .create(this.discord.restUrl() + "applications/" + this.discord.world().applicationId() + "/commands"))
            .header("Authorization", "Bot " + this.discord.token())
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(COMMANDS))
            .build(), BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    /**
     * Input Discord refuses: the command, its options as JSON, where Discord's errors
     * name it, the error code there, and the option named in the message.
     */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("roll", "{\"sides\": \"abc\"}", "data.options.0.value", "NUMBER_TYPE_COERCE",
                        "sides: Value \"abc\" is not int."),
                Arguments.of("roll", "{\"sides\": 6.5}", "data.options.0.value", "NUMBER_TYPE_COERCE", "sides:"),
                Arguments.of("roll", "{\"sides\": 9007199254740992}", "data.options.0.value", "NUMBER_TYPE_MAX",
                        "sides: int value should be less than or equal to 9007199254740991."),
                Arguments.of("roll", "{\"sides\": 1}", "data.options.0.value", "NUMBER_TYPE_MIN",
                        "sides: int value should be greater than or equal to 2."),
                Arguments.of("roll", "{\"sides\": \"101\"}", "data.options.0.value", "NUMBER_TYPE_MAX",
                        "sides: int value should be less than or equal to 100."),
                Arguments.of("roll", "{\"label\": \"ab\"}", "data.options.1.value", "BASE_TYPE_REQUIRED",
                        "sides: This field is required"),
                Arguments.of("roll", "{\"sides\": 6, \"size\": 3}", "data.options.1.name", "BASE_TYPE_CHOICES",
                        "size: Value must be one of {'sides', 'label', "),
                Arguments.of("roll", "{\"sides\": 6, \"label\": \"a\"}", "data.options.1.value", "BASE_TYPE_BAD_LENGTH",
                        "label: Must be between 2 and 5 in length."),
                Arguments.of("roll", "{\"sides\": 6, \"label\": \"abcdef\"}", "data.options.1.value",
                        "BASE_TYPE_BAD_LENGTH", "label: Must be between 2 and 5 in length."),
                Arguments.of("roll", "{\"sides\": 6, \"color\": \"green\"}", "data.options.1.value",
                        "BASE_TYPE_CHOICES", "color: Value must be one of {'red', 'blue'}."),
                Arguments.of("roll", "{\"sides\": 6, \"bonus\": 2}", "data.options.1.value", "NUMBER_TYPE_MAX",
                        "bonus: float value should be less than or equal to 1.5."),
                Arguments.of("roll", "{\"sides\": 6, \"bonus\": \"lots\"}", "data.options.1.value",
                        "NUMBER_TYPE_COERCE", "bonus: Value \"lots\" is not float."),
                Arguments.of("roll", "{\"sides\": 6, \"loud\": \"maybe\"}", "data.options.1.value",
                        "BOOLEAN_TYPE_COERCE", "loud:"),
                Arguments.of("roll", "{\"sides\": 6, \"where\": \"#brainstorm\"}", "data.options.1.value",
                        "CHANNEL_TYPE_INVALID", "where: Channel \"#brainstorm\" is of type 11, not one of {0}."),
                Arguments.of("roll", "{\"sides\": 6, \"where\": \"#nowhere\"}", "data.options.1.value",
                        "NUMBER_TYPE_COERCE", "where: Value \"#nowhere\" is not snowflake."),
                Arguments.of("roll", "{\"sides\": 6, \"who\": \"@nobody\"}", "data.options.1.value",
                        "NUMBER_TYPE_COERCE", "who: Value \"@nobody\" is not snowflake."),
                Arguments.of("roll", "{\"sides\": 6, \"who\": \"<@42>\"}", "data.options.1.value", "UNKNOWN_USER",
                        "who: Unknown User"),
                Arguments.of("roll", "{\"sides\": 6, \"role\": \"@&Nobody\"}", "data.options.1.value",
                        "NUMBER_TYPE_COERCE", "role:"),
                Arguments.of("roll", "{\"sides\": 6, \"ping\": \"#general\"}", "data.options.1.value",
                        "NUMBER_TYPE_COERCE", "ping:"),
                Arguments.of("tag", "{}", "data.options.0.name", "BASE_TYPE_REQUIRED",
                        "subcommand: This field is required: one of {'add', 'show'}."),
                Arguments.of("tag remove", "{}", "data.options.0.name", "BASE_TYPE_CHOICES",
                        "remove: Value must be one of {'add', 'show'}."),
                Arguments.of("tag add", "{\"name\": \"elevenchars\"}", "data.options.0.options.0.value",
                        "BASE_TYPE_BAD_LENGTH", "add.name: Must be between 1 and 10 in length."),
                Arguments.of("tag show", "{}", "data.options.0.options.0.value", "BASE_TYPE_REQUIRED",
                        "show.name: This field is required"));
    }

    @ParameterizedTest(name = "Java API: /{0} {1} is refused at {2} with {3}")
    @MethodSource("refused")
    @DisplayName("the Java API refuses input Discord refuses, naming the option, and dispatches nothing")
    void refusedThroughJava(String command, String options, String path, String code, String message) throws Exception {
        SlashCommand slash = slash(command);
        JSON.readTree(options).properties().forEach((entry) -> slash.option(entry.getKey(), plain(entry.getValue())));

        InteractionRejectedException rejected = catchThrowableOfType(InteractionRejectedException.class,
                () -> this.discord.world().as("alice").runs(slash));

        assertThat(rejected).as("refused").isNotNull();
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.code()).isEqualTo(50035);
        assertThat(rejected.getMessage()).startsWith("Invalid Form Body: ").contains(message);
        assertErrorAt(rejected.errors(), path, code);
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP: /{0} {1} is refused at {2} with {3}")
    @MethodSource("refused")
    @DisplayName("POST /emulator/interactions answers Discord's 400 body, naming the option, and dispatches nothing")
    void refusedOverHttp(String command, String options, String path, String code, String message) throws Exception {
        var response = control("POST", "/emulator/interactions",
                "{\"command\": \"" + command + "\", \"options\": " + options + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(50035);
        assertThat(body.path("message").asString()).startsWith("Invalid Form Body: ").contains(message);
        assertErrorAt(body.path("errors"), path, code);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @Test
    @DisplayName("every problem is reported at once, each option named")
    void severalProblems() {
        InteractionRejectedException rejected = catchThrowableOfType(InteractionRejectedException.class,
                () -> this.discord.world()
                    .as("alice")
                    .runs(SlashCommand.of("roll").option("sides", "abc").option("label", "x")));

        assertThat(rejected.getMessage()).isEqualTo(
                "Invalid Form Body: sides: Value \"abc\" is not int.; " + "label: Must be between 2 and 5 in length.");
        assertErrorAt(rejected.errors(), "data.options.0.value", "NUMBER_TYPE_COERCE");
        assertErrorAt(rejected.errors(), "data.options.1.value", "BASE_TYPE_BAD_LENGTH");
        assertThat(rejected.body().path("message").asString()).isEqualTo(rejected.getMessage());
    }

    @Test
    @DisplayName("typed Java values are checked too: a thread for a text-channel option, a role for a user option")
    void typedValues() {
        EmulatedChannel thread = this.discord.world().channel("brainstorm");
        EmulatedRole moderators = role("Moderators");

        InteractionRejectedException rejected = catchThrowableOfType(InteractionRejectedException.class,
                () -> this.discord.world()
                    .as("alice")
                    .runs(SlashCommand.of("roll")
                        .option("sides", 6)
                        .option("where", thread)
                        .option("who", moderators)));

        assertThat(rejected.getMessage()).contains("where: Channel \"#brainstorm\" is of type 11")
            .contains("who: Value \"@&Moderators\" is not snowflake.");
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @Test
    @DisplayName("an unknown command answers 404 with code 10063 and lists the registered commands")
    void unknownCommand() throws Exception {
        InteractionRejectedException rejected = catchThrowableOfType(InteractionRejectedException.class,
                () -> this.discord.world().as("alice").runs(SlashCommand.of("dice")));
        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.code()).isEqualTo(10063);
        assertThat(rejected.getMessage()).contains("/dice").contains("/roll").contains("/tag");

        var response = control("POST", "/emulator/interactions", "{\"command\": \"dice\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(10063);
        assertThat(body.path("message").asString()).contains("/dice").contains("/roll");
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @Test
    @DisplayName("good input reaches the bot typed as Discord types it, with the users, roles and channels resolved")
    void goodInputIsDispatched() throws Exception {
        try (RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false)) {
            client.send(identify());
            client.nextOf(0, "READY", TIMEOUT);

            EmulatedInteraction interaction = this.discord.world()
                .as("alice")
                .runs(SlashCommand.of("roll")
                    .option("sides", "6")
                    .option("label", "😀😀😀😀😀")
                    .option("color", "Blue")
                    .option("bonus", "-1.5")
                    .option("loud", "TRUE")
                    .option("where", "#general")
                    .option("who", "@bob")
                    .option("role", "@&Moderators")
                    .option("ping", "Idea Fans"));

            assertThat(interaction.commandName()).isEqualTo("roll");
            assertThat(this.discord.world().interactions()).containsExactly(interaction);
            JsonNode data = client.nextOf(0, "INTERACTION_CREATE", TIMEOUT).path("d").path("data");
            JsonNode options = data.path("options");
            assertThat(options.get(0).path("value").isIntegralNumber()).isTrue();
            assertThat(options.get(0).path("value").asLong()).isEqualTo(6);
            assertThat(options.get(1).path("value").asString()).isEqualTo("😀😀😀😀😀");
            assertThat(options.get(2).path("value").asString()).as("the choice named Blue").isEqualTo("blue");
            assertThat(options.get(3).path("value").asDouble()).isEqualTo(-1.5);
            assertThat(options.get(4).path("value").isBoolean()).isTrue();
            assertThat(options.get(5).path("value").asString())
                .isEqualTo(this.discord.world().channel("general").idString());
            String bob = this.discord.world().user("bob").idString();
            assertThat(options.get(6).path("value").asString()).isEqualTo(bob);
            assertThat(options.get(7).path("value").asString()).isEqualTo(role("Moderators").idString());
            assertThat(options.get(8).path("value").asString()).isEqualTo(role("Idea Fans").idString());
            assertThat(data.path("resolved").path("users").has(bob)).isTrue();
            assertThat(data.path("resolved").path("members").has(bob)).isTrue();
            assertThat(data.path("resolved").path("roles").size()).isEqualTo(2);
            assertThat(data.path("resolved").path("channels").size()).isEqualTo(1);

            this.discord.world().as("alice").runs(SlashCommand.of("tag", "add").option("name", "faq"));
            JsonNode subcommand = client.nextOf(0, "INTERACTION_CREATE", TIMEOUT)
                .path("d")
                .path("data")
                .path("options")
                .get(0);
            assertThat(subcommand.path("name").asString()).isEqualTo("add");
            assertThat(subcommand.path("options").get(0).path("value").asString()).isEqualTo("faq");

            assertThat(catchThrowableOfType(InteractionRejectedException.class,
                    () -> this.discord.world().as("alice").runs(SlashCommand.of("roll").option("sides", 0))))
                .isNotNull();
            for (JsonNode next = client.poll(Duration.ofMillis(300)); next != null; next = client
                .poll(Duration.ofMillis(300))) {
                assertThat(next.path("t").asString()).as("nothing dispatched for refused input")
                    .isNotEqualTo("INTERACTION_CREATE");
            }
        }
    }

    @Test
    @DisplayName("good input over HTTP, \"6\" for an integer and \"@bob\" for a user, answers 201 with the interaction")
    void goodInputOverHttp() throws Exception {
        var response = control("POST", "/emulator/interactions", "{\"command\": \"/roll\", \"user\": \"carol\", "
                + "\"options\": {\"sides\": \"6\", \"who\": \"@bob\", \"loud\": true, \"bonus\": 1, \"label\": null}}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("command").asString()).isEqualTo("roll");
        assertThat(this.discord.world().interactions()).singleElement().satisfies((interaction) -> {
            assertThat(Long.toUnsignedString(interaction.id())).isEqualTo(body.path("id").asString());
            assertThat(interaction.user().username()).isEqualTo("carol");
        });
        assertThat(control("POST", "/emulator/interactions", "{\"command\": \"tag add\", \"options\": {\"name\": 42}}")
            .statusCode()).as("a number typed into a string option is its text").isEqualTo(201);
    }

    @Test
    @DisplayName("bad input anywhere in the control API answers 400 with a clear message, never a Java exception")
    void controlApiBadInput() throws Exception {
        String[][] requests = {
                { "POST", "/emulator/interactions", "{\"command\": \"roll\", \"options\": [6]}", "options" },
                { "POST", "/emulator/interactions", "{\"command\": {\"name\": \"roll\"}}", "command" },
                { "POST", "/emulator/interactions", "{\"command\": \"roll\", \"options\": {\"sides\": {\"n\": 6}}}",
                        "options.sides" },
                { "POST", "/emulator/interactions", "{\"command\": \"roll\", \"channel_id\": \"abc\"}", "channel_id" },
                { "POST", "/emulator/interactions", "[\"roll\"]", "JSON object" },
                { "POST", "/emulator/messages", "{\"content\": \"hi\", \"author\": [\"bob\"]}", "author" },
                { "GET", "/emulator/messages?channel_id=abc", null, "channel_id" },
                { "GET", "/emulator/messages?after=yesterday", null, "after" },
                { "POST", "/emulator/rest/faults", "{\"route\": \"GET /gateway\", \"status\": \"x\"}", "status" },
                { "POST", "/emulator/rest/faults", "{\"route\": \"GET /gateway\", \"status\": 200}", "status" },
                { "POST", "/emulator/rest/faults", "{\"route\": \"somewhere\"}", "route" },
                { "POST", "/emulator/rest/faults", "{\"route\": \"GET /gateway\", \"retry_after\": \"soon\"}",
                        "retry_after" },
                { "POST", "/emulator/rest/faults", "{\"route\": \"GET /gateway\", \"scope\": \"everyone\"}",
                        "scope" }, };
        for (String[] request : requests) {
            var response = control(request[0], request[1], request[2]);
            assertThat(response.statusCode()).as(request[0] + " " + request[1] + " " + request[2]).isEqualTo(400);
            assertThat(response.body()).as(request[1] + " " + request[2])
                .contains(request[3])
                .doesNotContain("Exception")
                .doesNotContain("For input string");
        }
        assertThat(control("GET", "/attachments/abc/def/notes.txt", null).statusCode()).isEqualTo(404);
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    private static SlashCommand slash(String command) {
        String[] path = command.split(" ");
        return SlashCommand.of(path[0], Arrays.copyOfRange(path, 1, path.length));
    }

    /**
     * A JSON value as plain Java, as a test would write it: text, a number or a boolean.
     */
    private static Object plain(JsonNode value) {
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isBoolean() ? value.booleanValue() : value.asString();
    }

    private static void assertErrorAt(JsonNode errors, String path, String code) {
        JsonNode node = errors;
        for (String key : path.split("\\.")) {
            node = node.path(key);
        }
        List<String> codes = new ArrayList<>();
        node.path("_errors").forEach((error) -> codes.add(error.path("code").asString()));
        assertThat(codes).as("errors at " + path + " in " + errors).contains(code);
        assertThat(node.path("_errors").get(0).path("message").asString()).isNotBlank();
    }

    private EmulatedRole role(String name) {
        return this.discord.world().guild().role(name);
    }

    private String identify() {
        return "{\"op\":2,\"d\":{\"token\":\"" + this.discord.token() + "\",\"intents\":513"
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"},\"shard\":[0,1]}}";
    }

    private HttpResponse<String> control(String method, String path, String json)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.discord.port() + path))
            .method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody())
            .header("Content-Type", "application/json");
        return this.http.send(request.build(), BodyHandlers.ofString());
    }

}
