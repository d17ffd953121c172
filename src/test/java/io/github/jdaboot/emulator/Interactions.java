package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application commands and interactions as Discord runs them: the command registry (global and per
 * guild, bulk overwrite), INTERACTION_CREATE for a slash command a user runs, a component a user clicks or
 * picks in and a modal a user submits, the callback with its 3-second deadline, and follow-up and
 * original-response webhooks valid for 15 minutes (after an update, the original is the message with the
 * component).
 */
final class Interactions {

    static final Duration CALLBACK_DEADLINE = Duration.ofSeconds(3);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final RateLimits.Limit COMMAND_WRITES = new RateLimits.Limit(10, Duration.ofSeconds(20));
    private static final RateLimits.Limit INTERACTION = new RateLimits.Limit(50, Duration.ofSeconds(1));

    private final EmulatorWorld world;
    private final Payloads payloads;
    private final Messaging messaging;
    private final Gateway gateway;
    private final Map<Long, List<RegisteredCommand>> commands = new ConcurrentHashMap<>();
    private final Map<String, EmulatedInteraction> byToken = new ConcurrentHashMap<>();
    private final AtomicInteger commandWrites = new AtomicInteger();

    Interactions(EmulatorWorld world, Payloads payloads, Messaging messaging, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.messaging = messaging;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        api.route("GET", "applications/{application_id}/commands", DiscordRoutes.DEFAULT, true,
                (request, params) -> list(application(params, 0)));
        api.route("PUT", "applications/{application_id}/commands", COMMAND_WRITES, true,
                (request, params) -> overwrite(application(params, 0), request));
        api.route("POST", "applications/{application_id}/commands", COMMAND_WRITES, true,
                (request, params) -> upsert(application(params, 0), request));
        api.route("GET", "applications/{application_id}/guilds/{guild_id}/commands", DiscordRoutes.DEFAULT, true,
                (request, params) -> list(application(params, guild(params))));
        api.route("PUT", "applications/{application_id}/guilds/{guild_id}/commands", COMMAND_WRITES, true,
                (request, params) -> overwrite(application(params, guild(params)), request));
        api.route("POST", "applications/{application_id}/guilds/{guild_id}/commands", COMMAND_WRITES, true,
                (request, params) -> upsert(application(params, guild(params)), request));
        api.route("POST", "interactions/{interaction_id}/{interaction_token}/callback", INTERACTION, false,
                this::callback);
        api.route("POST", "webhooks/{application_id}/{interaction_token}", INTERACTION, false, this::followUp);
        api.route("GET", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", INTERACTION, false,
                (request, params) -> DiscordRoutes.ok(this.payloads.message(webhookMessage(params), false)));
        api.route("PATCH", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", INTERACTION, false,
                this::editWebhookMessage);
        api.route("DELETE", "webhooks/{application_id}/{interaction_token}/messages/{message_id}", INTERACTION, false,
                (request, params) -> {
                    this.world.remove(webhookMessage(params));
                    return HttpResponse.noContent();
                });
    }

    /* ---------------------------------------------------------------- commands */

    List<RegisteredCommand> commands(long guildId) {
        return List.copyOf(this.commands.getOrDefault(guildId, List.of()));
    }

    /** How many write requests (PUT/POST) the bot made to the command routes. */
    int commandWrites() {
        return this.commandWrites.get();
    }

    private long application(Map<String, String> params, long scope) {
        if (DiscordRoutes.id(params, "application_id") != this.world.applicationId()) {
            throw RestApi.DiscordError.unknown("Application", 10002);
        }
        return scope;
    }

    private long guild(Map<String, String> params) {
        long guildId = DiscordRoutes.id(params, "guild_id");
        this.world.guild(guildId).orElseThrow(() -> new RestApi.DiscordError(403, 50001, "Missing Access"));
        return guildId;
    }

