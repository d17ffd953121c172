package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Application commands and interactions as Discord runs them: the command registry
 * (global and per guild, bulk overwrite; slash, user and message commands, their
 * localizations checked and kept), INTERACTION_CREATE for a command a user runs, an
 * option with autocomplete a user types, a component a user clicks or picks in and a
 * modal a user submits, with the user's and the guild's locale, the callback with its
 * 3-second deadline, and follow-up and original-response webhooks valid for 15 minutes
 * (after an update, the original is the message with the component).
 */
final class Interactions {

    static final Duration CALLBACK_DEADLINE = Duration.ofSeconds(3);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final RateLimits.Limit COMMAND_WRITES = new RateLimits.Limit(10, Duration.ofSeconds(20));

    private static final RateLimits.Limit INTERACTION = new RateLimits.Limit(50, Duration.ofSeconds(1));

    /**
     * Command types: a slash command, a user command and a message command (context
     * menus).
     */
    static final int SLASH = 1;
    static final int USER = 2;
    static final int MESSAGE = 3;

    /** How many commands of each type a scope may have. */
    private static final Map<Integer, Integer> LIMITS = Map.of(SLASH, 100, USER, 15, MESSAGE, 15);

    /**
     * Discord's naming rule for slash commands and options (and their localized names);
     * letters must also be lower case where they have a lower case.
     */
    private static final Pattern COMMAND_NAME = Pattern.compile("[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}");

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Messaging messaging;

    private final Gateway gateway;

    private final Map<Long, List<RegisteredCommand>> commands = new ConcurrentHashMap<>();

    private final Map<String, EmulatedInteraction> byToken = new ConcurrentHashMap<>();

