package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application commands and interactions as Discord runs them: the command registry (global and per
 * guild, bulk overwrite), INTERACTION_CREATE for a slash command a user runs, the callback with its
 * 3-second deadline, and follow-up and original-response webhooks valid for 15 minutes.
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
    private final List<EmulatedInteraction> all = new CopyOnWriteArrayList<>();
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
        long id = this.world.nextId();
        String token = "aW50ZXJhY3Rpb246" + HexFormat.of().formatHex(randomBytes());
        EmulatedInteraction interaction = new EmulatedInteraction(id, token, registered.name(), channel, user,
                this.world);
        this.byToken.put(token, interaction);
        this.all.add(interaction);
        ObjectNode payload = interactionCreate(interaction, registered, options);
        this.gateway.dispatch(channel.guildId(), "INTERACTION_CREATE", payload.toString(), (session) -> true);
        return interaction;
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

    private ObjectNode interactionCreate(EmulatedInteraction interaction, RegisteredCommand registered,
            List<CommandInput.Option> options) {
        EmulatedChannel channel = interaction.channel();
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElse(null);
        ObjectNode json = this.payloads.object();
        json.put("id", Payloads.id(interaction.id()));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("type", 2);
        json.put("token", interaction.token());
        json.put("version", 1);
        ObjectNode data = json.putObject("data");
        data.put("id", Payloads.id(registered.id()));
        data.put("name", registered.name());
        data.put("type", 1);
        if (registered.guildId() != 0) {
            data.put("guild_id", Payloads.id(registered.guildId()));
        }
        ObjectNode resolved = this.payloads.object();
        data.set("options", options(options, resolved, guild));
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        json.put("channel_id", channel.idString());
        ObjectNode channelJson = this.payloads.channel(channel);
        json.put("locale", "en-US");
        json.putArray("entitlements");
        json.put("attachment_size_limit", 26_214_400);
        ObjectNode owners = json.putObject("authorizing_integration_owners");
        if (guild != null) {
            long permissions = guild.permissionsOf(interaction.user().id());
            channelJson.put("permissions", Long.toString(permissions));
            json.put("guild_id", guild.idString());
            ObjectNode guildJson = json.putObject("guild");
            guildJson.put("id", guild.idString());
            guildJson.put("locale", "en-US");
            guildJson.putArray("features");
            json.put("guild_locale", "en-US");
            ObjectNode member = this.payloads.member(guild, interaction.user(), true);
            member.put("permissions", Long.toString(permissions));
            json.set("member", member);
            json.put("app_permissions", Long.toString(guild.permissionsOf(this.world.botUser().id())));
            owners.put("0", guild.idString());
            json.put("context", 0);
        }
        else {
            json.set("user", this.payloads.user(interaction.user()));
            json.put("app_permissions", Long.toString(Permissions.EVERYONE_DEFAULT));
            owners.put("0", "0");
            json.put("context", 1);
        }
        if (channel.isDirect()) {
            // as Discord sends it to the bot: the DM's other party, seen from the user, is the bot
            channelJson.putArray("recipients").add(this.payloads.user(this.world.botUser()));
        }
        json.set("channel", channelJson);
        return json;
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
                    resolved.withObjectProperty("users").set(user.idString(), this.payloads.user(user));
                    if (guild != null && guild.isMember(user.id())) {
                        ObjectNode member = this.payloads.member(guild, user, false);
                        member.put("permissions", Long.toString(guild.permissionsOf(user.id())));
                        resolved.withObjectProperty("members").set(user.idString(), member);
                    }
                }
                case EmulatedRole role -> {
                    option.put("value", role.idString());
                    resolved.withObjectProperty("roles").set(role.idString(), this.payloads.role(role, 0));
                }
                case EmulatedChannel channel -> {
                    option.put("value", channel.idString());
                    ObjectNode channelJson = this.payloads.channel(channel);
                    channelJson.put("permissions", Long.toString(Permissions.ALL));
                    resolved.withObjectProperty("channels").set(channel.idString(), channelJson);
                }
                case EmulatedMessage.EmulatedAttachment attachment -> {
                    option.put("value", Payloads.id(attachment.id()));
                    EmulatedMessage holder = new EmulatedMessage(0, 0, 0, this.world.botUser(), "",
                            java.time.Instant.now(), 0, false, List.of(), List.of(), List.of(attachment), List.of(),
                            List.of(), 0, null, 0, 0, 0);
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

    private HttpResponse callback(HttpRequest request, Map<String, String> params) {
        EmulatedInteraction interaction = this.byToken.get(params.get("interaction_token"));
        if (interaction == null || DiscordRoutes.id(params, "interaction_id") != interaction.id()
                || interaction.age().compareTo(CALLBACK_DEADLINE) > 0) {
            throw RestApi.DiscordError.unknown("interaction", 10062);
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        int type = body.json().path("type").asInt();
        JsonNode data = body.json().path("data");
        EmulatedMessage original;
        synchronized (interaction) {
            if (interaction.callbackType() != 0) {
                throw new RestApi.DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }
            switch (type) {
                case EmulatedInteraction.CHANNEL_MESSAGE -> original = this.messaging.botSends(interaction.channel(),
                        data.isObject() ? data : this.payloads.object(), body.files(), this.world.applicationId(),
                        interaction.id(), 0);
                case EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE -> {
                    ObjectNode placeholder = this.payloads.object();
                    placeholder.put("content", "");
                    original = this.messaging.botSends(interaction.channel(), placeholder, List.of(),
                            this.world.applicationId(), interaction.id(), 128 | (data.path("flags").asInt(0) & 64));
                }
                default -> throw new RestApi.DiscordError(400, 50035,
                        "Invalid Form Body: type: unsupported callback type " + type + " for a slash command");
            }
            interaction.acknowledge(type, original.id());
        }
        if (request.queryParam("with_response").map(Boolean::parseBoolean).orElse(false)) {
            ObjectNode response = this.payloads.object();
            ObjectNode about = response.putObject("interaction");
            about.put("id", Payloads.id(interaction.id()));
            about.put("type", 2);
            about.put("response_message_id", original.idString());
            about.put("response_message_loading", type == EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE);
            about.put("response_message_ephemeral", original.isEphemeral());
            if (type == EmulatedInteraction.CHANNEL_MESSAGE) {
                // resource is optional; for a deferral (type 5) the spec has no resource shape, so none is sent
                ObjectNode resource = response.putObject("resource");
                resource.put("type", type);
                resource.set("message", this.payloads.message(original, false));
            }
            return DiscordRoutes.ok(response);
        }
        return HttpResponse.noContent();
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
            .filter((message) -> message.interactionId() == interaction.id())
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
        return List.copyOf(this.all);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
