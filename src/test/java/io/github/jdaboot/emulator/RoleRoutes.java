package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of roles: list, read, create, edit, delete, reorder, and count their
 * members. As on Discord, managing a role takes MANAGE_ROLES and a highest role above it,
 * a new role starts at the bottom (position 1, the others move up), and no role grants
 * permissions its maker lacks. Changes dispatch GUILD_ROLE_CREATE, GUILD_ROLE_UPDATE and
 * GUILD_ROLE_DELETE.
 */
final class RoleRoutes {

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    RoleRoutes(EmulatorWorld world, Payloads payloads, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        RateLimits.Limit limit = DiscordRoutes.DEFAULT;
        api.route("GET", "guilds/{guild_id}/roles", limit, true, (request, params) -> {
            EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
            return DiscordRoutes.ok(roles(guild, guild.roles()));
        });
        api.route("POST", "guilds/{guild_id}/roles", limit, true, this::create);
        api.route("PATCH", "guilds/{guild_id}/roles", limit, true, this::reorder);
        api.route("GET", "guilds/{guild_id}/roles/member-counts", limit, true, this::memberCounts);
        api.route("GET", "guilds/{guild_id}/roles/{role_id}", limit, true, (request, params) -> {
            EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
            return DiscordRoutes.ok(this.payloads.role(role(guild, params), guild.id()));
        });
        api.route("PATCH", "guilds/{guild_id}/roles/{role_id}", limit, true, this::edit);
        api.route("DELETE", "guilds/{guild_id}/roles/{role_id}", limit, true, this::delete);
    }

    private EmulatorResponse create(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        long bot = this.world.botUser().id();
        Permissions.require(guild, bot, Permissions.MANAGE_ROLES);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        EmulatedRole created = new EmulatedRole(this.world.nextId(), name(body, "new role"),
                permissions(guild, body, Permissions.EVERYONE_DEFAULT), body.path("mentionable").asBoolean(false), 1,
                color(body, 0), body.path("hoist").asBoolean(false));
        for (EmulatedRole role : guild.roles()) {
            if (role.position() >= 1) {
                update(guild, role.withPosition(role.position() + 1));
            }
        }
        guild.addRole(created);
        this.gateway.dispatch(GatewayEvent.GUILD_ROLE_CREATE, guild.id(),
                () -> this.payloads.roleEvent(guild, created).toString());
        return DiscordRoutes.ok(this.payloads.role(created, guild.id()));
    }

    /**
     * Edits a role below the bot's highest (or {@code @everyone}); what is left out
     * stays.
     */
    private EmulatorResponse edit(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedRole role = role(guild, params);
        requireManaging(guild, role);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        EmulatedRole edited = new EmulatedRole(role.id(), body.has("name") ? name(body, role.name()) : role.name(),
                permissions(guild, body, role.permissions()), body.path("mentionable").asBoolean(role.mentionable()),
                role.position(), color(body, role.color()), body.path("hoist").asBoolean(role.hoist()));
        update(guild, edited);
        return DiscordRoutes.ok(this.payloads.role(edited, guild.id()));
    }

    private EmulatorResponse delete(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedRole role = role(guild, params);
        if (role.id() == guild.id()) {
            throw new RestApi.DiscordError(400, 50028, "Invalid Role");
        }
        requireManaging(guild, role);
        guild.removeRole(role.id());
        this.gateway.dispatch(GatewayEvent.GUILD_ROLE_DELETE, guild.id(), () -> {
            ObjectNode json = this.payloads.object();
            json.put("guild_id", guild.idString());
            json.put("role_id", role.idString());
            return json.toString();
        });
        return EmulatorResponse.noContent();
    }

    /**
     * Moves roles to new positions, each moved one below the bot's highest before and
     * after (a role sent at its own position stays); answers every role.
     */
    private EmulatorResponse reorder(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (!body.isArray()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: expected an array of role positions");
        }
        List<EmulatedRole> moved = new ArrayList<>();
        for (JsonNode entry : body) {
            long id = Long.parseUnsignedLong(entry.path("id").asString("0"));
            EmulatedRole role = guild.findRole(id)
                .orElseThrow(() -> new RestApi.DiscordError(400, 50035,
                        "Invalid Form Body: id: Role " + Payloads.id(id) + " is not in the guild"));
            int position = entry.path("position").asInt(role.position());
            if (position != role.position()) {
                requireManaging(guild, role);
                Permissions.requireAbove(guild, this.world.botUser().id(), position);
                moved.add(role.withPosition(position));
            }
        }
        moved.forEach((role) -> update(guild, role));
        return DiscordRoutes.ok(roles(guild, guild.roles()));
    }

    /** How many members hold each role, by the role's id. */
    private EmulatorResponse memberCounts(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        ObjectNode counts = this.payloads.object();
        for (EmulatedRole role : guild.roles()) {
            counts.put(role.idString(), (role.id() == guild.id()) ? guild.memberIds().size()
                    : guild.memberIds().stream().filter((member) -> guild.rolesOf(member).contains(role.id())).count());
        }
        return DiscordRoutes.ok(counts);
    }

    private void update(EmulatedGuild guild, EmulatedRole role) {
        guild.replaceRole(role);
        this.gateway.dispatch(GatewayEvent.GUILD_ROLE_UPDATE, guild.id(),
                () -> this.payloads.roleEvent(guild, role).toString());
    }

    /** MANAGE_ROLES, and for any role but {@code @everyone} a highest role above it. */
    private void requireManaging(EmulatedGuild guild, EmulatedRole role) {
        long bot = this.world.botUser().id();
        Permissions.require(guild, bot, Permissions.MANAGE_ROLES);
        if (role.id() != guild.id()) {
            Permissions.requireAbove(guild, bot, role.position());
        }
    }

    /** The permissions a body gives a role: none the bot lacks itself. */
    private long permissions(EmulatedGuild guild, JsonNode body, long fallback) {
        if (!body.hasNonNull("permissions")) {
            return fallback;
        }
        long permissions = Long.parseLong(body.path("permissions").asString());
        long own = guild.permissionsOf(this.world.botUser().id());
        if ((permissions & ~own) != 0) {
            throw new RestApi.DiscordError(403, 50013, "Missing Permissions");
        }
        return permissions;
    }

    /**
     * The colour a body gives: {@code colors.primary_color}, or the older {@code color}.
     */
    private static int color(JsonNode body, int fallback) {
        JsonNode primary = body.path("colors").path("primary_color");
        return primary.isNumber() ? primary.asInt() : body.path("color").asInt(fallback);
    }

    private static String name(JsonNode body, String fallback) {
        String name = body.path("name").asString(fallback);
        if (name.length() > 100) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: name: Must be 100 or fewer in length.");
        }
        return name;
    }

    static EmulatedRole role(EmulatedGuild guild, Map<String, String> params) {
        return guild.findRole(DiscordRoutes.id(params, "role_id"))
            .orElseThrow(() -> RestApi.DiscordError.unknown("Role", 10011));
    }

    private ArrayNode roles(EmulatedGuild guild, List<EmulatedRole> roles) {
        ArrayNode array = this.payloads.array();
        roles.forEach((role) -> array.add(this.payloads.role(role, guild.id())));
        return array;
    }

}