    Interactions(EmulatorWorld world, Payloads payloads, Messaging messaging, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.messaging = messaging;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        api.route("GET", "applications/{application_id}/commands", DiscordRoutes.DEFAULT, true,
                (request, params) -> list(application(params, 0), request));
        api.route("PUT", "applications/{application_id}/commands", COMMAND_WRITES, true,
                (request, params) -> overwrite(application(params, 0), request));
        api.route("POST", "applications/{application_id}/commands", COMMAND_WRITES, true,
                (request, params) -> upsert(application(params, 0), request));
        api.route("GET", "applications/{application_id}/guilds/{guild_id}/commands", DiscordRoutes.DEFAULT, true,
                (request, params) -> list(application(params, guild(params)), request));
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
                    return EmulatorResponse.noContent();
                });
    }

    /* ---------------------------------------------------------------- commands */

    List<RegisteredCommand> commands(long guildId) {
        return List.copyOf(this.commands.getOrDefault(guildId, List.of()));
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

    /**
     * The commands of a scope. {@code GET} lists them as Discord does: without
     * {@code with_localizations=true}, the localization maps are left out for
     * {@code name_localized}/{@code description_localized} in the requester's locale
     * ({@code X-Discord-Locale}, else the bot user's {@code en-US}) where there is one.
     */
    private EmulatorResponse list(long scope, EmulatorRequest request) {
        boolean full = request.queryParam("with_localizations").map(Boolean::parseBoolean).orElse(false);
        String locale = Objects.requireNonNullElse(request.header("x-discord-locale"), EmulatorWorld.DEFAULT_LOCALE);
        ArrayNode array = this.payloads.array();
        commands(scope).forEach((command) -> array
            .add(full ? command.definition() : localized((ObjectNode) command.definition().deepCopy(), locale)));
        return DiscordRoutes.ok(array);
    }

    private static ObjectNode localized(ObjectNode json, String locale) {
        for (String field : List.of("name", "description")) {
            JsonNode localizations = json.remove(field + "_localizations");
            if (localizations != null && localizations.path(locale).isString()) {
                json.put(field + "_localized", localizations.path(locale).asString());
            }
        }
        json.path("options").forEach((option) -> localized((ObjectNode) option, locale));
        json.path("choices").forEach((choice) -> localized((ObjectNode) choice, locale));
        return json;
    }

    private EmulatorResponse overwrite(long scope, EmulatorRequest request) {
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (!body.isArray()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: expected an array of commands");
        }
        List<JsonNode> definitions = new ArrayList<>();
        body.forEach(definitions::add);
        checkLimits(definitions);
        FormErrors errors = new FormErrors();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            validate(definitions.get(i), errors, i + ".");
            if (!names.add(type(definitions.get(i)) + " " + definitions.get(i).path("name").asString(""))) {
                errors.add(i + ".name", "APPLICATION_COMMANDS_DUPLICATE_NAME",
                        "Application command names must be unique");
            }
        }
        errors.refuse();
        List<RegisteredCommand> previous = commands(scope);
        List<RegisteredCommand> next = new ArrayList<>();
        for (JsonNode definition : definitions) {
            RegisteredCommand existing = find(previous, definition);
            next.add(stored(scope, definition, (existing != null) ? existing.id() : this.world.nextId()));
        }
        this.commands.put(scope, List.copyOf(next));
        ArrayNode array = this.payloads.array();
        next.forEach((command) -> array.add(command.definition()));
        return DiscordRoutes.ok(array);
    }

    private EmulatorResponse upsert(long scope, EmulatorRequest request) {
        JsonNode definition = DiscordRoutes.json(request.bodyText(), this.world);
        FormErrors errors = new FormErrors();
        validate(definition, errors, "");
        errors.refuse();
        List<RegisteredCommand> next = new ArrayList<>(commands(scope));
        RegisteredCommand existing = find(next, definition);
        RegisteredCommand command = stored(scope, definition, (existing != null) ? existing.id() : this.world.nextId());
        next.remove(existing);
        next.add(command);
        checkLimits(next.stream().map(RegisteredCommand::definition).toList());
        this.commands.put(scope, List.copyOf(next));
        return EmulatorResponse.json((existing != null) ? 200 : 201, command.definition().toString());
    }

    /**
     * The registered command with the definition's name and type: the one it replaces.
     */
    private static @Nullable RegisteredCommand find(List<RegisteredCommand> commands, JsonNode definition) {
        return commands.stream()
            .filter((command) -> command.name().equals(definition.path("name").asString(""))
                    && type(command.definition()) == type(definition))
            .findFirst()
            .orElse(null);
    }

    private static int type(JsonNode definition) {
        return definition.path("type").asInt(SLASH);
    }

    /** At most 100 slash commands and 15 user and 15 message commands a scope. */
    private static void checkLimits(List<JsonNode> definitions) {
        for (Map.Entry<Integer, Integer> limit : LIMITS.entrySet()) {
            long count = definitions.stream().filter((definition) -> type(definition) == limit.getKey()).count();
            if (count > limit.getValue()) {
                throw new RestApi.DiscordError(400, 30032, "Maximum number of application commands reached ("
                        + limit.getValue() + ((limit.getKey() == SLASH) ? ")" : " of type " + limit.getKey() + ")"));
            }
        }
    }

    private RegisteredCommand stored(long scope, JsonNode definition, long id) {
        ObjectNode json = (ObjectNode) definition.deepCopy();
        json.put("id", Payloads.id(id));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("version", Payloads.id(this.world.nextId()));
        if (!json.has("type")) {
            json.put("type", SLASH);
        }
        if (scope != 0) {
            json.put("guild_id", Payloads.id(scope));
        }
        if (!json.hasNonNull("description")) {
            // user and message commands have none; Discord answers with an empty one
            json.put("description", "");
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
        return new RegisteredCommand(id, scope, json.path("name").asString(), json.path("description").asString(),
                json);
    }

    /**
     * Discord's rules for a command (problems to {@code errors} under {@code at}): a
     * slash command's name follows Discord's naming rule, its description has 1-100
     * characters, it has up to 25 options; a user or message command's name has 1-32
     * characters of any case, spaces allowed, and it has no description and no options.
     * Localizations are keyed by Discord's locales and follow the rule of the field they
     * localize.
     */
    private static void validate(JsonNode command, FormErrors errors, String at) {
        int type = type(command);
        if (!LIMITS.containsKey(type)) {
            errors.add(at + "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
            return;
        }
        field(command, "name", 32, type == SLASH, errors, at);
        if (type == SLASH) {
            field(command, "description", 100, false, errors, at);
            options(command.path("options"), errors, at + "options");
            return;
        }
        localizations(command, "description_localizations", 100, false, errors, at);
        if (!Objects.requireNonNullElse(Payloads.text(command, "description"), "").isEmpty()) {
            errors.add(at + "description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID",
                    "Context menu commands cannot have description");
        }
        if (!command.path("options").isEmpty()) {
            errors.add(at + "options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID",
                    "Context menu commands cannot have options");
        }
    }

    /**
     * Options: up to 25, each named and described, subcommands with theirs, autocomplete
     * or choices.
     */
    private static void options(JsonNode options, FormErrors errors, String at) {
        if (options.size() > 25) {
            errors.add(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String optionAt = at + "." + i + ".";
            int type = option.path("type").asInt(0);
            if (type < CommandInput.SUB_COMMAND || type > CommandInput.ATTACHMENT) {
                errors.add(optionAt + "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, ..., 11}.");
            }
            field(option, "name", 32, true, errors, optionAt);
            field(option, "description", 100, false, errors, optionAt);
            if (type == CommandInput.SUB_COMMAND || type == CommandInput.SUB_COMMAND_GROUP) {
                options(option.path("options"), errors, optionAt + "options");
            }
            boolean choosable = type == CommandInput.STRING || type == CommandInput.INTEGER
                    || type == CommandInput.NUMBER;
            if (option.path("autocomplete").asBoolean(false) && !choosable) {
                errors.add(optionAt + "autocomplete", "BASE_TYPE_INVALID",
                        "Only STRING, INTEGER and NUMBER options can have autocomplete.");
            }
            else if (option.path("autocomplete").asBoolean(false) && !option.path("choices").isEmpty()) {
                errors.add(optionAt + "autocomplete", "BASE_TYPE_INVALID",
                        "Autocomplete may not be set on an option with choices.");
            }
            if (choosable) {
                choices(option.path("choices"), type, errors, optionAt + "choices");
            }
        }
    }

    /**
     * Choices of an option, or suggested for one (callback 8): up to 25, names of 1-100
     * characters, values of the option's type, a string at most 100 characters.
     */
    private static void choices(JsonNode choices, int type, FormErrors errors, String at) {
        if (choices.size() > 25) {
            errors.add(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode value = choices.get(i).path("value");
            String valueAt = at + "." + i + ".value";
            field(choices.get(i), "name", 100, false, errors, at + "." + i + ".");
            if (type == CommandInput.STRING && !value.isString()) {
                errors.add(valueAt, "STRING_TYPE_COERCE", "Could not interpret \"" + value + "\" as string.");
            }
            else if (type == CommandInput.STRING && value.asString().length() > 100) {
                errors.add(valueAt, "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
            }
            else if (type != CommandInput.STRING
                    && !(value.isIntegralNumber() || (type == CommandInput.NUMBER && value.isNumber()))) {
                errors.add(valueAt, "NUMBER_TYPE_COERCE",
                        "Value \"" + value + "\" is not " + ((type == CommandInput.INTEGER) ? "int." : "float."));
            }
        }
    }

    /**
     * A name or description and its localizations: text of 1 to {@code max} characters,
     * slash command and option names by Discord's naming rule.
     */
    private static void field(JsonNode json, String field, int max, boolean commandName, FormErrors errors, String at) {
        text(json.path(field), max, commandName, errors, at + field);
        localizations(json, field + "_localizations", max, commandName, errors, at);
    }

    /**
     * A localization map: keyed by Discord's locales, each value by the rule of the field
     * it localizes.
     */
    private static void localizations(JsonNode json, String field, int max, boolean commandName, FormErrors errors,
            String at) {
        json.path(field).properties().forEach((entry) -> {
            if (!EmulatorWorld.LOCALES.contains(entry.getKey())) {
                errors.add(at + field + "." + entry.getKey(), "BASE_TYPE_CHOICES",
                        "Value must be one of " + CommandInput.quoted(EmulatorWorld.LOCALES) + ".");
            }
            else if (!entry.getValue().isNull()) {
                text(entry.getValue(), max, commandName, errors, at + field + "." + entry.getKey());
            }
        });
    }

    private static void text(JsonNode value, int max, boolean commandName, FormErrors errors, String at) {
        String text = value.isString() ? value.asString() : "";
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > max) {
            errors.add(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and " + max + " in length.");
        }
        else if (commandName
                && (!COMMAND_NAME.matcher(text).matches() || !text.equals(text.toLowerCase(Locale.ROOT)))) {
            errors.add(at, "APPLICATION_COMMAND_INVALID_NAME",
                    "Command name is invalid: '" + text + "' (lower case letters, numbers, - _ and ' only)");
        }
    }

    /* ---------------------------------------------------------------- invoking */

    /**
     * A user runs a slash command, or with {@code focused} types into that option, which
     * the bot hears of as an autocomplete (the options given so far, and the text typed);
     * see {@link CommandInput} for what is checked.
     * @throws InteractionRejectedException 404 for a command the bot has not registered,
     * 400 for input Discord refuses
     * @throws IllegalArgumentException when the focused option is unknown or not
     * registered with autocomplete
     */
    EmulatedInteraction invoke(SlashCommand command, @Nullable String focused, String typed) {
        EmulatedChannel channel = channel(command.channel(), command);
        EmulatedUser user = (command.user() != null) ? command.user() : this.world.userNamed("alice")
            .orElseThrow(() -> new IllegalStateException("No user to run " + command));
        RegisteredCommand registered = registered(command.path().getFirst(), SLASH, channel);
        List<CommandInput.Option> options = CommandInput.check(registered, command, focused, typed, channel,
                this.world);
        ObjectNode data = commandData(registered);
        ObjectNode resolved = this.payloads.object();
        data.set("options", options(options, resolved, this.world.guild(channel.guildId()).orElse(null)));
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return dispatch((focused != null) ? EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE
                : EmulatedInteraction.APPLICATION_COMMAND, data, channel, user, null, null);
    }

    /**
     * A user runs a user command on a user (in {@code in}, or the first text channel) or
     * a message command on a message (in its channel). {@code resolved} holds only the
     * target, whose first entry JDA takes for it.
     * @throws InteractionRejectedException 404 for a command the bot has not registered
     * or a message that is gone
     */
    EmulatedInteraction context(EmulatedUser user, String name, Object target, @Nullable EmulatedChannel in) {
        ObjectNode resolved = this.payloads.object();
        EmulatedChannel channel;
        RegisteredCommand registered;
        String targetId;
        if (target instanceof EmulatedMessage given) {
            EmulatedMessage message = this.world.message(given.id())
                .orElseThrow(
                        () -> new InteractionRejectedException(404, 10008, "Unknown Message", this.payloads.object()));
            channel = this.world.channel(message.channelId()).orElseThrow();
            registered = registered(name, MESSAGE, channel);
            targetId = message.idString();
            resolved.putObject("messages").set(targetId, this.payloads.message(message, false));
        }
        else {
            EmulatedUser targetUser = this.world.user(((EmulatedUser) target).id())
                .orElseThrow(() -> new IllegalArgumentException("Unknown user " + target));
            channel = channel(in, name);
            registered = registered(name, USER, channel);
            targetId = targetUser.idString();
            this.payloads.resolve(resolved, targetUser, this.world.guild(channel.guildId()).orElse(null));
        }
        ObjectNode data = commandData(registered);
        data.put("target_id", targetId);
        data.set("resolved", resolved);
        return dispatch(EmulatedInteraction.APPLICATION_COMMAND, data, channel, user, null, null);
    }

    private EmulatedChannel channel(@Nullable EmulatedChannel given, Object what) {
        EmulatedChannel channel = (given != null) ? given : this.world.firstTextChannel();
        if (channel == null) {
            throw new IllegalStateException("No channel to run " + what + " in");
        }
        return channel;
    }

    /**
     * The command's {@code id}, {@code name}, {@code type} and {@code guild_id} (for a
     * guild command).
     */
    private ObjectNode commandData(RegisteredCommand registered) {
        ObjectNode data = this.payloads.object();
        data.put("id", Payloads.id(registered.id()));
        data.put("name", registered.name());
        data.put("type", type(registered.definition()));
        if (registered.guildId() != 0) {
            data.put("guild_id", Payloads.id(registered.guildId()));
        }
        return data;
    }

    /**
     * A user clicks a button ({@code values} null) or picks values in a select of a
     * message; see {@link ComponentInput} for what is checked unless {@code forged}.
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
        ObjectNode data = new ComponentInput(this.world, this.payloads, channel, forged).component(on, customId,
                values);
        return dispatch(EmulatedInteraction.MESSAGE_COMPONENT, data, channel, user, on, null);
    }

    /**
     * A user submits a modal the bot opened; unless {@code forged}, only the user it was
     * opened for, only once, and with its fields checked (see {@link ComponentInput}).
     */
    EmulatedInteraction submit(EmulatedUser user, EmulatedModal modal, Map<String, String> values, boolean forged) {
        EmulatedInteraction opened = this.world.interaction(modal.interactionId())
            .orElseThrow(() -> new IllegalArgumentException(
                    "The bot opened no modal in interaction " + Payloads.id(modal.interactionId())));
        if (!forged && opened.user().id() != user.id()) {
            new FormErrors()
                .add("data.custom_id", "BASE_TYPE_INVALID",
                        "The modal '" + modal.customId() + "' was opened for " + opened.user().username() + ", not "
                                + user.username() + ".")
                .reject();
        }
        if (!forged && submitted(opened)) {
            new FormErrors()
                .add("data.custom_id", "BASE_TYPE_INVALID",
                        "The modal '" + modal.customId() + "' was already submitted.")
                .reject();
        }
        ObjectNode data = new ComponentInput(this.world, this.payloads, opened.channel(), forged).modal(modal, values);
        return dispatch(EmulatedInteraction.MODAL_SUBMIT, data, opened.channel(), user, opened.message().orElse(null),
                opened);
    }

    /**
     * The latest modal with this custom id the bot opened for the user and that is not
     * submitted yet.
     */
    Optional<EmulatedModal> openModal(EmulatedUser user, String customId) {
        return this.world.interactions()
            .reversed()
            .stream()
            .filter((interaction) -> interaction.user().id() == user.id() && !submitted(interaction))
            .flatMap((interaction) -> interaction.modal().stream())
            .filter((modal) -> modal.customId().equals(customId))
            .findFirst();
    }

    private boolean submitted(EmulatedInteraction opened) {
        return this.world.interactions().stream().anyMatch((interaction) -> interaction.source() == opened);
    }

    /**
     * The registered command of the name and type, in the channel's guild or global.
     * @throws InteractionRejectedException 404 when there is none, naming those there are
     */
    private RegisteredCommand registered(String name, int type, EmulatedChannel channel) {
        for (long scope : new long[] { channel.guildId(), 0 }) {
            for (RegisteredCommand command : commands(scope)) {
                if (command.name().equals(name) && type(command.definition()) == type) {
                    return command;
                }
            }
        }
        String what = switch (type) {
            case USER -> "user command '" + name + "'";
            case MESSAGE -> "message command '" + name + "'";
            default -> "/" + name;
        };
        throw new InteractionRejectedException(404, InteractionRejectedException.UNKNOWN_COMMAND,
                "Unknown application command " + what + " (registered: " + names(0, type) + " globally; "
                        + names(channel.guildId(), type) + " in the guild)",
                this.payloads.object());
    }

    private String names(long scope, int type) {
        List<String> names = commands(scope).stream()
            .filter((command) -> type(command.definition()) == type)
            .map((command) -> (type == SLASH) ? "/" + command.name() : "'" + command.name() + "'")
            .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * Sends INTERACTION_CREATE: the envelope JDA requires ({@code channel},
     * {@code context}, {@code authorizing_integration_owners}, {@code guild}, the member
     * or user) around the data, with the user's {@code locale} and the guild's, and for a
     * component, or a modal opened from one, the whole message the component is on.
     */
    private EmulatedInteraction dispatch(int type, ObjectNode data, EmulatedChannel channel, EmulatedUser user,
            @Nullable EmulatedMessage message, @Nullable EmulatedInteraction source) {
        String token = "aW50ZXJhY3Rpb246" + HexFormat.of().formatHex(randomBytes());
        EmulatedInteraction interaction = new EmulatedInteraction(this.world.nextId(), token, type, data, channel, user,
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
        json.put("locale", this.world.locale(user));
        json.putArray("entitlements");
        json.put("attachment_size_limit", 26_214_400);
        json.set("authorizing_integration_owners", this.payloads.owners(channel));
        if (guild != null) {
            long permissions = guild.permissionsOf(user.id());
            channelJson.put("permissions", Long.toString(permissions));
            json.put("guild_id", guild.idString());
            ObjectNode guildJson = json.putObject("guild");
            guildJson.put("id", guild.idString());
            guildJson.put("locale", guild.preferredLocale());
            guildJson.putArray("features");
            json.put("guild_locale", guild.preferredLocale());
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
            // as Discord sends it to the bot: the DM's other party, seen from the user,
            // is the bot
            channelJson.putArray("recipients").add(this.payloads.user(this.world.botUser()));
        }
        json.set("channel", channelJson);
        this.gateway.dispatch(channel.guildId(), "INTERACTION_CREATE", json.toString(), (session) -> true);
        return interaction;
    }

    /**
     * The options array of checked, typed values; fills {@code resolved} with the users,
     * roles, channels, files.
     */
    private ArrayNode options(List<CommandInput.Option> given, ObjectNode resolved, @Nullable EmulatedGuild guild) {
        ArrayNode options = this.payloads.array();
        for (CommandInput.Option entry : given) {
            ObjectNode option = options.addObject();
            option.put("name", entry.name());
            option.put("type", entry.type());
            if (entry.focused()) {
                option.put("focused", true);
            }
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
                    EmulatedMessage holder = new EmulatedMessage(0, 0, 0, this.world.botUser(), "", Instant.now(), null,
                            0, false, List.of(), List.of(), List.of(attachment), List.of(), List.of(), 0, null, 0, 0,
                            0);
                    resolved.withObjectProperty("attachments")
                        .set(Payloads.id(attachment.id()), this.payloads.attachment(holder, attachment));
                }
                default -> throw new IllegalStateException(
                        "CommandInput typed " + entry.name() + " as " + entry.value().getClass().getSimpleName());
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
     * The bot's answer to an interaction, once and within 3 seconds: 4 a message, 5
     * deferred, 9 a modal (not for a modal submitted), and for a component (or a modal
     * opened from one) 6 deferred update and 7 update of the message with the component;
     * an autocomplete takes only 8, its choices. Discord refuses other types with 400,
     * naming the valid ones.
     */
    private EmulatorResponse callback(EmulatorRequest request, Map<String, String> params) {
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
        List<EmulatedInteraction.Choice> choices = List.of();
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
                    case EmulatedInteraction.CHANNEL_MESSAGE ->
                        original = this.messaging.botSends(interaction.channel(), data, body.files(),
                                this.world.applicationId(), interaction.id(), 0);
                    case EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE -> {
                        ObjectNode placeholder = this.payloads.object();
                        placeholder.put("content", "");
                        original = this.messaging.botSends(interaction.channel(), placeholder, List.of(),
                                this.world.applicationId(), interaction.id(), 128 | (data.path("flags").asInt(0) & 64));
                    }
                    case EmulatedInteraction.DEFERRED_UPDATE_MESSAGE -> original = clicked(interaction);
                    case EmulatedInteraction.UPDATE_MESSAGE ->
                        original = this.messaging.edit(clicked(interaction), data, body.files(), false);
                    case EmulatedInteraction.AUTOCOMPLETE_RESULT -> choices = choices(interaction, data);
                    default -> modal = EmulatedModal.of(Components.modal(data), interaction.id());
                }
            }
            catch (RestApi.DiscordError error) {
                throw error.under("data");
            }
            interaction.acknowledge(type, (original != null) ? original.id() : 0, modal, choices);
        }
        if (!request.queryParam("with_response").map(Boolean::parseBoolean).orElse(false)) {
            return EmulatorResponse.noContent();
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
        if (interaction.type() == EmulatedInteraction.APPLICATION_COMMAND_AUTOCOMPLETE) {
            return List.of(EmulatedInteraction.AUTOCOMPLETE_RESULT);
        }
        List<Integer> types = new ArrayList<>(
                List.of(EmulatedInteraction.CHANNEL_MESSAGE, EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE));
        if (interaction.messageId() != 0) {
            types.addAll(List.of(EmulatedInteraction.DEFERRED_UPDATE_MESSAGE, EmulatedInteraction.UPDATE_MESSAGE));
        }
        if (interaction.type() != EmulatedInteraction.MODAL_SUBMIT) {
            types.add(EmulatedInteraction.MODAL);
        }
        return types;
    }

    /**
     * The choices of callback 8, checked as Discord checks them against the type of the
     * option being typed.
     */
    private static List<EmulatedInteraction.Choice> choices(EmulatedInteraction interaction, JsonNode data) {
        int type = focused(interaction.data().path("options")).path("type").asInt();
        FormErrors errors = new FormErrors();
        choices(data.path("choices"), type, errors, "choices");
        errors.refuse();
        List<EmulatedInteraction.Choice> choices = new ArrayList<>();
        for (JsonNode choice : data.path("choices")) {
            JsonNode value = choice.path("value");
            choices.add(new EmulatedInteraction.Choice(choice.path("name").asString(), switch (type) {
                case CommandInput.INTEGER -> value.asLong();
                case CommandInput.NUMBER -> value.asDouble();
                default -> value.asString();
            }));
        }
        return choices;
    }

    private static JsonNode focused(JsonNode options) {
        for (JsonNode option : options) {
            JsonNode focused = option.path("focused").asBoolean(false) ? option : focused(option.path("options"));
            if (!focused.isMissingNode()) {
                return focused;
            }
        }
        return MissingNode.getInstance();
    }

    /** The message with the component the interaction came from. */
    private static EmulatedMessage clicked(EmulatedInteraction interaction) {
        return interaction.message().orElseThrow(() -> RestApi.DiscordError.unknown("Message", 10008));
    }

    private EmulatorResponse followUp(EmulatorRequest request, Map<String, String> params) {
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
            return DiscordRoutes
                .ok(this.payloads.message(this.messaging.edit(original, body.json(), body.files(), true), false));
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

    private EmulatorResponse editWebhookMessage(EmulatorRequest request, Map<String, String> params) {
        EmulatedInteraction interaction = interaction(params);
        EmulatedMessage message = webhookMessage(params);
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        boolean original = message.id() == interaction.originalMessageId();
        if (original && interaction.isDeferred()) {
            interaction.takeFirstFollowUpAfterDefer();
        }
        return DiscordRoutes
            .ok(this.payloads.message(this.messaging.edit(message, body.json(), body.files(), original), false));
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