    private HttpResponse list(long scope) {
        ArrayNode array = this.payloads.array();
        commands(scope).forEach((command) -> array.add(command.definition()));
        return DiscordRoutes.ok(array);
    }

    private HttpResponse overwrite(long scope, HttpRequest request) {
        this.commandWrites.incrementAndGet();
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (!body.isArray()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: expected an array of commands");
        }
        if (body.size() > 100) {
            throw new RestApi.DiscordError(400, 30032, "Maximum number of application commands reached (100)");
        }
        List<RegisteredCommand> previous = commands(scope);
        List<RegisteredCommand> next = new ArrayList<>();
        for (JsonNode definition : body) {
            String name = definition.path("name").asString("");
            int type = definition.path("type").asInt(1);
            RegisteredCommand existing = previous.stream()
                .filter((c) -> c.name().equals(name) && c.definition().path("type").asInt(1) == type)
                .findFirst()
                .orElse(null);
            next.add(stored(scope, definition, (existing != null) ? existing.id() : this.world.nextId()));
        }
        this.commands.put(scope, List.copyOf(next));
        return list(scope);
    }

    private HttpResponse upsert(long scope, HttpRequest request) {
        this.commandWrites.incrementAndGet();
        JsonNode definition = DiscordRoutes.json(request.bodyText(), this.world);
        String name = definition.path("name").asString("");
        List<RegisteredCommand> next = new ArrayList<>(commands(scope));
        RegisteredCommand existing = next.stream().filter((c) -> c.name().equals(name)).findFirst().orElse(null);
        RegisteredCommand command = stored(scope, definition, (existing != null) ? existing.id() : this.world.nextId());
        next.removeIf((c) -> c.name().equals(name));
        next.add(command);
        this.commands.put(scope, List.copyOf(next));
        return HttpResponse.json((existing != null) ? 200 : 201, command.definition().toString());
    }

    private RegisteredCommand stored(long scope, JsonNode definition, long id) {
        validate(definition);
        ObjectNode json = (ObjectNode) definition.deepCopy();
        json.put("id", Payloads.id(id));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("version", Payloads.id(this.world.nextId()));
        if (!json.has("type")) {
            json.put("type", 1);
        }
        if (scope != 0) {
            json.put("guild_id", Payloads.id(scope));
        }
        if (!json.has("default_member_permissions")) {
            json.putNull("default_member_permissions");
        }
        if (!json.has("nsfw")) {
            json.put("nsfw", false);
        }
        if (!json.has("options")) {
            json.putArray("options");
        }
        if (!json.has("contexts")) {
            json.putNull("contexts");
        }
        if (!json.has("integration_types")) {
            json.putArray("integration_types").add(0);
        }
        return new RegisteredCommand(id, scope, json.path("name").asString(), json.path("description").asString(""),
                json);
    }

