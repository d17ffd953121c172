package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.gateway.RawGatewayClient;
import org.jspecify.annotations.Nullable;
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
 * Message components and modals on the wire, driven by a bare gateway client and REST
 * calls as a bot would make them: Discord's limits with its error paths, the ids Discord
 * assigns, INTERACTION_CREATE for clicks, picks and modal submits, callbacks 6, 7 and 9,
 * what Discord's client refuses and what a forged client can send anyway, and the control
 * API.
 */
@DisplayName("Emulator message components and modals")
class ComponentInteractionTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT. */
    private static final long INTENTS = 1 | (1 << 9) | (1 << 12) | (1 << 15);

    /**
     * A button row (one disabled, one link), a string select of up to 2 of 3, a user
     * select.
     */
    private static final String MENU = """
            {"content": "Pick", "components": [
              {"type": 1, "components": [
                {"type": 2, "style": 1, "label": "Yes", "custom_id": "yes"},
                {"type": 2, "style": 4, "label": "No", "custom_id": "no", "disabled": true},
                {"type": 2, "style": 5, "label": "Docs", "url": "https://example.com"}]},
              {"type": 1, "components": [{"type": 3, "custom_id": "color", "min_values": 1, "max_values": 2,
                "options": [{"label": "Red", "value": "red"}, {"label": "Blue", "value": "blue"},
                            {"label": "Green", "value": "green"}]}]},
              {"type": 1, "components": [{"type": 5, "custom_id": "who", "max_values": 2}]}]}
            """;

    /**
     * The modal JDA 6.5 sends: labels with text inputs (description null), a select in a
     * label, a text display.
     */
    private static final String MODAL = """
            {"type": 9, "data": {"custom_id": "idea-form", "title": "Your idea", "components": [
              {"type": 18, "label": "Idea", "description": null,
               "component": {"type": 4, "custom_id": "idea", "style": 1, "required": true, "min_length": 3,
                             "max_length": 20, "placeholder": "an idea"}},
              {"type": 18, "label": "Details", "description": "Anything else",
               "component": {"type": 4, "custom_id": "details", "style": 2, "required": false}},
              {"type": 18, "label": "Colour", "description": null,
               "component": {"type": 3, "custom_id": "colour", "min_values": 1, "max_values": 1, "disabled": false,
                             "options": [{"label": "Red", "value": "red", "default": false}]}},
              {"type": 10, "content": "Thanks!"}]}}
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    private DiscordEmulator discord;

    private World world;

    @BeforeEach
    void start() throws Exception {
        this.discord = DiscordEmulator.builder().build().start();
        this.world = this.discord.world();
        assertThat(rest("PUT", "applications/" + this.world.applicationId() + "/commands",
                "[{\"name\": \"ping\", \"description\": \"Ping\"}]")
            .statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    /*
     * ---------------------------------------------------------------- components the bot
     * sends
     */

    static Stream<Arguments> refusedComponents() {
        String button = "{\"type\": 2, \"style\": 1, \"label\": \"B\", \"custom_id\": \"%s\"}";
        String select = "{\"type\": 3, \"custom_id\": \"s\", %s \"options\": [{\"label\": \"A\", \"value\": \"a\"}, "
                + "{\"label\": \"B\", \"value\": \"b\"}]}";
        return Stream.of(
                Arguments.of("six action rows",
                        "[" + String.join(",",
                                Stream.of("a", "b", "c", "d", "e", "f")
                                    .map((id) -> "{\"type\": 1, \"components\": [" + button.formatted(id) + "]}")
                                    .toList())
                                + "]",
                        "components", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("six buttons in a row",
                        row(Stream.of("a", "b", "c", "d", "e", "f").map(button::formatted).toArray(String[]::new)),
                        "components.0.components", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a button beside a select", row(button.formatted("a"), select.formatted("")),
                        "components.0.components.1", "COMPONENT_LAYOUT_WIDTH_EXCEEDED"),
                Arguments.of("a custom id twice",
                        "[" + String.join(",", "{\"type\": 1, \"components\": [" + button.formatted("same") + "]}",
                                "{\"type\": 1, \"components\": [" + button.formatted("same") + "]}") + "]",
                        "components.1.components.0.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED"),
                Arguments.of("a custom id of 101 characters", row(button.formatted("x".repeat(101))),
                        "components.0.components.0.custom_id", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a label of 81 characters",
                        row("{\"type\": 2, \"style\": 1, \"custom_id\": \"a\", " + "\"label\": \"" + "x".repeat(81)
                                + "\"}"),
                        "components.0.components.0.label", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("a primary button without a custom id",
                        row("{\"type\": 2, \"style\": 1, \"label\": \"B\"}"), "components.0.components.0.custom_id",
                        "BASE_TYPE_REQUIRED"),
                Arguments.of("a link button with a custom id",
                        row("{\"type\": 2, \"style\": 5, \"label\": \"L\", "
                                + "\"url\": \"https://example.com\", \"custom_id\": \"l\"}"),
                        "components.0.components.0.custom_id", "BASE_TYPE_INVALID"),
                Arguments.of("a link button without a url", row("{\"type\": 2, \"style\": 5, \"label\": \"L\"}"),
                        "components.0.components.0.url", "BASE_TYPE_REQUIRED"),
                Arguments.of("a premium button without an sku", row("{\"type\": 2, \"style\": 6}"),
                        "components.0.components.0.sku_id", "BASE_TYPE_REQUIRED"),
                Arguments.of("a button style 7", row("{\"type\": 2, \"style\": 7, \"custom_id\": \"a\"}"),
                        "components.0.components.0.style", "BASE_TYPE_CHOICES"),
                Arguments.of("a text input in a message", row("{\"type\": 4, \"custom_id\": \"t\", \"style\": 1}"),
                        "components.0.components.0.type", "BASE_TYPE_CHOICES"),
                Arguments.of("a select of 26 options",
                        row("{\"type\": 3, \"custom_id\": \"s\", \"options\": [" + String.join(",",
                                Stream.iterate(0, (i) -> i + 1)
                                    .limit(26)
                                    .map((i) -> "{\"label\": \"" + i + "\", \"value\": \"" + i + "\"}")
                                    .toList())
                                + "]}"),
                        "components.0.components.0.options", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("an option label of 101 characters",
                        row("{\"type\": 3, \"custom_id\": \"s\", \"options\": " + "[{\"label\": \"" + "x".repeat(101)
                                + "\", \"value\": \"a\"}]}"),
                        "components.0.components.0.options.0.label", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("an option description of 101 characters",
                        row("{\"type\": 3, \"custom_id\": \"s\", "
                                + "\"options\": [{\"label\": \"A\", \"value\": \"a\", \"description\": \""
                                + "x".repeat(101) + "\"}]}"),
                        "components.0.components.0.options.0.description", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("a placeholder of 151 characters",
                        row(select.formatted("\"placeholder\": \"" + "x".repeat(151) + "\",")),
                        "components.0.components.0.placeholder", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("min_values 26", row(select.formatted("\"min_values\": 26,")),
                        "components.0.components.0.min_values", "NUMBER_TYPE_MAX"),
                Arguments.of("max_values 0", row("{\"type\": 5, \"custom_id\": \"u\", \"max_values\": 0}"),
                        "components.0.components.0.max_values", "NUMBER_TYPE_MIN"),
                Arguments.of("max_values above the options", row(select.formatted("\"max_values\": 3,")),
                        "components.0.components.0.max_values", "NUMBER_TYPE_MAX"),
                Arguments.of("min_values above max_values",
                        row(select.formatted("\"min_values\": 2, \"max_values\": 1,")),
                        "components.0.components.0.min_values", "NUMBER_TYPE_MAX"));
    }

    @ParameterizedTest(name = "{0} is refused at {2} with {3}")
    @MethodSource("refusedComponents")
    @DisplayName("components beyond Discord's limits are refused with 400 50035 at the field's path, nothing stored")
    void refusedComponents(String what, String components, String path, String code) throws Exception {
        int before = this.world.allMessages().size();

        var response = rest("POST", "channels/" + general().idString() + "/messages",
                "{\"content\": \"x\", \"components\": " + components + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(50035);
        assertThat(body.path("message").asString()).isEqualTo("Invalid Form Body");
        assertThat(errorCodes(body.path("errors"), path)).as(response.body()).contains(code);
        assertThat(this.world.allMessages()).hasSize(before);
    }

    @Test
    @DisplayName("edits, interaction responses and follow-ups are checked too, callback errors under data")
    void everyWayToSendIsChecked() throws Exception {
        String duplicate = "[{\"type\": 1, \"components\": [{\"type\": 2, \"style\": 1, \"label\": \"A\", "
                + "\"custom_id\": \"a\"}, {\"type\": 2, \"style\": 2, \"label\": \"B\", \"custom_id\": \"a\"}]}]";
        String path = "components.0.components.1.custom_id";
        EmulatedMessage menu = botSends(MENU);
        EmulatedInteraction slash = this.world.as("alice").runs(SlashCommand.of("ping"));
        EmulatedInteraction click = this.world.as("alice").clicks(menu, "yes");

        assertRefused(rest("PATCH", "channels/" + general().idString() + "/messages/" + menu.idString(),
                "{\"components\": " + duplicate + "}"), path);
        assertRefused(
                callback(slash, "{\"type\": 4, \"data\": {\"content\": \"x\", \"components\": " + duplicate + "}}"),
                "data." + path);
        assertRefused(callback(click, "{\"type\": 7, \"data\": {\"components\": " + duplicate + "}}"), "data." + path);
        assertRefused(callback(click, "{\"type\": 4, \"data\": {\"content\": \"" + "x".repeat(2001) + "\"}}"),
                "data.content");
        assertThat(callback(slash, "{\"type\": 5}").statusCode()).isEqualTo(200);
        assertRefused(rest("POST", "webhooks/" + this.world.applicationId() + "/" + slash.token(),
                "{\"content\": \"x\", \"components\": " + duplicate + "}"), path);
        assertThat(this.world.message(menu.id())).hasValue(menu);
    }

    @Test
    @DisplayName("components get Discord's ids depth-first from 1, skipping ids the bot set; REST, gateway and the "
            + "control API carry them")
    void idsAssigned() throws Exception {
        try (RawGatewayClient client = connect()) {
            var response = rest("POST", "channels/" + general().idString() + "/messages", """
                    {"content": "ids", "components": [
                      {"type": 1, "components": [{"type": 2, "style": 1, "label": "A", "custom_id": "a"},
                                                 {"type": 2, "style": 1, "label": "B", "custom_id": "b", "id": 2},
                                                 {"type": 2, "style": 1, "label": "C", "custom_id": "c", "id": 0}]},
                      {"type": 1, "id": 9, "components": [{"type": 6, "custom_id": "r"}]}]}
                    """);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode sent = JSON.readTree(response.body()).path("components");
            assertThat(List.of(sent.path(0), sent.path(0).path("components").path(0),
                    sent.path(0).path("components").path(1), sent.path(0).path("components").path(2), sent.path(1),
                    sent.path(1).path("components").path(0)))
                .extracting((component) -> component.path("id").asInt())
                .containsExactly(1, 3, 2, 4, 9, 5);
            assertThat(sent.path(1).path("components").path(0).path("min_values").asInt()).isEqualTo(1);
            JsonNode created = client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER).path("d");
            assertThat(created.path("components")).isEqualTo(sent);
            var listed = control("GET", "/emulator/messages?channel_id=" + general().idString(), null);
            assertThat(JSON.readTree(listed.body()).path(0).path("components")).isEqualTo(sent);
        }
    }

    /* ---------------------------------------------------------------- what users do */

    @Test
    @DisplayName("a click and a pick reach the bot as INTERACTION_CREATE type 3 with the whole message, as JDA needs it")
    void componentInteractionCreate() throws Exception {
        try (RawGatewayClient client = connect()) {
            EmulatedMessage menu = botSends(MENU);
            client.nextOf(0, "MESSAGE_CREATE", Timeouts.ANSWER);

            EmulatedInteraction click = this.world.as("alice").clicks(menu, "yes");
            JsonNode clicked = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");

            assertThat(click.type()).isEqualTo(EmulatedInteraction.MESSAGE_COMPONENT);
            assertThat(click.customId()).isEqualTo("yes");
            assertThat(click.message()).hasValue(menu);
            assertThat(clicked.path("type").asInt()).isEqualTo(3);
            assertThat(clicked.path("id").asString()).isEqualTo(Long.toUnsignedString(click.id()));
            assertThat(clicked.path("data").path("custom_id").asString()).isEqualTo("yes");
            assertThat(clicked.path("data").path("component_type").asInt()).isEqualTo(2);
            assertThat(clicked.path("data").path("id").asInt()).isEqualTo(2);
            JsonNode message = clicked.path("message");
            assertThat(message.path("id").asString()).isEqualTo(menu.idString());
            assertThat(message.propertyNames()).contains("type", "author", "channel_id", "mentions", "mention_roles");
            assertThat(message.path("author").path("id").asString()).isEqualTo(this.world.bot().idString());
            assertThat(message.path("components")).isEqualTo(JSON.valueToTree(menu.components()));
            assertThat(clicked.path("member").path("user").path("username").asString()).isEqualTo("alice");
            assertThat(clicked.propertyNames()).contains("channel", "channel_id", "guild", "context",
                    "authorizing_integration_owners", "token", "version");

            this.world.as("bob").selects(menu, "color", "red", "green");
            JsonNode picked = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d").path("data");
            assertThat(picked.path("component_type").asInt()).isEqualTo(3);
            assertThat(picked.path("values")).isEqualTo(JSON.readTree("[\"red\", \"green\"]"));

            EmulatedUser carol = this.world.user("carol");
            this.world.as("bob").selects(menu, "who", "@carol", this.world.user("alice").idString());
            JsonNode users = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d").path("data");
            assertThat(users.path("component_type").asInt()).isEqualTo(5);
            assertThat(users.path("values"))
                .isEqualTo(JSON.valueToTree(List.of(carol.idString(), this.world.user("alice").idString())));
            assertThat(users.path("resolved").path("users").path(carol.idString()).path("username").asString())
                .isEqualTo("carol");
            assertThat(users.path("resolved").path("members").path(carol.idString()).has("roles")).isTrue();
        }
    }

    @Test
    @DisplayName("Discord's client refuses clicks and picks it would not offer, and nothing reaches the bot")
    void clientRefusesComponents() {
        EmulatedMessage menu = botSends(MENU);
        World.Acting alice = this.world.as("alice");

        assertRejected(() -> alice.clicks(menu, "maybe"), "data.custom_id",
                "Value must be one of {'yes', 'no', 'color', 'who'}.");
        assertRejected(() -> alice.clicks(menu, "no"), "data.custom_id", "The component 'no' is disabled.");
        assertRejected(() -> alice.clicks(menu, "color"), "data.component_type", "is a select");
        assertRejected(() -> alice.selects(menu, "yes", "a"), "data.component_type", "is a button");
        assertRejected(() -> alice.selects(menu, "color", "purple"), "data.values.0",
                "Value must be one of {'red', 'blue', 'green'}.");
        assertRejected(() -> alice.selects(menu, "color", "red", "blue", "green"), "data.values",
                "Must be between 1 and 2 in length.");
        assertRejected(() -> alice.selects(menu, "color"), "data.values", "Must be between 1 and 2 in length.");
        assertRejected(() -> alice.selects(menu, "who", "@nobody"), "data.values.0", "is not snowflake");
        this.discord.state().remove(menu);
        InteractionRejectedException gone = catchThrowableOfType(InteractionRejectedException.class,
                () -> alice.clicks(menu, "yes"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo(10008);
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @Test
    @DisplayName("a forged client's clicks, picks and submits reach the bot unchecked")
    void forgedInput() throws Exception {
        EmulatedMessage menu = botSends(MENU);
        try (RawGatewayClient client = connect()) {
            World.Forging forger = this.world.as("mallory").forging();

            forger.clicks(menu, "anything:at:all");
            JsonNode click = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            assertThat(click.path("data").path("custom_id").asString()).isEqualTo("anything:at:all");
            assertThat(click.path("data").path("component_type").asInt()).isEqualTo(2);
            assertThat(click.path("message").path("id").asString()).isEqualTo(menu.idString());

            forger.clicks(menu, "no");
            assertThat(client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER)
                .path("d")
                .path("data")
                .path("custom_id")
                .asString()).isEqualTo("no");
            forger.selects(menu, "color", "purple", "red", "blue");
            assertThat(client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER)
                .path("d")
                .path("data")
                .path("values")
                .size()).isEqualTo(3);

            EmulatedInteraction slash = this.world.as("alice").runs(SlashCommand.of("ping"));
            client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER);
            assertThat(callback(slash, MODAL).statusCode()).isEqualTo(200);
            EmulatedModal modal = slash.modal().orElseThrow();
            for (int i = 0; i < 2; i++) {
                forger.submits(modal, Map.of("idea", "x", "extra", "y"));
                JsonNode data = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d").path("data");
                assertThat(data.findValuesAsString("custom_id")).contains("idea-form", "idea", "extra");
                assertThat(data.findValuesAsString("value")).contains("x", "y");
            }
        }
    }

    /* ---------------------------------------------------------------- callbacks */

    @Test
    @DisplayName("callback 7 updates the message with the component (resource.message); 6 defers, then @original edits it")
    void updateCallbacks() throws Exception {
        EmulatedMessage menu = botSends(MENU);
        EmulatedInteraction click = this.world.as("alice").clicks(menu, "yes");

        var updated = callback(click, "{\"type\": 7, \"data\": {\"content\": \"Yes it is\", \"components\": []}}");

        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode response = JSON.readTree(updated.body());
        assertThat(response.path("interaction").path("type").asInt()).isEqualTo(3);
        assertThat(response.path("interaction").path("response_message_id").asString()).isEqualTo(menu.idString());
        assertThat(response.path("resource").path("type").asInt()).isEqualTo(7);
        assertThat(response.path("resource").path("message").path("content").asString()).isEqualTo("Yes it is");
        EmulatedMessage edited = click.awaitResponse(Timeouts.ANSWER);
        assertThat(edited.id()).isEqualTo(menu.id());
        assertThat(edited.components()).isEmpty();
        JsonNode listed = JSON
            .readTree(control("GET", "/emulator/messages?channel_id=" + general().idString(), null).body())
            .path(0);
        assertThat(listed.path("content").asString()).isEqualTo("Yes it is");
        assertThat(listed.path("edited_timestamp").isString()).isTrue();
        assertThat(callback(click, "{\"type\": 6}").body()).contains("40060");

        EmulatedMessage second = botSends(MENU);
        EmulatedInteraction pick = this.world.as("bob").selects(second, "color", "blue");
        var deferred = callback(pick, "{\"type\": 6}");
        assertThat(JSON.readTree(deferred.body()).has("resource")).isFalse();
        assertThat(pick.callbackType()).isEqualTo(EmulatedInteraction.DEFERRED_UPDATE_MESSAGE);
        assertThat(rest("PATCH", "webhooks/" + this.world.applicationId() + "/" + pick.token() + "/messages/@original",
                "{\"content\": \"Blue it is\"}")
            .statusCode()).isEqualTo(200);
        assertThat(pick.awaitResponse(Timeouts.ANSWER).content()).isEqualTo("Blue it is");
        var followUp = rest("POST", "webhooks/" + this.world.applicationId() + "/" + pick.token(),
                "{\"content\": \"Noted\"}");
        JsonNode created = JSON.readTree(followUp.body());
        assertThat(created.path("id").asString()).isNotEqualTo(second.idString());
        assertThat(created.path("type").asInt()).isEqualTo(19);
        assertThat(created.path("message_reference").path("message_id").asString()).isEqualTo(second.idString());
        JsonNode metadata = created.path("interaction_metadata");
        assertThat(metadata.path("type").asInt()).isEqualTo(3);
        assertThat(metadata.path("user").path("username").asString()).isEqualTo("bob");
        assertThat(metadata.path("interacted_message_id").asString()).isEqualTo(second.idString());
        assertThat(created.has("interaction")).isFalse();
    }

    @Test
    @DisplayName("callback types an interaction does not take are refused with 400 naming the valid ones")
    void callbackTypes() throws Exception {
        EmulatedMessage menu = botSends(MENU);
        EmulatedInteraction slash = this.world.as("alice").runs(SlashCommand.of("ping"));
        assertRefused(callback(slash, "{\"type\": 7, \"data\": {\"content\": \"x\"}}"), "type",
                "Value must be one of {4, 5, 9}.");
        assertRefused(callback(slash, "{\"type\": 6}"), "type", "Value must be one of {4, 5, 9}.");
        assertThat(callback(slash, MODAL).statusCode()).isEqualTo(200);
        EmulatedInteraction fromCommand = this.world.as("alice")
            .submits(slash.modal().orElseThrow(), Map.of("idea", "more", "colour", "red"));
        assertRefused(callback(fromCommand, MODAL), "type", "Value must be one of {4, 5}.");
        assertRefused(callback(fromCommand, "{\"type\": 7, \"data\": {\"content\": \"x\"}}"), "type",
                "Value must be one of {4, 5}.");

        EmulatedInteraction click = this.world.as("alice").clicks(menu, "yes");
        assertThat(callback(click, MODAL).statusCode()).isEqualTo(200);
        EmulatedInteraction fromClick = this.world.as("alice")
            .submits(click.awaitModal(Timeouts.ANSWER), Map.of("idea", "more", "colour", "red"));
        assertRefused(callback(fromClick, MODAL), "type", "Value must be one of {4, 5, 6, 7}.");
        assertThat(callback(fromClick, "{\"type\": 7, \"data\": {\"content\": \"Thanks\"}}").statusCode())
            .isEqualTo(200);
        assertThat(this.world.message(menu.id()).orElseThrow().content()).isEqualTo("Thanks");
    }

    static Stream<Arguments> refusedModals() {
        String input = "{\"type\": 4, \"custom_id\": \"a\", \"style\": 1%s}";
        return Stream.of(
                Arguments.of("no custom id",
                        "{\"title\": \"T\", \"components\": [" + label("L", input.formatted("")) + "]}",
                        "data.custom_id", "BASE_TYPE_REQUIRED"),
                Arguments.of("a title of 46 characters", modal("x".repeat(46), label("L", input.formatted(""))),
                        "data.title", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("no components", modal("T"), "data.components", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("six components", modal("T",
                        Stream.generate(() -> "{\"type\": 10, \"content\": \"t\"}").limit(6).toArray(String[]::new)),
                        "data.components", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a label of 46 characters", modal("T", label("x".repeat(46), input.formatted(""))),
                        "data.components.0.label", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a description of 101 characters",
                        modal("T",
                                "{\"type\": 18, \"label\": \"L\", " + "\"description\": \"" + "x".repeat(101)
                                        + "\", \"component\": " + input.formatted("") + "}"),
                        "data.components.0.description", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a text input style 3",
                        modal("T", label("L", "{\"type\": 4, \"custom_id\": \"a\", " + "\"style\": 3}")),
                        "data.components.0.component.style", "BASE_TYPE_CHOICES"),
                Arguments.of("max_length 4001", modal("T", label("L", input.formatted(", \"max_length\": 4001"))),
                        "data.components.0.component.max_length", "NUMBER_TYPE_MAX"),
                Arguments.of("a value of 4001 characters",
                        modal("T", label("L", input.formatted(", \"value\": \"" + "x".repeat(4001) + "\""))),
                        "data.components.0.component.value", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("a placeholder of 101 characters",
                        modal("T", label("L", input.formatted(", \"placeholder\": \"" + "x".repeat(101) + "\""))),
                        "data.components.0.component.placeholder", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("a button in a label",
                        modal("T", label("L", "{\"type\": 2, \"style\": 1, " + "\"custom_id\": \"b\"}")),
                        "data.components.0.component.type", "BASE_TYPE_CHOICES"),
                Arguments.of("a custom id twice",
                        modal("T", label("L", input.formatted("")), label("M", input.formatted(""))),
                        "data.components.1.component.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED"));
    }

    @ParameterizedTest(name = "{0} is refused at {2} with {3}")
    @MethodSource("refusedModals")
    @DisplayName("a modal beyond Discord's limits is refused with 400 50035 under data, and the interaction stays open")
    void refusedModals(String what, String data, String path, String code) throws Exception {
        EmulatedInteraction slash = this.world.as("alice").runs(SlashCommand.of("ping"));

        var response = callback(slash, "{\"type\": 9, \"data\": " + data + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCodes(JSON.readTree(response.body()).path("errors"), path)).as(response.body()).contains(code);
        assertThat(slash.callbackType()).isZero();
        assertThat(callback(slash, "{\"type\": 4, \"data\": {\"content\": \"ok\"}}").statusCode()).isEqualTo(200);
    }

    /* ---------------------------------------------------------------- modals */

    @Test
    @DisplayName("the modal is recorded; its submit reaches the bot in the label format, with the message when "
            + "opened from a component")
    void modalSubmit() throws Exception {
        try (RawGatewayClient client = connect()) {
            EmulatedInteraction slash = this.world.as("alice").runs(SlashCommand.of("ping"));
            client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER);
            var opened = callback(slash, MODAL);
            assertThat(JSON.readTree(opened.body()).path("interaction").has("response_message_id")).isFalse();

            EmulatedModal modal = slash.awaitModal(Timeouts.ANSWER);
            assertThat(modal.customId()).isEqualTo("idea-form");
            assertThat(modal.fields()).extracting(EmulatedModal.Field::customId)
                .containsExactly("idea", "details", "colour");
            assertThat(modal.field("idea"))
                .isEqualTo(new EmulatedModal.Field("idea", "Idea", 4, 1, true, 3, 20, "an idea", null, List.of()));
            assertThat(modal.field("colour").minLength()).isEqualTo(1);

            EmulatedInteraction submit = this.world.as("alice")
                .submits(modal, Map.of("idea", "more tests", "colour", "red"));
            JsonNode event = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            assertThat(submit.type()).isEqualTo(EmulatedInteraction.MODAL_SUBMIT);
            assertThat(event.path("type").asInt()).isEqualTo(5);
            assertThat(event.has("message")).isFalse();
            assertThat(event.path("data")).isEqualTo(JSON.readTree(
                    """
                            {"custom_id": "idea-form", "components": [
                              {"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": "idea", "value": "more tests"}},
                              {"type": 18, "id": 3, "component": {"type": 4, "id": 4, "custom_id": "details", "value": ""}},
                              {"type": 18, "id": 5, "component": {"type": 3, "id": 6, "custom_id": "colour", "values": ["red"]}},
                              {"type": 10, "id": 7}]}
                            """));

            EmulatedMessage menu = botSends(MENU);
            EmulatedInteraction click = this.world.as("bob").clicks(menu, "yes");
            client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER);
            callback(click, MODAL);
            this.world.as("bob")
                .submits(click.awaitModal(Timeouts.ANSWER), Map.of("idea", "from a click", "colour", "red"));
            JsonNode fromClick = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            assertThat(fromClick.path("message").path("id").asString()).isEqualTo(menu.idString());
            assertThat(fromClick.path("message").path("components").size()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("Discord's client refuses a modal submit with unknown, missing or out-of-bounds fields, by another "
            + "user, or twice")
    void clientRefusesSubmits() throws Exception {
        EmulatedInteraction slash = this.world.as("alice").runs(SlashCommand.of("ping"));
        callback(slash, MODAL);
        EmulatedModal modal = slash.awaitModal(Timeouts.ANSWER);
        World.Acting alice = this.world.as("alice");

        assertRejected(() -> alice.submits(modal, Map.of("idea", "fine", "colour", "red", "mood", "x")),
                "data.components", "Unknown fields {'mood'}: the modal has {'idea', 'details', 'colour'}.");
        assertRejected(() -> alice.submits(modal, Map.of("colour", "red")), "data.components.0.component.value",
                "This field is required");
        assertRejected(() -> alice.submits(modal, Map.of("idea", "no", "colour", "red")),
                "data.components.0.component.value", "Must be between 3 and 20 in length.");
        assertRejected(() -> alice.submits(modal, Map.of("idea", "fine", "colour", "blue")),
                "data.components.2.component.values.0", "Value must be one of {'red'}.");
        assertRejected(() -> this.world.as("bob").submits(modal, Map.of("idea", "fine", "colour", "red")),
                "data.custom_id", "was opened for alice, not bob.");
        assertThat(this.discord.world().interactions()).hasSize(1);
        alice.submits(modal, Map.of("idea", "fine", "colour", "red"));
        assertRejected(() -> alice.submits(modal, Map.of("idea", "again", "colour", "red")), "data.custom_id",
                "was already submitted.");
    }

    /* ---------------------------------------------------------------- message shapes */

    @Test
    @DisplayName("a response names the user who ran the interaction; a command's also carries interaction {name}, "
            + "a modal's the interaction that opened it")
    void responseMetadata() throws Exception {
        EmulatedInteraction slash = this.world.as("bob").runs(SlashCommand.of("ping"));
        JsonNode reply = JSON.readTree(callback(slash, "{\"type\": 4, \"data\": {\"content\": \"pong\"}}").body())
            .path("resource")
            .path("message");

        assertThat(reply.path("interaction_metadata").path("user").path("username").asString()).isEqualTo("bob");
        assertThat(reply.path("interaction_metadata").path("type").asInt()).isEqualTo(2);
        assertThat(reply.path("interaction").path("name").asString()).isEqualTo("ping");
        assertThat(reply.path("interaction").path("user").path("username").asString()).isEqualTo("bob");
        assertThat(reply.path("type").asInt()).isEqualTo(20);

        EmulatedMessage menu = botSends(MENU);
        EmulatedInteraction click = this.world.as("carol").clicks(menu, "yes");
        callback(click, MODAL);
        EmulatedInteraction submit = this.world.as("carol")
            .submits(click.awaitModal(Timeouts.ANSWER), Map.of("idea", "ideas", "colour", "red"));
        JsonNode thanks = JSON.readTree(callback(submit, "{\"type\": 4, \"data\": {\"content\": \"thanks\"}}").body())
            .path("resource")
            .path("message");
        JsonNode metadata = thanks.path("interaction_metadata");
        assertThat(metadata.path("type").asInt()).isEqualTo(5);
        assertThat(metadata.path("user").path("username").asString()).isEqualTo("carol");
        assertThat(metadata.path("triggering_interaction_metadata").path("type").asInt()).isEqualTo(3);
        assertThat(metadata.path("triggering_interaction_metadata").path("interacted_message_id").asString())
            .isEqualTo(menu.idString());
        assertThat(thanks.path("message_reference").path("message_id").asString()).isEqualTo(menu.idString());
    }

    /* ---------------------------------------------------------------- control API */

    @Test
    @DisplayName("control API: POST /emulator/interactions clicks, picks and submits; GET shows the bot's answer "
            + "and its modal")
    void controlApi() throws Exception {
        EmulatedMessage menu = botSends(MENU);

        var clicked = control("POST", "/emulator/interactions", "{\"type\": \"component\", \"message_id\": \""
                + menu.idString() + "\", \"custom_id\": \"yes\", \"user\": \"bob\"}");
        assertThat(clicked.statusCode()).isEqualTo(201);
        JsonNode click = JSON.readTree(clicked.body());
        assertThat(click.path("type").asInt()).isEqualTo(3);
        assertThat(click.path("custom_id").asString()).isEqualTo("yes");
        assertThat(click.path("message_id").asString()).isEqualTo(menu.idString());
        assertThat(click.path("user").asString()).isEqualTo("bob");
        assertThat(click.path("callback_type").asInt()).isZero();
        EmulatedInteraction interaction = this.discord.world().interactions().getLast();
        callback(interaction, MODAL);
        JsonNode answered = JSON
            .readTree(control("GET", "/emulator/interactions/" + click.path("id").asString(), null).body());
        assertThat(answered.path("callback_type").asInt()).isEqualTo(9);
        assertThat(answered.path("modal").path("title").asString()).isEqualTo("Your idea");
        assertThat(answered.path("modal").path("components").path(0).path("component").path("id").asInt()).isEqualTo(2);

        var submitted = control("POST", "/emulator/interactions", "{\"type\": \"modal\", \"custom_id\": \"idea-form\", "
                + "\"user\": \"bob\", \"fields\": {\"idea\": \"from the page\", \"colour\": \"red\"}}");
        assertThat(submitted.statusCode()).isEqualTo(201);
        JsonNode submit = JSON.readTree(submitted.body());
        assertThat(submit.path("type").asInt()).isEqualTo(5);
        callback(this.discord.world().interactions().getLast(), "{\"type\": 4, \"data\": {\"content\": \"thanks\"}}");
        JsonNode replied = JSON
            .readTree(control("GET", "/emulator/interactions/" + submit.path("id").asString(), null).body());
        assertThat(replied.path("callback_type").asInt()).isEqualTo(4);
        assertThat(replied.hasNonNull("response_message_id")).isTrue();

        var picked = control("POST", "/emulator/interactions", "{\"type\": \"component\", \"message_id\": \""
                + menu.idString() + "\", \"custom_id\": \"color\", \"values\": [\"red\", \"blue\"]}");
        assertThat(picked.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(picked.body()).path("user").asString()).isEqualTo("alice");
        var command = control("POST", "/emulator/interactions", "{\"type\": \"command\", \"command\": \"ping\"}");
        assertThat(JSON.readTree(command.body()).path("command").asString()).isEqualTo("ping");
    }

    @Test
    @DisplayName("control API: bad input is a 400 with a clear message, refused input Discord's error body")
    void controlApiBadInput() throws Exception {
        EmulatedMessage menu = botSends(MENU);
        String message = "\"message_id\": \"" + menu.idString() + "\"";

        assertControlError("{\"type\": \"component\", \"custom_id\": \"yes\"}", "message_id is required");
        assertControlError("{\"type\": \"component\", \"message_id\": \"42\", \"custom_id\": \"yes\"}",
                "Unknown message 42");
        assertControlError("{\"type\": \"component\", \"message_id\": \"abc\", \"custom_id\": \"yes\"}",
                "message_id must be a snowflake");
        assertControlError("{\"type\": \"component\", " + message + "}", "custom_id is required");
        assertControlError("{\"type\": \"component\", " + message + ", \"custom_id\": \"color\", \"values\": \"red\"}",
                "values must be an array of strings");
        assertControlError("{\"type\": \"modal\", \"custom_id\": \"idea-form\"}", "The bot opened no modal idea-form");
        assertControlError("{\"type\": \"poke\"}",
                "type must be command, autocomplete, user_command, message_command, " + "component or modal");
        assertControlError("{\"type\": \"command\"}", "command is required");
        assertThat(control("GET", "/emulator/interactions/42", null).body()).contains("Unknown interaction 42");

        var refused = control("POST", "/emulator/interactions",
                "{\"type\": \"component\", " + message + ", \"custom_id\": \"no\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("code").asInt()).isEqualTo(50035);
        assertThat(errorCodes(body.path("errors"), "data.custom_id")).containsExactly("BASE_TYPE_INVALID");
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    /* ---------------------------------------------------------------- helpers */

    private EmulatedChannel general() {
        return this.world.channel("general");
    }

    /** The bot posts a message in #general over REST; it is returned as stored. */
    private EmulatedMessage botSends(String json) {
        try {
            var response = rest("POST", "channels/" + general().idString() + "/messages", json);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return this.world.message(Long.parseUnsignedLong(JSON.readTree(response.body()).path("id").asString()))
                .orElseThrow();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> callback(EmulatedInteraction interaction, String json) throws Exception {
        return rest("POST", "interactions/" + Long.toUnsignedString(interaction.id()) + "/" + interaction.token()
                + "/callback?with_response=true", json);
    }

    private HttpResponse<String> rest(String method, String path, @Nullable String body) throws Exception {
        return send(method, this.discord.restUrl() + path, body);
    }

    private HttpResponse<String> control(String method, String path, @Nullable String body) throws Exception {
        return send(method, "http://127.0.0.1:" + this.discord.port() + path, body);
    }

    private HttpResponse<String> send(String method, String url, @Nullable String body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bot " + this.discord.token())
            .header("Content-Type", "application/json")
            .method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
            .build(), BodyHandlers.ofString());
    }

    private RawGatewayClient connect() throws Exception {
        RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false);
        client.nextOf(10, null, Timeouts.ANSWER);
        client.send("{\"op\":2,\"d\":{\"token\":\"" + this.discord.token() + "\",\"intents\":" + INTENTS
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
        client.nextOf(0, "READY", Timeouts.ANSWER);
        return client;
    }

    private void assertControlError(String body, String message) throws Exception {
        var response = control("POST", "/emulator/interactions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asString()).contains(message);
    }

    private static void assertRefused(HttpResponse<String> response, String path, String... messages) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        JsonNode at = errors;
        for (String key : path.split("\\.")) {
            at = at.path(key);
        }
        assertThat(at.path("_errors").isArray()).as("errors at %s in %s", path, response.body()).isTrue();
        for (String message : messages) {
            assertThat(at.path("_errors").findValuesAsString("message")).contains(message);
        }
    }

    private static void assertRejected(Runnable action, String path, String message) {
        InteractionRejectedException rejected = catchThrowableOfType(InteractionRejectedException.class, action::run);
        assertThat(rejected).as("refused at %s", path).isNotNull();
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.code()).isEqualTo(50035);
        assertThat(rejected.getMessage()).contains(message);
        JsonNode at = rejected.errors();
        for (String key : path.split("\\.")) {
            at = at.path(key);
        }
        assertThat(at.path("_errors").findValuesAsString("message")).as(rejected.errors().toString())
            .anyMatch((text) -> text.contains(message));
    }

    /** The codes of the errors at a dotted path of Discord's errors object. */
    private static List<String> errorCodes(JsonNode errors, String path) {
        JsonNode at = errors;
        for (String key : path.split("\\.")) {
            at = at.path(key);
        }
        return at.path("_errors").findValuesAsString("code");
    }

    private static String row(String... components) {
        return "[{\"type\": 1, \"components\": [" + String.join(",", components) + "]}]";
    }

    private static String label(String label, String component) {
        return "{\"type\": 18, \"label\": \"" + label + "\", \"component\": " + component + "}";
    }

    private static String modal(String title, String... components) {
        return "{\"custom_id\": \"m\", \"title\": \"" + title + "\", \"components\": [" + String.join(",", components)
                + "]}";
    }

}
