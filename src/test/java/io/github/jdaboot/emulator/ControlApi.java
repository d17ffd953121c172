package io.github.jdaboot.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The emulator's own HTTP API under {@code /emulator/}, JSON in and out, for browsers and
 * other tools: post as a user, read a channel, run a slash, user or message command, type
 * into an option with autocomplete, set a user's or a guild's locale, inject gateway and
 * REST faults, read counters. Also serves the chat page and message attachments.
 */
final class ControlApi {

    private final DiscordEmulator emulator;

    private final EmulatorWorld world;

    private final World users;

    private final Payloads payloads;

    /** Answers one control request. */
    private interface Handler {

        EmulatorResponse handle(EmulatorRequest request, Map<String, String> variables) throws IOException;

    }

    private final Router<Handler> routes = new Router<>();

    /** The longest a control request waits in real time for what the bot does. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    ControlApi(DiscordEmulator emulator) {
        this.emulator = emulator;
        this.world = emulator.state();
        this.users = emulator.world();
        this.payloads = emulator.payloads();
        route("GET", "/", (request, variables) -> EmulatorResponse.redirect("/emulator/"));
        route("GET", "/emulator", (request, variables) -> EmulatorResponse.redirect("/emulator/"));
        route("GET", "/emulator/", (request, variables) -> resource("index.html"));
        route("GET", "/emulator/{file}.{extension:js|css}",
                (request, variables) -> resource(variables.get("file") + "." + variables.get("extension")));
        route("GET", "/emulator/guilds", (request, variables) -> json(200, guilds()));
        route("GET", "/emulator/users", (request, variables) -> json(200, users()));
        route("POST", "/emulator/users/{name}/locale", (request, variables) -> {
            EmulatedUser user = this.users.user(variables.get("name"));
            this.users.locale(user, localeOf(body(request)));
            return json(200, user(user));
        });
        route("POST", "/emulator/users/{name}/app", (request, variables) -> {
            EmulatedUser user = this.users.user(variables.get("name"));
            JsonNode installed = body(request).path("installed");
            if (!installed.isBoolean()) {
                throw new IllegalArgumentException(
                        "installed is required: true to install the app to the user's account, false to remove it");
            }
            if (installed.booleanValue()) {
                this.users.installApp(user);
            }
            else {
                this.users.uninstallApp(user);
            }
            return json(200, user(user));
        });
        route("GET", "/emulator/private-channels", (request, variables) -> json(200, privateChannels()));
        route("POST", "/emulator/private-channels", (request, variables) -> openPrivateChannel(body(request)));
        route("POST", "/emulator/guilds/{id}/locale", (request, variables) -> {
            EmulatedGuild guild = this.world.guild(snowflake("id", variables.get("id")))
                .orElseThrow(() -> new IllegalArgumentException("Unknown guild " + variables.get("id")));
            this.users.locale(guild, localeOf(body(request)));
            return json(200, guild(guild));
        });
        route("GET", "/emulator/messages", (request, variables) -> json(200, messages(request)));
        route("POST", "/emulator/messages", (request, variables) -> postMessage(body(request)));
        route("GET", "/emulator/commands", (request, variables) -> json(200, commands()));
        route("POST", "/emulator/messages/{id}/votes",
                (request, variables) -> vote(variables.get("id"), body(request)));
        route("DELETE", "/emulator/messages/{id}/votes",
                (request, variables) -> removeVotes(variables.get("id"), request.queryParam("user").orElse("")));
        route("POST", "/emulator/interactions", (request, variables) -> interact(body(request)));
        route("GET", "/emulator/interactions/{id}",
                (request, variables) -> json(200, interaction(this.world
                    .interaction(snowflake("id", variables.get("id")))
                    .orElseThrow(() -> new IllegalArgumentException("Unknown interaction " + variables.get("id"))))));
        route("POST", "/emulator/gateway/close", (request, variables) -> {
            int code = body(request).path("code").asInt(4000);
            if (code == 1006) {
                this.emulator.gateway().drop();
            }
            else {
                this.emulator.gateway().close(code);
            }
            return EmulatorResponse.noContent();
        });
        route("POST", "/emulator/gateway/reconnect", (request, variables) -> {
            this.emulator.gateway().requestReconnect();
            return EmulatorResponse.noContent();
        });
        route("POST", "/emulator/gateway/invalidate-session", (request, variables) -> {
            this.emulator.gateway().invalidateSession(body(request).path("resumable").asBoolean(false));
            return EmulatorResponse.noContent();
        });
        route("POST", "/emulator/gateway/heartbeat-acks", (request, variables) -> {
            this.emulator.gateway().acknowledgeHeartbeats(body(request).path("enabled").asBoolean(true));
            return EmulatorResponse.noContent();
        });
        route("POST", "/emulator/rest/faults", (request, variables) -> fault(body(request)));
        route("POST", "/emulator/rest/rate-limits", (request, variables) -> {
            this.emulator.rest().rateLimits(body(request).path("enabled").asBoolean(true));
            return EmulatorResponse.noContent();
        });
        route("GET", "/emulator/skus", (request, variables) -> json(200, skus()));
        route("GET", "/emulator/entitlements", (request, variables) -> json(200, entitlements(request)));
        route("POST", "/emulator/entitlements", (request, variables) -> buy(body(request)));
        route("DELETE", "/emulator/entitlements/{id}",
                (request, variables) -> json(200, entitlement(this.users.revoke(entitlement(variables.get("id"))))));
        route("POST", "/emulator/entitlements/{id}/end", (request, variables) -> json(200,
                entitlement(this.users.endSubscription(entitlement(variables.get("id"))))));
        route("GET", "/emulator/status", (request, variables) -> json(200, status()));
        route("GET", "/attachments/{channel_id}/{attachment_id}/{filename}", this::attachment);
        route("GET", "/emojis/{emoji_id}.{extension:png|gif|webp|jpg}", this::emoji);
    }

    private void route(String method, String template, Handler handler) {
        this.routes.add(method, template, handler);
    }

    EmulatorResponse handle(EmulatorRequest request) {
        Router.Match<Handler> match = this.routes.match(request.method(), request.path());
        if (match.route() == null) {
            return json(match.pathKnown() ? 405 : 404,
                    error("No such emulator route: " + request.method() + " " + request.path()));
        }
        try {
            return match.route().target().handle(request, match.variables());
        }
        catch (IllegalArgumentException | IllegalStateException | ClassCastException ex) {
            return json(400, error(ex.getMessage()));
        }
        catch (JacksonException ex) {
            return json(400, error("Malformed JSON: " + ex.getOriginalMessage()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private JsonNode body(EmulatorRequest request) {
        String text = request.bodyText();
        JsonNode body = text.isBlank() ? this.payloads.object() : this.world.json().readTree(text);
        if (!body.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object, not " + body.getNodeType());
        }
        return body;
    }

    /**
     * A string field of a JSON body (numbers and booleans as their text), null when
     * absent.
     */
    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + " must be a string, not " + value);
        }
        return value.asString();
    }

    /** A whole-number field of a JSON body, the fallback when absent. */
    private static int integer(JsonNode body, String field, int fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number, not " + value);
        }
        return value.intValue();
    }

    private static long snowflake(String field, String id) {
        try {
            return Long.parseUnsignedLong(id);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    field + " must be a snowflake id such as \"1234567890\", not \"" + id + "\"");
        }
    }

    private static EmulatorResponse json(int status, JsonNode json) {
        return EmulatorResponse.json(status, json.toString()).withHeader("Cache-Control", "no-store");
    }

    private ObjectNode error(String message) {
        ObjectNode json = this.payloads.object();
        json.put("message", message);
        return json;
    }

    private EmulatorResponse resource(String name) throws IOException {
        try (InputStream in = ControlApi.class.getResourceAsStream("/emulator/" + name)) {
            if (in == null) {
                return json(404, error("No such file: " + name));
            }
            MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
            return EmulatorResponse.of(200, type + ";charset=utf-8", in.readAllBytes())
                .withHeader("Cache-Control", "no-store");
        }
    }

    private ArrayNode guilds() {
        ArrayNode array = this.payloads.array();
        this.world.guilds().forEach((guild) -> array.add(guild(guild)));
        return array;
    }

    /** A guild with its {@code preferred_locale}, channels and roles. */
    private ObjectNode guild(EmulatedGuild guild) {
        ObjectNode json = this.payloads.object();
        json.put("id", guild.idString());
        json.put("name", guild.name());
        json.put("preferred_locale", guild.preferredLocale());
        ArrayNode channels = json.putArray("channels");
        guild.channels().forEach((channel) -> channels.add(this.payloads.channel(channel)));
        ArrayNode roles = json.putArray("roles");
        guild.roles().forEach((role) -> roles.add(this.payloads.role(role, guild.id())));
        return json;
    }

    /** The application's SKUs, with the price Discord's client shows. */
    private ArrayNode skus() {
        ArrayNode skus = this.payloads.array();
        for (EmulatedSku sku : this.users.skus()) {
            ObjectNode json = skus.addObject();
            json.put("id", sku.idString());
            json.put("name", sku.name());
            json.put("type", sku.type());
            json.put("slug", sku.slug());
            json.put("flags", sku.flags());
            json.put("price", sku.price());
        }
        return skus;
    }

    /** Every entitlement, or with {@code ?user=alice} that user's, and whether active. */
    private ArrayNode entitlements(EmulatorRequest request) {
        // a name the emulator does not know has none (and is not made a user by asking)
        String name = request.queryParam("user").orElse(null);
        ArrayNode entitlements = this.payloads.array();
        this.users.entitlements()
            .stream()
            .filter((entitlement) -> name == null || this.users.user(entitlement.userId())
                .map((user) -> user.username().equalsIgnoreCase(name))
                .orElse(false))
            .forEach((entitlement) -> entitlements.add(entitlement(entitlement)));
        return entitlements;
    }

    private ObjectNode entitlement(EmulatedEntitlement entitlement) {
        ObjectNode json = this.payloads.object();
        json.put("id", entitlement.idString());
        json.put("sku_id", Long.toUnsignedString(entitlement.skuId()));
        json.put("user", this.users.user(entitlement.userId()).map(EmulatedUser::username).orElse(null));
        json.put("guild_id", (entitlement.guildId() != 0) ? Long.toUnsignedString(entitlement.guildId()) : null);
        json.put("type", entitlement.type());
        json.put("consumed", entitlement.consumed());
        json.put("deleted", entitlement.deleted());
        json.put("test", entitlement.test());
        json.put("ends_at", (entitlement.endsAt() != null) ? entitlement.endsAt().toString() : null);
        json.put("active", entitlement.isActive(this.world.now()));
        return json;
    }

    /**
     * {@code {"user": "alice", "sku_id": "…"}}: the user buys the SKU, as through
     * Discord's purchase dialog (a guild subscription for {@code guild_id}, else the
     * first guild).
     */
    private EmulatorResponse buy(JsonNode body) {
        String skuId = body.path("sku_id").asString("");
        EmulatedSku sku = this.users.skus()
            .stream()
            .filter((candidate) -> candidate.idString().equals(skuId))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown SKU " + skuId));
        EmulatedUser user = this.users.user(body.path("user").asString("alice"));
        EmulatedEntitlement bought = body.hasNonNull("guild_id")
                ? this.users.as(user)
                    .buys(sku,
                            this.world.guild(snowflake("guild_id", body.path("guild_id").asString()))
                                .orElseThrow(() -> new IllegalArgumentException("Unknown guild")))
                : this.users.as(user).buys(sku);
        return json(201, entitlement(bought));
    }

    private EmulatedEntitlement entitlement(String id) {
        return this.users.entitlement(snowflake("id", id))
            .orElseThrow(() -> new IllegalArgumentException("Unknown entitlement " + id));
    }

    private ArrayNode users() {
        ArrayNode array = this.payloads.array();
        this.world.users().forEach((user) -> array.add(user(user)));
        return array;
    }

    /**
     * A user as Discord describes one, with the {@code locale} set in their client and
     * whether they installed the app to their account ({@code app_installed}).
     */
    private ObjectNode user(EmulatedUser user) {
        return this.payloads.user(user)
            .put("locale", this.users.locale(user))
            .put("app_installed", this.users.hasInstalledApp(user));
    }

    /**
     * The DMs between users and the group DMs, the bot in none of them, each as Discord
     * describes a private channel with all its {@code recipients}.
     */
    private ArrayNode privateChannels() {
        ArrayNode array = this.payloads.array();
        this.users.privateChannels().forEach((channel) -> array.add(this.payloads.privateChannel(channel, null)));
        return array;
    }

    /**
     * Opens a DM between two users ({@code {"users": ["alice", "bob"]}}, the one they
     * have if any) or a new group DM ({@code {"users": ["alice", "bob", "carol"], "name":
     * "Weekend plans"}}, owned by the first), users created on first use.
     */
    private EmulatorResponse openPrivateChannel(JsonNode body) {
        JsonNode names = body.path("users");
        List<EmulatedUser> members = new ArrayList<>();
        for (JsonNode name : names) {
            if (!name.isString() || name.stringValue().isBlank()) {
                throw new IllegalArgumentException("users must be user names, not " + name);
            }
            members.add(this.users.user(name.stringValue().strip()));
        }
        if (!names.isArray() || members.size() < 2) {
            throw new IllegalArgumentException(
                    "users is required: two user names for a DM, 2 to 10 for a group DM, e.g. [\"alice\", \"bob\"]");
        }
        String name = text(body, "name");
        EmulatedChannel channel = (name == null && members.size() == 2)
                ? this.users.directChannel(members.get(0), members.get(1))
                : this.users.groupChannel(
                        Objects.requireNonNullElseGet(name,
                                () -> members.stream().map(EmulatedUser::username).collect(Collectors.joining(", "))),
                        members.getFirst(), members.subList(1, members.size()).toArray(EmulatedUser[]::new));
        return json(201, this.payloads.privateChannel(channel, null));
    }

    private static String localeOf(JsonNode body) {
        return EmulatorWorld.checkedLocale(required(body, "locale", "one of Discord's locales, e.g. \"de\""));
    }

    private ArrayNode messages(EmulatorRequest request) {
        EmulatedChannel channel = request.queryParam("channel_id")
            .map((id) -> this.world.channel(snowflake("channel_id", id))
                .orElseThrow(() -> new IllegalArgumentException("Unknown channel " + id)))
            .orElseGet(this::defaultChannel);
        long after = request.queryParam("after").map((id) -> snowflake("after", id)).orElse(0L);
        ArrayNode array = this.payloads.array();
        for (EmulatedMessage message : this.world.messages(channel.id())) {
            if (Long.compareUnsigned(message.id(), after) > 0) {
                array.add(this.payloads.message(message, false));
            }
        }
        return array;
    }

    private EmulatedChannel defaultChannel() {
        EmulatedChannel channel = this.world.firstTextChannel();
        if (channel == null) {
            throw new IllegalStateException("The emulator has no text channel");
        }
        return channel;
    }

    private EmulatedChannel channel(JsonNode body) {
        String id = text(body, "channel_id");
        if (id == null) {
            return defaultChannel();
        }
        return this.world.channel(snowflake("channel_id", id))
            .orElseThrow(() -> new IllegalArgumentException("Unknown channel " + id));
    }

    private EmulatedUser user(JsonNode body, String field) {
        String name = text(body, field);
        if (name == null || name.isBlank()) {
            name = "alice";
        }
        return this.users.user(name.strip());
    }

    private EmulatorResponse postMessage(JsonNode body) {
        String content = text(body, "content");
        if (content == null) {
            throw new IllegalArgumentException("content is required");
        }
        EmulatedChannel channel = channel(body);
        EmulatedUser author = user(body, "author");
        if (channel.isPrivate() && !channel.members().contains(author.id())) {
            throw new IllegalArgumentException(author.username() + " is not in this DM or group DM");
        }
        EmulatedMessage message = channel.isDirect()
                ? this.users.as(author).says(this.world.directChannel(author), content)
                : this.users.as(author).says(channel, content);
        return json(201, this.payloads.message(message, false));
    }

    /**
     * A user votes in a message's poll: {@code {"user": "bob", "answer_ids": [1, 3]}}, as
     * Discord's client sends them, all at once. Answers 200 with the message and the
     * poll's counts; what Discord would refuse (no poll, an answer it does not have, the
     * poll ended, several answers to a poll of one, a second vote) gets Discord's error.
     */
    private EmulatorResponse vote(String messageId, JsonNode body) {
        EmulatedMessage message = pollMessage(messageId);
        JsonNode answers = body.path("answer_ids");
        List<Integer> ids = new ArrayList<>();
        for (JsonNode answer : answers) {
            if (!answer.isIntegralNumber() || !answer.canConvertToInt()) {
                ids = null;
                break;
            }
            ids.add(answer.intValue());
        }
        if (!answers.isArray() || ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException(
                    "answer_ids must be a non-empty array of the answers' ids, from 1, e.g. [1], not " + answers);
        }
        try {
            this.users.as(user(body, "user")).votes(message, ids.stream().mapToInt(Integer::intValue).toArray());
        }
        catch (InteractionRejectedException rejected) {
            return json(rejected.status(), rejected.body());
        }
        return json(200, this.payloads.message(pollMessage(messageId), false));
    }

    /**
     * A user ({@code ?user=bob}) takes back their votes in a message's poll; answers 200
     * with the message.
     */
    private EmulatorResponse removeVotes(String messageId, String user) {
        EmulatedMessage message = pollMessage(messageId);
        if (user.isBlank()) {
            throw new IllegalArgumentException("user is required: the name of the user whose votes to take back");
        }
        try {
            this.users.as(this.users.user(user.strip())).removesVote(message);
        }
        catch (InteractionRejectedException rejected) {
            return json(rejected.status(), rejected.body());
        }
        return json(200, this.payloads.message(pollMessage(messageId), false));
    }

    private EmulatedMessage pollMessage(String messageId) {
        return this.world.message(snowflake("id", messageId))
            .orElseThrow(() -> new IllegalArgumentException("Unknown message " + messageId));
    }

    private ArrayNode commands() {
        ArrayNode array = this.payloads.array();
        this.users.commands(0).forEach((command) -> array.add(command.definition()));
        for (EmulatedGuild guild : this.world.guilds()) {
            this.users.commands(guild.id()).forEach((command) -> array.add(command.definition()));
        }
        return array;
    }

    /**
     * A user interacts; {@code type} is {@code command} (the default),
     * {@code autocomplete}, {@code user_command}, {@code message_command},
     * {@code component} or {@code modal}:
     * <ul>
     * <li>{@code {"command": "tag add", "options": {"name": "x"}, "channel_id": "...",
     * "user": "alice"}} runs a slash command. Option values are JSON strings, numbers or
     * booleans (null leaves an option out), typed by the registered option as Discord's
     * client types what a user enters: {@code "6"} for an integer, {@code "true"} for a
     * boolean, a choice's name for its value, {@code "@bob"} for a user,
     * {@code "#general"} for a channel, {@code "@&Moderators"} or {@code "Moderators"}
     * for a role (see {@link CommandInput}).</li>
     * <li>{@code {"type": "autocomplete", "command": "idea", "option": "topic", "value":
     * "ga", "options": {...}}} types {@code value} into an option registered with
     * autocomplete, with the other options given so far, and answers 200 with the bot's
     * {@code choices} ({@code [{"name", "value"}]}), waiting for them as Discord does, 3
     * seconds; empty when the bot does not answer in time.</li>
     * <li>{@code {"type": "user_command", "name": "Show Ideas", "target_id": "<user
     * id>"}} and {@code {"type": "message_command", "name": "Idea from this message",
     * "target_id": "<message id>"}} run a context menu command on a user (in
     * {@code channel_id} or the first text channel) or a message (in its channel).</li>
     * <li>{@code {"type": "component", "message_id": "...", "custom_id": "...", "values":
     * ["a"], "user": "alice"}} clicks a button, or with {@code values} picks in a
     * select.</li>
     * <li>{@code {"type": "modal", "custom_id": "...", "fields": {"name": "text",
     * "topic": "game", "credit": true, "days": ["mon", "fri"]}, "files": {"sketch":
     * [{"filename": "a.png", "content_type": "image/png", "data": "<base64>"}]}, "user":
     * "alice"}} submits the latest modal with that custom id the bot opened for the user:
     * each field's answer by its custom id (a text, a radio group's value, a checkbox's
     * boolean, a select's or checkbox group's values as an array or separated by commas),
     * and the files uploaded in its file uploads.</li>
     * </ul>
     * Input Discord would refuse answers with Discord's error body: 400 with code 50035
     * and {@code errors} naming the field, 404 with code 10063 for a command the bot has
     * not registered (listing those it has) or 10008 for a message that is gone. Success
     * answers 201 with {@code {"id", "type", ...}}.
     */
    private EmulatorResponse interact(JsonNode body) {
        String type = Objects.requireNonNullElse(text(body, "type"), "command");
        EmulatedUser user = user(body, "user");
        EmulatedInteraction interaction;
        try {
            interaction = switch (type) {
                case "command" -> this.users.as(user).runs(slashCommand(body));
                case "autocomplete" -> this.users.as(user)
                    .autocompletes(slashCommand(body), required(body, "option", "the name of the option being typed"),
                            Objects.requireNonNullElse(text(body, "value"), ""));
                case "user_command" ->
                    this.users.as(user).runsUserCommand(commandName(body), targetUser(body), channel(body));
                case "message_command" ->
                    this.users.as(user).runsMessageCommand(commandName(body), targetMessage(body));
                case "component" -> {
                    String messageId = required(body, "message_id", "the id of the bot's message with the component");
                    EmulatedMessage message = this.world.message(snowflake("message_id", messageId))
                        .orElseThrow(() -> new IllegalArgumentException("Unknown message " + messageId));
                    String customId = required(body, "custom_id", "the custom id of the button or select");
                    yield body.has("values")
                            ? this.users.as(user).selects(message, customId, strings(body).toArray(String[]::new))
                            : this.users.as(user).clicks(message, customId);
                }
                case "modal" -> {
                    String customId = required(body, "custom_id", "the custom id of the modal the bot opened");
                    EmulatedModal modal = this.emulator.interactions()
                        .openModal(user, customId)
                        .orElseThrow(() -> new IllegalArgumentException("The bot opened no modal " + customId + " for "
                                + user.username() + " that is still open"));
                    JsonNode fields = body.path("fields");
                    if (!fields.isMissingNode() && !fields.isObject()) {
                        throw new IllegalArgumentException("fields must be an object of field custom ids to text, "
                                + "e.g. {\"idea\": \"more tests\"}, not " + fields);
                    }
                    Map<String, Object> values = new LinkedHashMap<>();
                    fields.properties().forEach((entry) -> values.put(entry.getKey(), answer(entry.getValue())));
                    body.path("files")
                        .properties()
                        .forEach((entry) -> values.put(entry.getKey(), files(entry.getKey(), entry.getValue())));
                    yield this.users.as(user).submits(modal, values);
                }
                default -> throw new IllegalArgumentException("type must be command, autocomplete, user_command, "
                        + "message_command, component or modal, not " + type);
            };
        }
        catch (InteractionRejectedException rejected) {
            return json(rejected.status(), rejected.body());
        }
        if (interaction.type() == EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE) {
            awaitChoices(interaction);
            return json(200, interaction(interaction));
        }
        return json(201, interaction(interaction));
    }

    /**
     * Waits, as Discord's client does, until the bot answers an autocomplete or its 3 s
     * are up by the emulator's clock (woken then by the clock, so a test's
     * {@link ManualClock} decides when); at most {@link #LONGEST_WAIT} in real time, in
     * case nobody moves a manual clock on.
     */
    private void awaitChoices(EmulatedInteraction interaction) {
        Duration deadline = InteractionCallbacks.CALLBACK_DEADLINE;
        this.world.clock().schedule(deadline.minus(interaction.age()), this.world::changed);
        this.world.await(() -> interaction.callbackType() != 0 || interaction.age().compareTo(deadline) >= 0,
                LONGEST_WAIT);
    }

    private SlashCommand slashCommand(JsonNode body) {
        String command = required(body, "command", "the command, e.g. \"idea\" or \"tag add\"");
        String[] path = command.strip().replaceFirst("^/", "").split("\\s+");
        SlashCommand slash = SlashCommand.of(path[0], List.of(path).subList(1, path.length).toArray(String[]::new))
            .in(channel(body));
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isNull() && !options.isObject()) {
            throw new IllegalArgumentException(
                    "options must be an object of option names to values, e.g. " + "{\"sides\": 6}, not " + options);
        }
        options.properties()
            .forEach((entry) -> slash.option(entry.getKey(), optionValue(entry.getKey(), entry.getValue())));
        return slash;
    }

    private static String commandName(JsonNode body) {
        return required(body, "name", "the command's name, e.g. \"Show Ideas\"");
    }

    private EmulatedUser targetUser(JsonNode body) {
        String id = required(body, "target_id", "the id of the user the command is for");
        return this.world.user(snowflake("target_id", id))
            .orElseThrow(() -> new IllegalArgumentException("Unknown user " + id));
    }

    /**
     * The message a message command is run on; {@code channel_id}, if given, must be its
     * channel.
     */
    private EmulatedMessage targetMessage(JsonNode body) {
        String id = required(body, "target_id", "the id of the message the command is for");
        EmulatedMessage message = this.world.message(snowflake("target_id", id))
            .orElseThrow(() -> new IllegalArgumentException("Unknown message " + id));
        String channelId = text(body, "channel_id");
        if (channelId != null && !channelId.equals(Payloads.id(message.channelId()))) {
            throw new IllegalArgumentException(
                    "The message " + id + " is in channel " + Payloads.id(message.channelId()) + ", not " + channelId);
        }
        return message;
    }

    /**
     * An interaction and what the bot did about it: {@code id}, {@code type} (2 command,
     * 3 component, 4 autocomplete, 5 modal), {@code user}, {@code channel_id},
     * {@code command} with its {@code command_type} (1 slash, 2 user, 3 message) and the
     * {@code target_id} of a user or message command, or {@code custom_id},
     * {@code message_id} of the message with the component, {@code callback_type} (0
     * while unanswered), the {@code modal} the bot opened as it sent it, the
     * {@code choices} it suggested for an autocomplete, and {@code response_message_id}.
     */
    private ObjectNode interaction(EmulatedInteraction interaction) {
        ObjectNode json = this.payloads.object();
        json.put("id", Payloads.id(interaction.id()));
        json.put("type", interaction.type());
        json.put("user", interaction.user().username());
        json.put("channel_id", interaction.channel().idString());
        if (interaction.commandName() != null) {
            json.put("command", interaction.commandName());
            json.put("command_type", interaction.commandType());
        }
        else {
            json.put("custom_id", interaction.customId());
        }
        if (interaction.targetId() != 0) {
            json.put("target_id", Payloads.id(interaction.targetId()));
        }
        interaction.message().ifPresent((message) -> json.put("message_id", message.idString()));
        json.put("callback_type", interaction.callbackType());
        interaction.modal().ifPresent((modal) -> json.set("modal", modal.json()));
        if (interaction.type() == EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE) {
            ArrayNode choices = json.putArray("choices");
            interaction.choices()
                .forEach((choice) -> choices.addObject()
                    .put("name", choice.name())
                    .set("value", this.world.json().valueToTree(choice.value())));
        }
        if (interaction.originalMessageId() != 0) {
            json.put("response_message_id", Payloads.id(interaction.originalMessageId()));
        }
        return json;
    }

    private static String required(JsonNode body, String field, String what) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required: " + what);
        }
        return value;
    }

    /**
     * The {@code values} of a pick: an array of strings (numbers taken as their text).
     */
    private static List<String> strings(JsonNode body) {
        JsonNode array = body.path("values");
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add((value.isValueNode() && !value.isNull()) ? value.asString() : null);
        }
        if (!array.isArray() || values.contains(null)) {
            throw new IllegalArgumentException("values must be an array of strings, e.g. [\"red\"], not " + array);
        }
        return values;
    }

    /** A JSON option value as given; its type comes from the registered option. */
    private static @Nullable Object optionValue(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isString()) {
            return value.stringValue();
        }
        throw new IllegalArgumentException("options." + name + " must be a string, number or boolean, not " + value);
    }

    private EmulatorResponse fault(JsonNode body) {
        String route = text(body, "route");
        if (route == null || !route.matches("[A-Z]+ /\\S+")) {
            throw new IllegalArgumentException("route is required, e.g. \"POST /channels/{channel_id}/messages\"");
        }
        int status = integer(body, "status", 429);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status, 400 to 599, not " + status);
        }
        int count = integer(body, "count", 1);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        if (status == 429) {
            JsonNode retryAfter = body.path("retry_after");
            if (!retryAfter.isMissingNode() && !(retryAfter.isNumber() && retryAfter.asDouble() >= 0
                    && Double.isFinite(retryAfter.asDouble()))) {
                throw new IllegalArgumentException("retry_after must be a number of seconds, not " + retryAfter);
            }
            String scope = Objects.requireNonNullElse(text(body, "scope"), "user");
            if (!List.of("user", "global", "shared").contains(scope)) {
                throw new IllegalArgumentException("scope must be user, global or shared, not " + scope);
            }
            this.emulator.rest()
                .rateLimitNext(route, count, Duration.ofMillis((long) (retryAfter.asDouble(1) * 1000)), scope);
        }
        else {
            this.emulator.rest().failNext(route, count, status);
        }
        return EmulatorResponse.noContent();
    }

    private ObjectNode status() {
        ObjectNode json = this.payloads.object();
        ObjectNode gateway = json.putObject("gateway");
        gateway.put("open_connections", this.emulator.gateway().openConnections());
        gateway.put("live_session", this.emulator.gateway().hasLiveSession());
        gateway.put("identifies", this.emulator.gateway().identifyCount());
        gateway.put("resumes", this.emulator.gateway().resumeCount());
        gateway.put("heartbeats", this.emulator.gateway().heartbeatCount());
        gateway.put("heartbeat_interval_ms", this.emulator.gateway().heartbeatInterval().toMillis());
        ObjectNode rest = json.putObject("rest");
        rest.put("requests", this.emulator.rest().requests().size());
        rest.put("rate_limited", this.emulator.rest().rateLimitedRequests());
        rest.put("rate_limit_violations", this.emulator.rest().rateLimitViolations());
        json.put("messages", this.world.allMessages().size());
        // every TCP connection accepted so far, this status request's own included
        json.put("tcp_connections", this.emulator.acceptedConnections());
        json.set("bot", this.payloads.user(this.world.botUser()));
        return json;
    }

    /** A field's answer as JSON gives it: a text, a boolean, or a list of texts. */
    private static Object answer(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach((item) -> values.add(item.asString("")));
            return values;
        }
        return value.isNull() ? "" : value.asString("");
    }

    /** The files picked for a file upload: name, media type and base64 content each. */
    private List<EmulatedMessage.EmulatedAttachment> files(String field, JsonNode files) {
        if (!files.isArray()) {
            throw new IllegalArgumentException(
                    "files." + field + " must be an array of {filename, content_type, data}");
        }
        List<EmulatedMessage.EmulatedAttachment> picked = new ArrayList<>();
        for (JsonNode file : files) {
            byte[] data;
            try {
                data = Base64.getDecoder().decode(file.path("data").asString(""));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("files." + field + ": data must be base64", ex);
            }
            picked.add(this.users.file(required(file, "filename", "the file's name"),
                    Objects.requireNonNullElse(text(file, "content_type"), "application/octet-stream"), data));
        }
        return picked;
    }

    private EmulatorResponse attachment(EmulatorRequest request, Map<String, String> variables) {
        long channelId;
        long attachmentId;
        try {
            channelId = Long.parseUnsignedLong(variables.get("channel_id"));
            attachmentId = Long.parseUnsignedLong(variables.get("attachment_id"));
        }
        catch (NumberFormatException ex) {
            return json(404, error("no such attachment"));
        }
        for (EmulatedMessage message : this.world.messages(channelId)) {
            for (EmulatedMessage.EmulatedAttachment attachment : message.attachments()) {
                if (attachment.id() == attachmentId) {
                    return file(attachment);
                }
            }
        }
        // a file uploaded in a form
        return this.world.upload(attachmentId)
            .map(ControlApi::file)
            .orElseGet(() -> json(404, error("no such attachment")));
    }

    private static EmulatorResponse file(EmulatedMessage.EmulatedAttachment attachment) {
        String type = (attachment.contentType() != null) ? attachment.contentType() : "application/octet-stream";
        return EmulatorResponse.of(200, type, attachment.data());
    }

    /**
     * An application emoji's image, as Discord's CDN serves it: in the format it was
     * uploaded in, whichever extension is asked for.
     */
    private EmulatorResponse emoji(EmulatorRequest request, Map<String, String> variables) {
        long id;
        try {
            id = Long.parseUnsignedLong(variables.get("emoji_id"));
        }
        catch (NumberFormatException ex) {
            return json(404, error("no such emoji"));
        }
        return this.world.applicationEmoji(id)
            .map((emoji) -> EmulatorResponse.of(200, emoji.contentType(), emoji.image()))
            .orElseGet(() -> json(404, error("no such emoji")));
    }

}