    /** Discord's rules for a chat-input command: name 1-32 lower-case characters, description 1-100, 25 options. */
    private static void validate(JsonNode definition) {
        String name = definition.path("name").asString("");
        if (definition.path("type").asInt(1) == 1) {
            if (!name.matches("[-_\\p{L}\\p{N}]{1,32}") || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: name: invalid command name '" + name + "'");
            }
            int description = definition.path("description").asString("").length();
            if (description < 1 || description > 100) {
                throw new RestApi.DiscordError(400, 50035,
                        "Invalid Form Body: description: Must be between 1 and 100 in length.");
            }
        }
        if (definition.path("options").size() > 25) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: options: Must be 25 or fewer in length.");
        }
        for (JsonNode option : definition.path("options")) {
            validate(option);
        }
    }

    /* ---------------------------------------------------------------- invoking */

    EmulatedInteraction invoke(SlashCommand command) {
        EmulatedChannel channel = (command.channel() != null) ? command.channel() : this.world.firstTextChannel();
        if (channel == null) {
            throw new IllegalStateException("No channel to run " + command + " in");
        }
        EmulatedUser user = (command.user() != null) ? command.user()
                : this.world.userNamed("alice").orElseThrow(() -> new IllegalStateException("No user to run " + command));
        RegisteredCommand registered = find(command.path().getFirst(), channel.guildId());
        if (registered == null) {
            throw new InteractionRejectedException(404, InteractionRejectedException.UNKNOWN_COMMAND,
                    "Unknown application command /" + command.path().getFirst() + " (registered: "
                            + names(0) + " globally; " + names(channel.guildId()) + " in the guild)",
                    this.payloads.object());
        }
        List<CommandInput.Option> options = CommandInput.check(registered, command, channel, this.world);
        ObjectNode data = this.payloads.object();
        data.put("id", Payloads.id(registered.id()));
        data.put("name", registered.name());
        data.put("type", 1);
        if (registered.guildId() != 0) {
            data.put("guild_id", Payloads.id(registered.guildId()));
        }
        ObjectNode resolved = this.payloads.object();
        data.set("options", options(options, resolved, this.world.guild(channel.guildId()).orElse(null)));
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return dispatch(EmulatedInteraction.APPLICATION_COMMAND, registered.name(), channel, user, null, null, data);
    }

    /**
     * A user clicks a button ({@code values} null) or picks values in a select of a message; see
     * {@link ComponentInput} for what is checked unless {@code forged}.
     */
    EmulatedInteraction component(EmulatedUser user, EmulatedMessage message, String customId,
            @Nullable List<String> values, boolean forged) {
        EmulatedMessage current = this.world.message(message.id()).orElse(null);
        if (current == null && !forged) {
            throw new InteractionRejectedException(404, 10008, "Unknown Message", this.payloads.object());
        }
        EmulatedMessage on = (current != null) ? current : message;
        EmulatedChannel channel = this.world.channel(on.channelId())
            .orElseThrow(() -> new IllegalArgumentException("No channel " + Payloads.id(on.channelId())));
        ObjectNode data = new ComponentInput(this.world, this.payloads, channel, forged)
            .component(on, customId, values);
        return dispatch(EmulatedInteraction.MESSAGE_COMPONENT, customId, channel, user, on, null, data);
    }

    /**
     * A user submits a modal the bot opened; unless {@code forged}, only the user it was opened for, only once,
     * and with its fields checked (see {@link ComponentInput}).
     */
    EmulatedInteraction submit(EmulatedUser user, EmulatedModal modal, Map<String, String> values, boolean forged) {
        EmulatedInteraction opened = this.world.interaction(modal.interactionId())
            .orElseThrow(() -> new IllegalArgumentException("The bot opened no modal in interaction "
                    + Payloads.id(modal.interactionId())));
        if (!forged && opened.user().id() != user.id()) {
            new FormErrors().add("data.custom_id", "BASE_TYPE_INVALID", "The modal '" + modal.customId()
                    + "' was opened for " + opened.user().username() + ", not " + user.username() + ".").reject();
        }
        if (!forged && submitted(opened)) {
            new FormErrors().add("data.custom_id", "BASE_TYPE_INVALID", "The modal '" + modal.customId()
                    + "' was already submitted.").reject();
        }
        ObjectNode data = new ComponentInput(this.world, this.payloads, opened.channel(), forged).modal(modal, values);
        return dispatch(EmulatedInteraction.MODAL_SUBMIT, modal.customId(), opened.channel(), user,
                opened.message().orElse(null), opened, data);
    }

    /** The latest modal with this custom id the bot opened for the user and that is not submitted yet. */
    Optional<EmulatedModal> openModal(EmulatedUser user, String customId) {
        return this.world.interactions().reversed().stream()
            .filter((interaction) -> interaction.user().id() == user.id() && !submitted(interaction))
            .flatMap((interaction) -> interaction.modal().stream())
            .filter((modal) -> modal.customId().equals(customId))
            .findFirst();
    }

    private boolean submitted(EmulatedInteraction opened) {
        return this.world.interactions().stream().anyMatch((interaction) -> interaction.source() == opened);
    }

    private String names(long scope) {
        List<String> names = commands(scope).stream()
            .filter((command) -> command.definition().path("type").asInt(1) == 1)
            .map((command) -> "/" + command.name())
            .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private @Nullable RegisteredCommand find(String name, long guildId) {
        for (long scope : new long[] { guildId, 0 }) {
            for (RegisteredCommand command : commands(scope)) {
                if (command.name().equals(name) && command.definition().path("type").asInt(1) == 1) {
                    return command;
                }
            }
        }
        return null;
    }

    /**
     * Sends INTERACTION_CREATE: the envelope JDA requires ({@code channel}, {@code context},
     * {@code authorizing_integration_owners}, {@code guild}, the member or user) around the data, and for a
     * component, or a modal opened from one, the whole message the component is on.
     */
    private EmulatedInteraction dispatch(int type, String name, EmulatedChannel channel, EmulatedUser user,
            @Nullable EmulatedMessage message, @Nullable EmulatedInteraction source, ObjectNode data) {
        String token = "aW50ZXJhY3Rpb246" + HexFormat.of().formatHex(randomBytes());
        EmulatedInteraction interaction = new EmulatedInteraction(this.world.nextId(), token, type, name, channel, user,
                (message != null) ? message.id() : 0, source, this.world);
        this.byToken.put(token, interaction);
        this.world.add(interaction);
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElse(null);
        ObjectNode json = this.payloads.object();
        json.put("id", Payloads.id(interaction.id()));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("type", type);
        json.put("token", token);
        json.put("version", 1);
        json.set("data", data);
        if (message != null) {
            json.set("message", this.payloads.message(message, false));
        }
        json.put("channel_id", channel.idString());
        ObjectNode channelJson = this.payloads.channel(channel);
        json.put("locale", "en-US");
        json.putArray("entitlements");
        json.put("attachment_size_limit", 26_214_400);
        json.set("authorizing_integration_owners", this.payloads.owners(channel));
        if (guild != null) {
            long permissions = guild.permissionsOf(user.id());
            channelJson.put("permissions", Long.toString(permissions));
            json.put("guild_id", guild.idString());
            ObjectNode guildJson = json.putObject("guild");
            guildJson.put("id", guild.idString());
            guildJson.put("locale", "en-US");
            guildJson.putArray("features");
            json.put("guild_locale", "en-US");
            ObjectNode member = this.payloads.member(guild, user, true);
            member.put("permissions", Long.toString(permissions));
            json.set("member", member);
            json.put("app_permissions", Long.toString(guild.permissionsOf(this.world.botUser().id())));
            json.put("context", 0);
        }
        else {
            json.set("user", this.payloads.user(user));
            json.put("app_permissions", Long.toString(Permissions.EVERYONE_DEFAULT));
            json.put("context", 1);
        }
        if (channel.isDirect()) {
            // as Discord sends it to the bot: the DM's other party, seen from the user, is the bot
            channelJson.putArray("recipients").add(this.payloads.user(this.world.botUser()));
        }
        json.set("channel", channelJson);
        this.gateway.dispatch(channel.guildId(), "INTERACTION_CREATE", json.toString(), (session) -> true);
        return interaction;
    }

    /** The options array of checked, typed values; fills {@code resolved} with the users, roles, channels, files. */
    private ArrayNode options(List<CommandInput.Option> given, ObjectNode resolved, @Nullable EmulatedGuild guild) {
        ArrayNode options = this.payloads.array();
        for (CommandInput.Option entry : given) {
            ObjectNode option = options.addObject();
            option.put("name", entry.name());
            option.put("type", entry.type());
            if (entry.value() == null) {
                option.set("options", options(entry.options(), resolved, guild));
                continue;
            }
            switch (entry.value()) {
                case String text -> option.put("value", text);
                case Long number -> option.put("value", number);
                case Double number -> option.put("value", number);
                case Boolean flag -> option.put("value", flag);
                case EmulatedUser user -> {
                    option.put("value", user.idString());
                    this.payloads.resolve(resolved, user, guild);
                }
                case EmulatedRole role -> {
                    option.put("value", role.idString());
                    this.payloads.resolve(resolved, role, guild);
                }
                case EmulatedChannel channel -> {
                    option.put("value", channel.idString());
                    this.payloads.resolve(resolved, channel, guild);
                }
                case EmulatedMessage.EmulatedAttachment attachment -> {
                    option.put("value", Payloads.id(attachment.id()));
                    EmulatedMessage holder = new EmulatedMessage(0, 0, 0, this.world.botUser(), "",
                            java.time.Instant.now(), null, 0, false, List.of(), List.of(), List.of(attachment),
                            List.of(), List.of(), 0, null, 0, 0, 0);
                    resolved.withObjectProperty("attachments").set(Payloads.id(attachment.id()),
                            this.payloads.attachment(holder, attachment));
                }
                default -> throw new IllegalStateException("CommandInput typed " + entry.name() + " as "
                        + entry.value().getClass().getSimpleName());
            }
        }
        return options;
    }

    /* ---------------------------------------------------------------- responding */

    private EmulatedInteraction interaction(Map<String, String> params) {
        EmulatedInteraction interaction = this.byToken.get(params.get("interaction_token"));
        if (interaction == null || interaction.age().compareTo(TOKEN_LIFETIME) > 0) {
            throw RestApi.DiscordError.unknown("Webhook", 10015);
        }
        return interaction;
    }

    /**
     * The bot's answer to an interaction, once and within 3 seconds: 4 a message, 5 deferred, 9 a modal (not for
     * a modal submitted), and for a component (or a modal opened from one) 6 deferred update and 7 update of the
     * message with the component. Discord refuses other types with 400, naming the valid ones.
     */
    private HttpResponse callback(HttpRequest request, Map<String, String> params) {
        EmulatedInteraction interaction = this.byToken.get(params.get("interaction_token"));
        if (interaction == null || DiscordRoutes.id(params, "interaction_id") != interaction.id()
                || interaction.age().compareTo(CALLBACK_DEADLINE) > 0) {
            throw RestApi.DiscordError.unknown("interaction", 10062);
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        int type = body.json().path("type").asInt(0);
        JsonNode data = body.json().path("data").isObject() ? body.json().path("data") : this.payloads.object();
        EmulatedMessage original = null;
        EmulatedModal modal = null;
        synchronized (interaction) {
            if (interaction.callbackType() != 0) {
                throw new RestApi.DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }
            List<Integer> allowed = callbackTypes(interaction);
            if (!allowed.contains(type)) {
                throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: type: Value must be one of "
                        + allowed.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}")) + ".");
            }
            try {
                switch (type) {
                    case EmulatedInteraction.CHANNEL_MESSAGE -> original = this.messaging.botSends(
                            interaction.channel(), data, body.files(), this.world.applicationId(), interaction.id(), 0);
                    case EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE -> {
                        ObjectNode placeholder = this.payloads.object();
                        placeholder.put("content", "");
                        original = this.messaging.botSends(interaction.channel(), placeholder, List.of(),
                                this.world.applicationId(), interaction.id(), 128 | (data.path("flags").asInt(0) & 64));
                    }
                    case EmulatedInteraction.DEFERRED_UPDATE_MESSAGE -> original = clicked(interaction);
                    case EmulatedInteraction.UPDATE_MESSAGE -> original = this.messaging.edit(clicked(interaction),
                            data, body.files(), false);
                    default -> modal = EmulatedModal.of(Components.modal(data), interaction.id());
                }
            }
            catch (RestApi.DiscordError error) {
                throw error.under("data");
            }
            interaction.acknowledge(type, (original != null) ? original.id() : 0, modal);
        }
        if (!request.queryParam("with_response").map(Boolean::parseBoolean).orElse(false)) {
            return HttpResponse.noContent();
        }
        ObjectNode response = this.payloads.object();
        ObjectNode about = response.putObject("interaction");
        about.put("id", Payloads.id(interaction.id()));
        about.put("type", interaction.type());
        if (original != null) {
            about.put("response_message_id", original.idString());
            about.put("response_message_loading", type == EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE);
            about.put("response_message_ephemeral", original.isEphemeral());
        }
        if (type == EmulatedInteraction.CHANNEL_MESSAGE || type == EmulatedInteraction.UPDATE_MESSAGE) {
            // the spec has a resource for a message created or updated only
            ObjectNode resource = response.putObject("resource");
            resource.put("type", type);
            resource.set("message", this.payloads.message(original, false));
        }
        return DiscordRoutes.ok(response);
    }

    /** The callback types Discord accepts for the interaction. */
    private static List<Integer> callbackTypes(EmulatedInteraction interaction) {
        List<Integer> types = new ArrayList<>(List.of(EmulatedInteraction.CHANNEL_MESSAGE,
                EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE));
        if (interaction.messageId() != 0) {
            types.addAll(List.of(EmulatedInteraction.DEFERRED_UPDATE_MESSAGE, EmulatedInteraction.UPDATE_MESSAGE));
        }
        if (interaction.type() != EmulatedInteraction.MODAL_SUBMIT) {
            types.add(EmulatedInteraction.MODAL);
        }
        return types;
    }

    /** The message with the component the interaction came from. */
    private static EmulatedMessage clicked(EmulatedInteraction interaction) {
        return interaction.message().orElseThrow(() -> RestApi.DiscordError.unknown("Message", 10008));
    }

    private HttpResponse followUp(HttpRequest request, Map<String, String> params) {
        if (DiscordRoutes.id(params, "application_id") != this.world.applicationId()) {
            throw RestApi.DiscordError.unknown("Webhook", 10015);
        }
        EmulatedInteraction interaction = interaction(params);
        if (interaction.callbackType() == 0) {
            throw RestApi.DiscordError.unknown("Webhook", 10015);
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        if (interaction.takeFirstFollowUpAfterDefer()) {
            EmulatedMessage original = this.world.message(interaction.originalMessageId()).orElseThrow();
            return DiscordRoutes.ok(this.payloads.message(
                    this.messaging.edit(original, body.json(), body.files(), true), false));
        }
        int flags = body.json().path("flags").asInt(0) & 64;
        EmulatedMessage message = this.messaging.botSends(interaction.channel(), body.json(), body.files(),
                this.world.applicationId(), interaction.id(), flags);
        return DiscordRoutes.ok(this.payloads.message(message, false));
    }

    private EmulatedMessage webhookMessage(Map<String, String> params) {
        EmulatedInteraction interaction = interaction(params);
        String messageId = params.get("message_id");
        long id = "@original".equals(messageId) ? interaction.originalMessageId()
                : DiscordRoutes.id(params, "message_id");
        return this.world.message(id)
            .filter((message) -> message.interactionId() == interaction.id()
                    || message.id() == interaction.originalMessageId())
            .orElseThrow(() -> RestApi.DiscordError.unknown("Message", 10008));
    }

    private HttpResponse editWebhookMessage(HttpRequest request, Map<String, String> params) {
        EmulatedInteraction interaction = interaction(params);
        EmulatedMessage message = webhookMessage(params);
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        boolean original = message.id() == interaction.originalMessageId();
        if (original && interaction.isDeferred()) {
            interaction.takeFirstFollowUpAfterDefer();
        }
        return DiscordRoutes.ok(this.payloads.message(this.messaging.edit(message, body.json(), body.files(), original),
                false));
    }

    List<EmulatedInteraction> interactions() {
        return this.world.interactions();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
