package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The application commands the bot registered, global and per guild, and the REST routes
 * that keep them: list (localized as Discord lists them), bulk overwrite, create or
 * replace. Every definition is checked by {@link CommandValidator} before anything is
 * stored; a registered command keeps its id across overwrites, as on Discord.
 */
final class CommandRegistry {

    private static final RateLimits.Limit COMMAND_WRITES = new RateLimits.Limit(10, Duration.ofSeconds(20));

    private final EmulatorWorld world;

    private final Payloads payloads;

    /** The commands of each scope: 0 for global ones, else the guild's id. */
    private final Map<Long, List<RegisteredCommand>> commands = new ConcurrentHashMap<>();

    CommandRegistry(EmulatorWorld world, Payloads payloads) {
        this.world = world;
        this.payloads = payloads;
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
        for (String scope : List.of("applications/{application_id}/",
                "applications/{application_id}/guilds/{guild_id}/")) {
            boolean global = !scope.contains("guild_id");
            api.route("GET", scope + "commands/{command_id}", DiscordRoutes.DEFAULT, true,
                    (request, params) -> DiscordRoutes.ok(command(params, global).definition()));
            api.route("PATCH", scope + "commands/{command_id}", COMMAND_WRITES, true,
                    (request, params) -> edit(command(params, global), request));
            api.route("DELETE", scope + "commands/{command_id}", COMMAND_WRITES, true,
                    (request, params) -> delete(command(params, global)));
        }
        api.route("GET", "applications/{application_id}/guilds/{guild_id}/commands/permissions", DiscordRoutes.DEFAULT,
                true, (request, params) -> {
                    application(params, guild(params));
                    // no command of the emulated application has permissions set in a
                    // guild
                    return DiscordRoutes.ok(this.payloads.array());
                });
        api.route("GET", "applications/{application_id}/guilds/{guild_id}/commands/{command_id}/permissions",
                DiscordRoutes.DEFAULT, true, (request, params) -> {
                    // the application's own id asks for the permissions of all its
                    // commands
                    if (DiscordRoutes.id(params, "command_id") != this.world.applicationId()) {
                        command(params, false);
                    }
                    throw RestApi.DiscordError.unknown("application command permissions", 10066);
                });
    }

    /**
     * The command of the route's {@code command_id}, global or of the route's guild; 404
     * with 10063 Unknown application command when there is none.
     */
    private RegisteredCommand command(Map<String, String> params, boolean global) {
        long scope = application(params, global ? 0 : guild(params));
        long id = DiscordRoutes.id(params, "command_id");
        return commands(scope).stream()
            .filter((command) -> command.id() == id)
            .findFirst()
            .orElseThrow(() -> RestApi.DiscordError.unknown("application command", 10063));
    }

    /**
     * Edits one command: the fields given replace the stored ones, and the result must
     * pass Discord's rules and keep names unique; the id stays, the version changes.
     */
    private EmulatorResponse edit(RegisteredCommand command, EmulatorRequest request) {
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (!body.isObject()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: expected a command object");
        }
        ObjectNode merged = (ObjectNode) command.definition().deepCopy();
        body.properties().forEach((field) -> {
            if (!List.of("id", "application_id", "guild_id", "version", "type").contains(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        FormErrors errors = new FormErrors();
        CommandValidator.validate(merged, errors, "");
        List<RegisteredCommand> others = new ArrayList<>(commands(command.guildId()));
        others.removeIf((other) -> other.id() == command.id());
        if (find(others, merged) != null) {
            errors.add("name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
        }
        errors.refuse();
        RegisteredCommand edited = stored(command.guildId(), merged, command.id());
        replace(command.guildId(), (list) -> list.replaceAll((old) -> (old.id() == command.id()) ? edited : old));
        return DiscordRoutes.ok(edited.definition());
    }

    private EmulatorResponse delete(RegisteredCommand command) {
        replace(command.guildId(), (list) -> list.removeIf((old) -> old.id() == command.id()));
        return EmulatorResponse.noContent();
    }

    /** Changes a scope's list of commands at once. */
    private void replace(long scope, Consumer<List<RegisteredCommand>> change) {
        this.commands.compute(scope, (key, list) -> {
            List<RegisteredCommand> next = new ArrayList<>((list != null) ? list : List.of());
            change.accept(next);
            return List.copyOf(next);
        });
    }

    /**
     * The registered command of the name and type that a user in the guild sees: the
     * guild's own, else the global one.
     */
    Optional<RegisteredCommand> find(String name, int type, long guildId) {
        for (long scope : new long[] { guildId, 0 }) {
            for (RegisteredCommand command : commands(scope)) {
                if (command.name().equals(name) && command.type() == type) {
                    return Optional.of(command);
                }
            }
        }
        return Optional.empty();
    }

    /** The commands registered globally (scope 0) or for a guild, in the order stored. */
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
        CommandValidator.checkLimits(definitions);
        FormErrors errors = new FormErrors();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            CommandValidator.validate(definitions.get(i), errors, i + ".");
            if (!names
                .add(RegisteredCommand.type(definitions.get(i)) + " " + definitions.get(i).path("name").asString(""))) {
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
        CommandValidator.validate(definition, errors, "");
        errors.refuse();
        List<RegisteredCommand> next = new ArrayList<>(commands(scope));
        RegisteredCommand existing = find(next, definition);
        RegisteredCommand command = stored(scope, definition, (existing != null) ? existing.id() : this.world.nextId());
        next.remove(existing);
        next.add(command);
        CommandValidator.checkLimits(next.stream().map(RegisteredCommand::definition).toList());
        this.commands.put(scope, List.copyOf(next));
        return EmulatorResponse.json((existing != null) ? 200 : 201, command.definition().toString());
    }

    /**
     * The registered command with the definition's name and type: the one it replaces.
     */
    private static @Nullable RegisteredCommand find(List<RegisteredCommand> commands, JsonNode definition) {
        return commands.stream()
            .filter((command) -> command.name().equals(definition.path("name").asString(""))
                    && command.type() == RegisteredCommand.type(definition))
            .findFirst()
            .orElse(null);
    }

    private RegisteredCommand stored(long scope, JsonNode definition, long id) {
        ObjectNode json = (ObjectNode) definition.deepCopy();
        json.put("id", Payloads.id(id));
        json.put("application_id", Payloads.id(this.world.applicationId()));
        json.put("version", Payloads.id(this.world.nextId()));
        if (!json.has("type")) {
            json.put("type", RegisteredCommand.SLASH);
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
        // JDA sends these enums as strings ("0"); Discord stores and answers numbers
        for (String enums : List.of("contexts", "integration_types")) {
            if (json.get(enums) instanceof ArrayNode values) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i).isString() && values.get(i).asString().matches("\\d{1,9}")) {
                        values.set(i, Integer.parseInt(values.get(i).asString()));
                    }
                }
            }
        }
        return new RegisteredCommand(id, scope, json.path("name").asString(), json.path("description").asString(),
                json);
    }

}
