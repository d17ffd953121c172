package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Autocomplete, user and message commands, localizations and locales on the wire, driven
 * by a bare gateway client and REST calls as a bot would make them: the registrations
 * Discord accepts and refuses, INTERACTION_CREATE for an option being typed and for a
 * context menu, callback 8 with its checks, the user's and the guild's locale, and the
 * control API.
 */
@DisplayName("Emulator autocomplete, context menus and locales")
class ApplicationCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, MESSAGE_CONTENT. */
    private static final long INTENTS = 1 | (1 << 9) | (1 << 12) | (1 << 15);

    /**
     * A slash command with options of each kind of autocomplete, one with subcommands, a
     * user and a message command.
     */
    private static final String COMMANDS = """
            [
              {"name": "idea", "description": "An idea", "name_localizations": {"de": "idee"},
               "description_localizations": {"de": "Eine Idee"}, "options": [
                {"type": 3, "name": "topic", "description": "A topic", "autocomplete": true,
                 "name_localizations": {"de": "thema"}, "description_localizations": {"de": "Ein Thema"}},
                {"type": 4, "name": "count", "description": "How many", "autocomplete": true},
                {"type": 10, "name": "weight", "description": "How heavy", "autocomplete": true},
                {"type": 3, "name": "mood", "description": "A mood", "choices": [
                  {"name": "Happy", "value": "happy", "name_localizations": {"de": "Fröhlich"}}]},
                {"type": 6, "name": "for", "description": "For whom"}]},
              {"name": "tag", "description": "Tags", "options": [
                {"type": 1, "name": "add", "description": "Adds a tag", "options": [
                  {"type": 3, "name": "name", "description": "The name", "required": true, "autocomplete": true},
                  {"type": 3, "name": "text", "description": "The text", "required": true}]}]},
              {"type": 2, "name": "Show Ideas", "name_localizations": {"de": "Ideen zeigen"}, "options": []},
              {"type": 3, "name": "Idea from this message"}
            ]
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Discord's 3 s for an autocomplete pass when a test says so. */
    private final ManualClock clock = new ManualClock();

    private DiscordEmulator discord;

    private World world;

    @BeforeEach
    void start() throws Exception {
        this.discord = DiscordEmulator.builder().clock(this.clock).build().start();
        this.world = this.discord.world();
        var registered = rest("PUT", commandsPath(), COMMANDS);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    /* ---------------------------------------------------------------- registration */

    static Stream<Arguments> refusedRegistrations() {
        String option = "{\"name\": \"c\", \"description\": \"d\", \"options\": [%s]}";
        return Stream.of(
                Arguments.of("autocomplete on a boolean option",
                        option.formatted(
                                "{\"type\": 5, \"name\": \"o\", " + "\"description\": \"d\", \"autocomplete\": true}"),
                        "options.0.autocomplete", "BASE_TYPE_INVALID"),
                Arguments.of("autocomplete with choices",
                        option.formatted("{\"type\": 3, \"name\": \"o\", "
                                + "\"description\": \"d\", \"autocomplete\": true, \"choices\": [{\"name\": \"A\", "
                                + "\"value\": \"a\"}]}"),
                        "options.0.autocomplete", "BASE_TYPE_INVALID"),
                Arguments.of("a locale Discord does not have",
                        "{\"name\": \"c\", \"description\": \"d\", " + "\"name_localizations\": {\"de-DE\": \"k\"}}",
                        "name_localizations.de-DE", "BASE_TYPE_CHOICES"),
                Arguments.of("a localized slash command name in upper case",
                        "{\"name\": \"c\", \"description\": "
                                + "\"d\", \"name_localizations\": {\"de\": \"Kommando\"}}",
                        "name_localizations.de", "APPLICATION_COMMAND_INVALID_NAME"),
                Arguments.of("a localized description of 101 characters",
                        "{\"name\": \"c\", \"description\": \"d\", " + "\"description_localizations\": {\"fr\": \""
                                + "x".repeat(101) + "\"}}",
                        "description_localizations.fr", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("an empty localized option name",
                        option.formatted("{\"type\": 3, \"name\": \"o\", "
                                + "\"description\": \"d\", \"name_localizations\": {\"ja\": \"\"}}"),
                        "options.0.name_localizations.ja", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a localized choice name of 101 characters",
                        option.formatted("{\"type\": 3, \"name\": "
                                + "\"o\", \"description\": \"d\", \"choices\": [{\"name\": \"A\", \"value\": \"a\", "
                                + "\"name_localizations\": {\"de\": \"" + "x".repeat(101) + "\"}}]}"),
                        "options.0.choices.0.name_localizations.de", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a string choice value of 101 characters",
                        option.formatted("{\"type\": 3, \"name\": "
                                + "\"o\", \"description\": \"d\", \"choices\": [{\"name\": \"A\", \"value\": \""
                                + "x".repeat(101) + "\"}]}"),
                        "options.0.choices.0.value", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("a string value for an integer choice",
                        option.formatted("{\"type\": 4, \"name\": "
                                + "\"o\", \"description\": \"d\", \"choices\": [{\"name\": \"A\", \"value\": \"5\"}]}"),
                        "options.0.choices.0.value", "NUMBER_TYPE_COERCE"),
                Arguments.of("an option name in upper case",
                        option.formatted("{\"type\": 3, \"name\": \"Topic\", " + "\"description\": \"d\"}"),
                        "options.0.name", "APPLICATION_COMMAND_INVALID_NAME"),
                Arguments.of("a user command with a description",
                        "{\"type\": 2, \"name\": \"Info\", " + "\"description\": \"About\"}", "description",
                        "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID"),
                Arguments.of("a message command with options",
                        "{\"type\": 3, \"name\": \"Quote\", \"options\": "
                                + "[{\"type\": 3, \"name\": \"o\", \"description\": \"d\"}]}",
                        "options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID"),
                Arguments.of("a user command name of 33 characters",
                        "{\"type\": 2, \"name\": \"" + "x".repeat(33) + "\"}", "name", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a localized message command name of 33 characters",
                        "{\"type\": 3, \"name\": \"Quote\", " + "\"name_localizations\": {\"de\": \"" + "x".repeat(33)
                                + "\"}}",
                        "name_localizations.de", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("command type 5", "{\"type\": 5, \"name\": \"c\"}", "type", "BASE_TYPE_CHOICES"),
                Arguments.of("an integration type Discord does not have",
                        "{\"name\": \"c\", \"description\": \"d\", \"integration_types\": [0, 2]}",
                        "integration_types.1", "ENUM_TYPE_COERCE"),
                Arguments.of("a context Discord does not have",
                        "{\"name\": \"c\", \"description\": \"d\", \"contexts\": [\"3\"]}", "contexts.0",
                        "ENUM_TYPE_COERCE"),
                Arguments.of("nsfw that is no boolean", "{\"name\": \"c\", \"description\": \"d\", \"nsfw\": \"yes\"}",
                        "nsfw", "BOOLEAN_TYPE_COERCE"),
                Arguments.of("a subcommand beside an option",
                        option.formatted("{\"type\": 1, \"name\": \"s\", \"description\": \"d\"}, "
                                + "{\"type\": 3, \"name\": \"o\", \"description\": \"d\"}"),
                        "options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID"),
                Arguments.of("a subcommand group in a subcommand group",
                        option.formatted("{\"type\": 2, \"name\": \"g\", \"description\": \"d\", \"options\": "
                                + "[{\"type\": 2, \"name\": \"h\", \"description\": \"d\"}]}"),
                        "options.0.options.0.type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID"),
                Arguments.of("an option in a subcommand group",
                        option.formatted("{\"type\": 2, \"name\": \"g\", \"description\": \"d\", \"options\": "
                                + "[{\"type\": 3, \"name\": \"o\", \"description\": \"d\"}]}"),
                        "options.0.options.0.type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID"),
                Arguments.of("a min_length over 6000",
                        option.formatted(
                                "{\"type\": 3, \"name\": \"o\", \"description\": \"d\", " + "\"min_length\": 6001}"),
                        "options.0.min_length", "NUMBER_TYPE_MAX"),
                Arguments.of("a channel type no channel option offers", option.formatted(
                        "{\"type\": 7, \"name\": \"o\", \"description\": \"d\", " + "\"channel_types\": [0, 1]}"),
                        "options.0.channel_types.1", "ENUM_TYPE_COERCE"));
    }

    @ParameterizedTest(name = "{0} is refused at {2} with {3}")
    @MethodSource("refusedRegistrations")
    @DisplayName("registrations Discord refuses get 400 50035 at the field, and nothing is registered")
    void refusedRegistrations(String what, String command, String path, String code) throws Exception {
        var created = rest("POST", commandsPath(), command);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(JSON.readTree(created.body()).path("code").asInt()).isEqualTo(50035);
        assertThat(errorCodes(JSON.readTree(created.body()).path("errors"), path)).as(created.body()).contains(code);
        var replaced = rest("PUT", commandsPath(), "[{\"name\": \"ok\", \"description\": \"Fine\"}, " + command + "]");
        assertThat(errorCodes(JSON.readTree(replaced.body()).path("errors"), "1." + path)).as(replaced.body())
            .contains(code);
        assertThat(this.world.commands(0)).extracting(RegisteredCommand::name)
            .containsExactly("idea", "tag", "Show Ideas", "Idea from this message");
    }

    @Test
    @DisplayName("user and message commands are registered as JDA sends them, up to 15 of each kind, names unique per kind")
    void contextCommandRegistration() throws Exception {
        String users = String.join(",",
                Stream.iterate(1, (i) -> i + 1)
                    .limit(15)
                    .map((i) -> "{\"type\": 2, \"name\": \"User Thing " + i + "\", \"options\": []}")
                    .toList());
        String jdaShape = "{\"type\": 3, \"name\": \"Get info Now\", \"name_localizations\": {}, \"nsfw\": false, "
                + "\"default_member_permissions\": null, \"contexts\": [\"0\", \"1\"], \"integration_types\": [\"0\"], "
                + "\"options\": []}";

        var fifteen = rest("PUT", commandsPath(),
                "[" + users + ", " + jdaShape + ", {\"name\": \"user-thing\", \"description\": \"A slash command\"}]");
        assertThat(fifteen.statusCode()).as(fifteen.body()).isEqualTo(200);
        JsonNode message = JSON.readTree(fifteen.body()).path(15);
        assertThat(message.path("name").asString()).isEqualTo("Get info Now");
        assertThat(message.path("description").asString()).isEmpty();
        assertThat(message.path("type").asInt()).isEqualTo(3);

        var sixteen = rest("POST", commandsPath(), "{\"type\": 2, \"name\": \"One Too Many\"}");
        assertThat(sixteen.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(sixteen.body()).path("code").asInt()).isEqualTo(30032);
        var twice = rest("PUT", commandsPath(),
                "[{\"type\": 2, \"name\": \"Same\"}, {\"type\": 2, \"name\": \"Same\"}, "
                        + "{\"type\": 3, \"name\": \"Same\"}]");
        assertThat(errorCodes(JSON.readTree(twice.body()).path("errors"), "1.name"))
            .containsExactly("APPLICATION_COMMANDS_DUPLICATE_NAME");
        assertThat(this.world.commands(0)).hasSize(17);
        var changed = rest("POST", commandsPath(),
                "{\"type\": 2, \"name\": \"User Thing 1\", " + "\"name_localizations\": {\"fr\": \"Chose\"}}");
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("localizations come back as registered with with_localizations=true; otherwise, as on Discord, only "
            + "the requester's locale as name_localized")
    void localizationsRoundTrip() throws Exception {
        JsonNode sent = JSON.readTree(COMMANDS);

        JsonNode full = JSON.readTree(rest("GET", commandsPath() + "?with_localizations=true", null).body());
        for (int i = 0; i < sent.size(); i++) {
            for (String field : List.of("name_localizations", "description_localizations")) {
                assertThat(full.path(i).path(field)).as("%s of %s", field, sent.path(i).path("name"))
                    .isEqualTo(sent.path(i).path(field));
            }
        }
        assertThat(full.path(0).path("options").path(0).path("name_localizations"))
            .isEqualTo(sent.path(0).path("options").path(0).path("name_localizations"));
        assertThat(full.path(0)
            .path("options")
            .path(3)
            .path("choices")
            .path(0)
            .path("name_localizations")
            .path("de")
            .asString()).isEqualTo("Fröhlich");

        JsonNode plain = JSON.readTree(rest("GET", commandsPath(), null).body());
        assertThat(plain.path(0).has("name_localizations")).isFalse();
        assertThat(plain.path(0).has("name_localized")).isFalse();
        assertThat(plain.path(0).path("options").path(0).has("description_localizations")).isFalse();
        var german = this.http.send(HttpRequest.newBuilder(URI.create(this.discord.restUrl() + commandsPath()))
            .header("Authorization", "Bot " + this.discord.token())
            .header("X-Discord-Locale", "de")
            .build(), BodyHandlers.ofString());
        JsonNode localized = JSON.readTree(german.body());
        assertThat(localized.path(0).path("name_localized").asString()).isEqualTo("idee");
        assertThat(localized.path(0).path("options").path(0).path("description_localized").asString())
            .isEqualTo("Ein Thema");
        assertThat(localized.path(0).path("options").path(3).path("choices").path(0).path("name_localized").asString())
            .isEqualTo("Fröhlich");
        assertThat(localized.path(2).path("name_localized").asString()).isEqualTo("Ideen zeigen");
    }

    /* ---------------------------------------------------------------- autocomplete */

    @Test
    @DisplayName("typing an option with autocomplete reaches the bot as INTERACTION_CREATE type 4: the options given "
            + "so far, the typed one focused with its text, none required")
    void autocompleteInteractionCreate() throws Exception {
        EmulatedUser bob = this.world.user("bob");
        try (RawGatewayClient client = connect()) {
            EmulatedInteraction typing = this.world.as("alice")
                .autocompletes(SlashCommand.of("idea").option("for", "@bob").option("topic", "old"), "topic", "ga");
            JsonNode created = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");

            assertThat(typing.type()).isEqualTo(EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE);
            assertThat(typing.commandName()).isEqualTo("idea");
            assertThat(created.path("type").asInt()).isEqualTo(4);
            JsonNode data = created.path("data");
            assertThat(data.path("name").asString()).isEqualTo("idea");
            assertThat(data.path("type").asInt()).isEqualTo(1);
            assertThat(data.path("options"))
                .isEqualTo(JSON.readTree("[{\"name\": \"for\", \"type\": 6, \"value\": \"" + bob.idString()
                        + "\"}, {\"name\": \"topic\", \"type\": 3, \"value\": \"ga\", \"focused\": true}]"));
            assertThat(data.path("resolved").path("users").path(bob.idString()).path("username").asString())
                .isEqualTo("bob");
            assertThat(created.propertyNames()).contains("channel", "channel_id", "guild", "member", "context",
                    "authorizing_integration_owners", "locale", "guild_locale", "token");

            this.world.as("alice").autocompletes(SlashCommand.of("tag", "add"), "name", "");
            JsonNode nested = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d").path("data");
            assertThat(nested.path("options")).isEqualTo(JSON.readTree("[{\"name\": \"add\", \"type\": 1, \"options\": "
                    + "[{\"name\": \"name\", \"type\": 3, \"value\": \"\", \"focused\": true}]}]"));

            this.world.as("alice").autocompletes(SlashCommand.of("idea"), "weight", "-1.");
            JsonNode number = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d").path("data");
            assertThat(number.path("options").path(0).path("value").asString()).isEqualTo("-1.");
        }
    }

    @Test
    @DisplayName("Discord sends autocomplete only for options registered with it, with options it would accept")
    void autocompleteRefused() {
        World.Acting alice = this.world.as("alice");

        assertThatIllegalArgumentException().isThrownBy(() -> alice.autocompletes(SlashCommand.of("idea"), "mood", "h"))
            .withMessageContaining("Discord sends no autocomplete for option 'mood': it is not registered with "
                    + "\"autocomplete\": true");
        assertThatIllegalArgumentException().isThrownBy(() -> alice.autocompletes(SlashCommand.of("idea"), "size", ""))
            .withMessageContaining("No option 'size' to autocomplete: the options are {'topic', 'count', 'weight', "
                    + "'mood', 'for'}");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> alice.autocompletes(SlashCommand.of("tag", "add"), "text", ""))
            .withMessageContaining("option 'add.text'");
        InteractionRejectedException unknown = catchThrowableOfType(InteractionRejectedException.class,
                () -> alice.autocompletes(SlashCommand.of("ideas"), "topic", ""));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.getMessage()).contains("/ideas", "/idea, /tag");
        InteractionRejectedException letters = catchThrowableOfType(InteractionRejectedException.class,
                () -> alice.autocompletes(SlashCommand.of("idea"), "count", "1x"));
        assertThat(letters.status()).isEqualTo(400);
        assertThat(errorCodes(letters.errors(), "data.options.0.value")).containsExactly("NUMBER_TYPE_COERCE");
        InteractionRejectedException nobody = catchThrowableOfType(InteractionRejectedException.class,
                () -> alice.autocompletes(SlashCommand.of("idea").option("for", "@nobody"), "topic", ""));
        assertThat(nobody.getMessage()).contains("for: Value \"@nobody\" is not snowflake.");
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @Test
    @DisplayName("the bot answers an autocomplete with callback 8 only, once; the choices are typed by the option")
    void autocompleteCallback() throws Exception {
        EmulatedInteraction typing = this.world.as("alice").autocompletes(SlashCommand.of("idea"), "topic", "ga");

        assertRefused(callback(typing, "{\"type\": 4, \"data\": {\"content\": \"no\"}}"), "type",
                "Value must be one of {8}.");
        assertRefused(callback(typing, "{\"type\": 5}"), "type", "Value must be one of {8}.");
        var answered = callback(typing, "{\"type\": 8, \"data\": {\"choices\": [{\"name\": \"Games\", \"value\": "
                + "\"games\", \"name_localizations\": {\"de\": \"Spiele\"}}, {\"name\": \"Gardening\", \"value\": "
                + "\"gardening\"}]}}");

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode response = JSON.readTree(answered.body());
        assertThat(response.path("interaction").path("type").asInt()).isEqualTo(4);
        assertThat(response.has("resource")).isFalse();
        assertThat(typing.awaitChoices(Timeouts.ANSWER)).containsExactly(
                new EmulatedInteraction.Choice("Games", "games"),
                new EmulatedInteraction.Choice("Gardening", "gardening"));
        assertThat(typing.callbackType()).isEqualTo(EmulatedInteraction.AUTOCOMPLETE_RESULT);
        assertThat(callback(typing, "{\"type\": 8, \"data\": {\"choices\": []}}").statusCode()).isEqualTo(400);

        EmulatedInteraction count = this.world.as("alice").autocompletes(SlashCommand.of("idea"), "count", "1");
        assertThat(callback(count, "{\"type\": 8, \"data\": {\"choices\": [{\"name\": \"One\", \"value\": 1}, "
                + "{\"name\": \"Ten\", \"value\": 10}]}}")
            .statusCode()).isEqualTo(200);
        assertThat(count.awaitChoices(Timeouts.ANSWER)).extracting(EmulatedInteraction.Choice::value)
            .containsExactly(1L, 10L);
        EmulatedInteraction weight = this.world.as("alice").autocompletes(SlashCommand.of("idea"), "weight", "");
        assertThat(callback(weight, "{\"type\": 8, \"data\": {\"choices\": [{\"name\": \"Light\", \"value\": 0.5}, "
                + "{\"name\": \"Heavy\", \"value\": 9}]}}")
            .statusCode()).isEqualTo(200);
        assertThat(weight.awaitChoices(Timeouts.ANSWER)).extracting(EmulatedInteraction.Choice::value)
            .containsExactly(0.5, 9.0);
    }

    static Stream<Arguments> refusedChoices() {
        String choice = "{\"name\": \"%s\", \"value\": %s}";
        return Stream.of(
                Arguments.of("26 choices", "topic",
                        String.join(",",
                                Stream.iterate(0, (i) -> i + 1)
                                    .limit(26)
                                    .map((i) -> choice.formatted("C" + i, "\"c" + i + "\""))
                                    .toList()),
                        "data.choices", "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("an empty name", "topic", choice.formatted("", "\"a\""), "data.choices.0.name",
                        "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a name of 101 characters", "topic", choice.formatted("x".repeat(101), "\"a\""),
                        "data.choices.0.name", "BASE_TYPE_BAD_LENGTH"),
                Arguments.of("a string value of 101 characters", "topic",
                        choice.formatted("A", "\"" + "x".repeat(101) + "\""), "data.choices.0.value",
                        "BASE_TYPE_MAX_LENGTH"),
                Arguments.of("a number for a string option", "topic", choice.formatted("A", "5"),
                        "data.choices.0.value", "STRING_TYPE_COERCE"),
                Arguments.of("a string for an integer option", "count", choice.formatted("A", "\"5\""),
                        "data.choices.0.value", "NUMBER_TYPE_COERCE"),
                Arguments.of("a fraction for an integer option", "count", choice.formatted("A", "1.5"),
                        "data.choices.0.value", "NUMBER_TYPE_COERCE"),
                Arguments.of("a string for a number option", "weight", choice.formatted("A", "\"heavy\""),
                        "data.choices.0.value", "NUMBER_TYPE_COERCE"),
                Arguments.of("a localized name in a locale Discord does not have", "topic",
                        "{\"name\": \"A\", \"value\": \"a\", \"name_localizations\": {\"german\": \"B\"}}",
                        "data.choices.0.name_localizations.german", "BASE_TYPE_CHOICES"));
    }

    @ParameterizedTest(name = "{0} is refused at {3} with {4}")
    @MethodSource("refusedChoices")
    @DisplayName("choices Discord refuses get 400 50035 under data, and the autocomplete stays open")
    void refusedChoices(String what, String option, String choices, String path, String code) throws Exception {
        EmulatedInteraction typing = this.world.as("alice").autocompletes(SlashCommand.of("idea"), option, "");

        var refused = callback(typing, "{\"type\": 8, \"data\": {\"choices\": [" + choices + "]}}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(errorCodes(JSON.readTree(refused.body()).path("errors"), path)).as(refused.body()).contains(code);
        assertThat(typing.callbackType()).isZero();
        assertThat(callback(typing, "{\"type\": 8, \"data\": {\"choices\": []}}").statusCode()).isEqualTo(200);
        assertThat(typing.awaitChoices(Timeouts.ANSWER)).isEmpty();
    }

    /* ---------------------------------------------------------------- context menus */

    @Test
    @DisplayName("a user command reaches the bot as type 2 with data.type 2, target_id and only the target resolved; "
            + "in a direct message without a member")
    void userCommand() throws Exception {
        EmulatedUser carol = this.world.user("carol");
        try (RawGatewayClient client = connect()) {
            EmulatedInteraction run = this.world.as("alice").runsUserCommand("Show Ideas", carol);
            JsonNode created = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");

            assertThat(run.commandName()).isEqualTo("Show Ideas");
            assertThat(run.commandType()).isEqualTo(2);
            assertThat(run.targetId()).isEqualTo(carol.id());
            assertThat(run.channel()).isEqualTo(this.world.channel("general"));
            assertThat(created.path("type").asInt()).isEqualTo(2);
            JsonNode data = created.path("data");
            assertThat(data.path("type").asInt()).isEqualTo(2);
            assertThat(data.path("name").asString()).isEqualTo("Show Ideas");
            assertThat(data.path("target_id").asString()).isEqualTo(carol.idString());
            assertThat(data.has("options")).isFalse();
            assertThat(data.path("resolved").propertyNames()).containsExactly("users", "members");
            assertThat(data.path("resolved").path("users").propertyNames()).containsExactly(carol.idString());
            assertThat(data.path("resolved").path("members").path(carol.idString()).has("roles")).isTrue();

            this.world.as("bob").runsUserCommand("Show Ideas", carol, this.world.directChannel(this.world.user("bob")));
            JsonNode direct = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            assertThat(direct.path("data").path("resolved").propertyNames()).containsExactly("users");
            assertThat(direct.path("user").path("username").asString()).isEqualTo("bob");
            assertThat(direct.path("context").asInt()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a message command carries the whole target message in resolved.messages; it is answered like a "
            + "slash command and its reply names the target")
    void messageCommand() throws Exception {
        EmulatedMessage said = this.world.as("bob").says(this.world.channel("random"), "we should write more tests");
        try (RawGatewayClient client = connect()) {
            EmulatedInteraction run = this.world.as("alice").runsMessageCommand("Idea from this message", said);
            JsonNode created = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");

            assertThat(run.channel()).isEqualTo(this.world.channel("random"));
            JsonNode data = created.path("data");
            assertThat(data.path("type").asInt()).isEqualTo(3);
            assertThat(data.path("target_id").asString()).isEqualTo(said.idString());
            assertThat(data.path("resolved").propertyNames()).containsExactly("messages");
            JsonNode message = data.path("resolved").path("messages").path(said.idString());
            assertThat(message.path("content").asString()).isEqualTo("we should write more tests");
            assertThat(message.propertyNames()).contains("type", "author", "channel_id", "mentions", "mention_roles");
            assertThat(created.path("channel_id").asString()).isEqualTo(Long.toUnsignedString(said.channelId()));
        }
        assertRefused(callback(run(said), "{\"type\": 7, \"data\": {\"content\": \"no\"}}"), "type",
                "Value must be one of {4, 5, 9}.");
        EmulatedInteraction answered = run(said);
        assertThat(callback(answered, "{\"type\": 4, \"data\": {\"content\": \"Noted\"}}").statusCode()).isEqualTo(200);
        EmulatedMessage reply = answered.awaitResponse(Timeouts.ANSWER);
        var fetched = rest("GET",
                "channels/" + Long.toUnsignedString(reply.channelId()) + "/messages/" + reply.idString(), null);
        JsonNode metadata = JSON.readTree(fetched.body()).path("interaction_metadata");
        assertThat(metadata.path("target_message_id").asString()).isEqualTo(said.idString());
        assertThat(metadata.path("user").path("username").asString()).isEqualTo("alice");
    }

    @Test
    @DisplayName("Discord's client offers only registered context menus, on messages that exist")
    void contextCommandsRefused() {
        EmulatedMessage said = this.world.as("bob").says(this.world.channel("general"), "hello");
        World.Acting alice = this.world.as("alice");

        InteractionRejectedException unknown = catchThrowableOfType(InteractionRejectedException.class,
                () -> alice.runsUserCommand("Idea from this message", this.world.user("bob")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(10063);
        assertThat(unknown.getMessage()).contains("user command 'Idea from this message'", "'Show Ideas' globally");
        assertThat(
                catchThrowableOfType(InteractionRejectedException.class, () -> alice.runsMessageCommand("idea", said))
                    .getMessage())
            .contains("message command 'idea'");
        // deleting bob's message takes MANAGE_MESSAGES, as on Discord
        this.world.grantRole(this.world.guild(), this.world.bot(), this.world.guild().role("Moderators"));
        rest("DELETE", "channels/" + Long.toUnsignedString(said.channelId()) + "/messages/" + said.idString(), null);
        InteractionRejectedException gone = catchThrowableOfType(InteractionRejectedException.class,
                () -> alice.runsMessageCommand("Idea from this message", said));
        assertThat(gone.code()).isEqualTo(10008);
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    /* ---------------------------------------------------------------- locales */

    @Test
    @DisplayName("interactions carry the user's locale and the guild's; a guild's new locale reaches the bot as "
            + "GUILD_UPDATE")
    void locales() throws Exception {
        EmulatedUser alice = this.world.user("alice");
        EmulatedGuild guild = this.world.guild();
        try (RawGatewayClient client = connect()) {
            JsonNode created = client.nextOf(0, "GUILD_CREATE", Timeouts.ANSWER).path("d");
            assertThat(created.path("preferred_locale").asString()).isEqualTo("en-US");
            this.world.as(alice).runsUserCommand("Show Ideas", this.world.user("bob"));
            JsonNode before = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            assertThat(before.path("locale").asString()).isEqualTo("en-US");
            assertThat(before.path("guild_locale").asString()).isEqualTo("en-US");

            this.world.locale(alice, "de");
            this.world.locale(guild, "pt-BR");
            JsonNode updated = client.nextOf(0, "GUILD_UPDATE", Timeouts.ANSWER).path("d");
            assertThat(updated.path("preferred_locale").asString()).isEqualTo("pt-BR");
            assertThat(updated.path("id").asString()).isEqualTo(guild.idString());
            this.world.as(alice).autocompletes(SlashCommand.of("idea"), "topic", "");
            JsonNode after = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            assertThat(after.path("locale").asString()).isEqualTo("de");
            assertThat(after.path("guild_locale").asString()).isEqualTo("pt-BR");
            assertThat(after.path("guild").path("locale").asString()).isEqualTo("pt-BR");
        }
        assertThat(this.world.locale(alice)).isEqualTo("de");
        assertThat(this.world.locale(this.world.user("bob"))).isEqualTo("en-US");
        assertThat(guild.preferredLocale()).isEqualTo("pt-BR");
        assertThat(JSON.readTree(rest("GET", "guilds/" + guild.idString(), null).body())
            .path("preferred_locale")
            .asString()).isEqualTo("pt-BR");
        assertThatIllegalArgumentException().isThrownBy(() -> this.world.locale(alice, "de-DE"))
            .withMessageContaining("locale must be one of Discord's locales ar, bg, ");
        assertThatIllegalArgumentException().isThrownBy(() -> this.world.locale(guild, "english"));
    }

    /* ---------------------------------------------------------------- control API */

    @Test
    @DisplayName("control API: autocomplete answers with the bot's choices, or after Discord's 3 s with none; user "
            + "and message commands; locales of users and guilds")
    void controlApi() throws Exception {
        try (RawGatewayClient client = connect()) {
            Thread bot = Thread.ofVirtual().start(() -> answerNextAutocomplete(client));
            var typed = control("POST", "/emulator/interactions", "{\"type\": \"autocomplete\", \"command\": \"idea\", "
                    + "\"option\": \"count\", \"value\": \"1\", \"user\": \"bob\", \"options\": {\"for\": \"@carol\"}}");
            bot.join();
            assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(typed.body());
            assertThat(answer.path("choices")).isEqualTo(
                    JSON.readTree("[{\"name\": \"One\", \"value\": 1}, " + "{\"name\": \"Eleven\", \"value\": 11}]"));
            assertThat(answer.path("type").asInt()).isEqualTo(4);
            assertThat(answer.path("user").asString()).isEqualTo("bob");
        }

        int before = this.world.interactions().size();
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture
            .supplyAsync(() -> control("POST", "/emulator/interactions",
                    "{\"type\": \"autocomplete\", \"command\": \"idea\", \"option\": \"topic\"}"));
        await().until(() -> this.world.interactions().size() > before);
        this.clock.advance(InteractionCallbacks.CALLBACK_DEADLINE.minusMillis(1));
        assertThat(waiting).as("waiting for the bot's choices until Discord's 3 s are up").isNotDone();
        this.clock.advance(Duration.ofMillis(1));
        var unanswered = waiting.get(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(unanswered.statusCode()).as(unanswered.body()).isEqualTo(200);
        assertThat(JSON.readTree(unanswered.body()).path("choices").isEmpty()).isTrue();
        EmulatedInteraction late = this.world.interactions().getLast();
        var tooLate = callback(late, "{\"type\": 8, \"data\": {\"choices\": []}}");
        assertThat(tooLate.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(tooLate.body()).path("code").asInt()).isEqualTo(10062);

        EmulatedMessage said = this.world.as("bob").says(this.world.channel("random"), "an idea");
        var onUser = control("POST", "/emulator/interactions",
                "{\"type\": \"user_command\", \"name\": \"Show Ideas\", " + "\"target_id\": \""
                        + this.world.user("carol").idString() + "\", \"channel_id\": \""
                        + this.world.channel("bot-lab").idString() + "\"}");
        assertThat(onUser.statusCode()).as(onUser.body()).isEqualTo(201);
        JsonNode user = JSON.readTree(onUser.body());
        assertThat(user.path("command").asString()).isEqualTo("Show Ideas");
        assertThat(user.path("command_type").asInt()).isEqualTo(2);
        assertThat(user.path("target_id").asString()).isEqualTo(this.world.user("carol").idString());
        assertThat(user.path("channel_id").asString()).isEqualTo(this.world.channel("bot-lab").idString());
        var onMessage = control("POST", "/emulator/interactions", "{\"type\": \"message_command\", \"name\": "
                + "\"Idea from this message\", \"target_id\": \"" + said.idString() + "\", \"user\": \"carol\"}");
        assertThat(onMessage.statusCode()).as(onMessage.body()).isEqualTo(201);
        assertThat(JSON.readTree(onMessage.body()).path("command_type").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(onMessage.body()).path("channel_id").asString())
            .isEqualTo(Long.toUnsignedString(said.channelId()));

        var german = control("POST", "/emulator/users/dora/locale", "{\"locale\": \"de\"}");
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(german.body()).path("locale").asString()).isEqualTo("de");
        assertThat(JSON.readTree(control("GET", "/emulator/users", null).body()).findValuesAsString("locale"))
            .contains("de", "en-US");
        var french = control("POST", "/emulator/guilds/" + this.world.guild().idString() + "/locale",
                "{\"locale\": \"fr\"}");
        assertThat(JSON.readTree(french.body()).path("preferred_locale").asString()).isEqualTo("fr");
        assertThat(JSON.readTree(control("GET", "/emulator/guilds", null).body())
            .path(0)
            .path("preferred_locale")
            .asString()).isEqualTo("fr");
        assertThat(this.world.locale(this.world.user("dora"))).isEqualTo("de");
    }

    @Test
    @DisplayName("control API: bad input is a 400 with a clear message, refused input Discord's error body")
    void controlApiBadInput() throws Exception {
        String carol = this.world.user("carol").idString();

        assertControlError("/emulator/interactions", "{\"type\": \"autocomplete\", \"command\": \"idea\"}",
                "option is required");
        assertControlError("/emulator/interactions",
                "{\"type\": \"autocomplete\", \"command\": \"idea\", \"option\": " + "\"mood\"}",
                "Discord sends no autocomplete for option 'mood'");
        assertControlError("/emulator/interactions", "{\"type\": \"user_command\", \"target_id\": \"" + carol + "\"}",
                "name is required");
        assertControlError("/emulator/interactions", "{\"type\": \"user_command\", \"name\": \"Show Ideas\"}",
                "target_id is required");
        assertControlError("/emulator/interactions",
                "{\"type\": \"user_command\", \"name\": \"Show Ideas\", " + "\"target_id\": \"42\"}",
                "Unknown user 42");
        assertControlError("/emulator/interactions",
                "{\"type\": \"message_command\", \"name\": \"x\", \"target_id\": " + "\"42\"}", "Unknown message 42");
        EmulatedMessage said = this.world.as("bob").says(this.world.channel("random"), "an idea");
        assertControlError("/emulator/interactions",
                "{\"type\": \"message_command\", \"name\": \"Idea from this " + "message\", \"target_id\": \""
                        + said.idString() + "\", \"channel_id\": \"" + this.world.channel("general").idString() + "\"}",
                "is in channel " + Long.toUnsignedString(said.channelId()));
        assertControlError("/emulator/users/alice/locale", "{\"locale\": \"german\"}",
                "locale must be one of Discord's locales");
        assertControlError("/emulator/users/alice/locale", "{}", "locale is required");
        assertControlError("/emulator/guilds/42/locale", "{\"locale\": \"de\"}", "Unknown guild 42");

        var unknown = control("POST", "/emulator/interactions",
                "{\"type\": \"user_command\", \"name\": \"Nope\", " + "\"target_id\": \"" + carol + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asInt()).isEqualTo(10063);
        assertThat(this.discord.world().interactions()).isEmpty();
    }

    @Test
    @DisplayName("control API: install the app for a user, open a DM and a group DM, list them, talk there as a member")
    void controlApiPrivateChannels() throws Exception {
        var installed = control("POST", "/emulator/users/erin/app", "{\"installed\": true}");
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
        assertThat(JSON.readTree(installed.body()).path("app_installed").asBoolean()).isTrue();
        assertThat(this.world.hasInstalledApp(this.world.user("erin"))).isTrue();

        var dm = control("POST", "/emulator/private-channels", "{\"users\": [\"erin\", \"frank\"]}");
        assertThat(dm.statusCode()).as(dm.body()).isEqualTo(201);
        JsonNode direct = JSON.readTree(dm.body());
        assertThat(direct.path("type").asInt()).isEqualTo(1);
        assertThat(direct.path("recipients").findValuesAsString("username")).containsExactly("erin", "frank");
        var again = control("POST", "/emulator/private-channels", "{\"users\": [\"frank\", \"erin\"]}");
        assertThat(JSON.readTree(again.body()).path("id").asString()).as("the DM they have")
            .isEqualTo(direct.path("id").asString());
        var group = control("POST", "/emulator/private-channels",
                "{\"users\": [\"erin\", \"frank\", \"gina\"], \"name\": \"Book club\"}");
        JsonNode grouped = JSON.readTree(group.body());
        assertThat(grouped.path("type").asInt()).isEqualTo(3);
        assertThat(grouped.path("name").asString()).isEqualTo("Book club");
        assertThat(grouped.path("owner_id").asString()).isEqualTo(this.world.user("erin").idString());
        assertThat(JSON.readTree(control("GET", "/emulator/private-channels", null).body()).findValuesAsString("id"))
            .contains(direct.path("id").asString(), grouped.path("id").asString());

        var said = control("POST", "/emulator/messages", "{\"channel_id\": \"" + grouped.path("id").asString()
                + "\", \"author\": \"gina\", \"content\": \"chapter 3?\"}");
        assertThat(said.statusCode()).as(said.body()).isEqualTo(201);
        assertControlError("/emulator/messages", "{\"channel_id\": \"" + grouped.path("id").asString()
                + "\", \"author\": \"alice\", \"content\": \"hi\"}", "alice is not in this DM or group DM");

        var removed = control("POST", "/emulator/users/erin/app", "{\"installed\": false}");
        assertThat(JSON.readTree(removed.body()).path("app_installed").asBoolean()).isFalse();
        assertControlError("/emulator/users/erin/app", "{}", "installed is required");
        assertControlError("/emulator/private-channels", "{\"users\": [\"erin\"]}", "users is required");
    }

    /* ---------------------------------------------------------------- helpers */

    /** What a bot does: answers the next autocomplete with One and Eleven. */
    private void answerNextAutocomplete(RawGatewayClient client) {
        try {
            JsonNode created = client.nextOf(0, "INTERACTION_CREATE", Timeouts.ANSWER).path("d");
            rest("POST",
                    "interactions/" + created.path("id").asString() + "/" + created.path("token").asString()
                            + "/callback",
                    "{\"type\": 8, \"data\": {\"choices\": [{\"name\": \"One\", \"value\": 1}, "
                            + "{\"name\": \"Eleven\", \"value\": 11}]}}");
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private EmulatedInteraction run(EmulatedMessage message) {
        return this.world.as("alice").runsMessageCommand("Idea from this message", message);
    }

    private String commandsPath() {
        return "applications/" + this.world.applicationId() + "/commands";
    }

    private HttpResponse<String> callback(EmulatedInteraction interaction, String json) throws Exception {
        return rest("POST", "interactions/" + Long.toUnsignedString(interaction.id()) + "/" + interaction.token()
                + "/callback?with_response=true", json);
    }

    private HttpResponse<String> rest(String method, String path, @Nullable String body) {
        return send(method, this.discord.restUrl() + path, body);
    }

    private HttpResponse<String> control(String method, String path, @Nullable String body) {
        return send(method, "http://127.0.0.1:" + this.discord.port() + path, body);
    }

    private HttpResponse<String> send(String method, String url, @Nullable String body) {
        try {
            return this.http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bot " + this.discord.token())
                .header("Content-Type", "application/json")
                .method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
                .build(), BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private RawGatewayClient connect() throws Exception {
        RawGatewayClient client = new RawGatewayClient(this.discord.gatewayUrl(), false);
        client.nextOf(10, null, Timeouts.ANSWER);
        client.send("{\"op\":2,\"d\":{\"token\":\"" + this.discord.token() + "\",\"intents\":" + INTENTS
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
        client.nextOf(0, "READY", Timeouts.ANSWER);
        return client;
    }

    private void assertControlError(String path, String body, String message) throws Exception {
        var response = control("POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("message").asString()).contains(message);
    }

    private static void assertRefused(HttpResponse<String> response, String path, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(message);
        JsonNode at = JSON.readTree(response.body()).path("errors");
        for (String key : path.split("\\.")) {
            at = at.path(key);
        }
        assertThat(at.path("_errors").isArray()).as("errors at %s in %s", path, response.body()).isTrue();
    }

    /** The codes of the errors at a dotted path of Discord's errors object. */
    private static List<String> errorCodes(JsonNode errors, String path) {
        JsonNode at = errors;
        for (String key : path.split("\\.")) {
            at = at.path(key);
        }
        return at.path("_errors").findValuesAsString("code");
    }

}
