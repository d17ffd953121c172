package io.github.jdaboot.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of members and bans: read, edit (nickname, roles, timeout), add with an
 * OAuth2 token, kick, give and take a role, the bot's own nickname; ban, unban, list and
 * read bans, ban in bulk. As on Discord, acting on a member takes the permission for it
 * and a highest role above theirs (the owner is out of reach), and a role given or taken
 * must be below the bot's highest. Members in voice there are none, so muting, deafening
 * and moving get Discord's 40032. Changes dispatch GUILD_MEMBER_ADD, GUILD_MEMBER_UPDATE,
 * GUILD_MEMBER_REMOVE, GUILD_BAN_ADD and GUILD_BAN_REMOVE.
 */
final class MemberRoutes {

    /** The longest timeout Discord allows. */
    static final Duration LONGEST_TIMEOUT = Duration.ofDays(28);

    /** How far back a ban may delete the user's messages. */
    static final Duration LONGEST_MESSAGE_DELETION = Duration.ofDays(7);

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    MemberRoutes(EmulatorWorld world, Payloads payloads, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        RateLimits.Limit limit = DiscordRoutes.DEFAULT;
        String member = "guilds/{guild_id}/members/{user_id}";
        api.route("GET", member, limit, true, (request, params) -> {
            EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
            return DiscordRoutes.ok(this.payloads.member(guild, member(guild, params), true));
        });
        api.route("PATCH", member, limit, true, this::edit);
        api.route("PUT", member, limit, true, this::add);
        api.route("DELETE", member, limit, true, this::kick);
        api.route("PATCH", "guilds/{guild_id}/members/@me", limit, true, this::editSelf);
        api.route("PUT", member + "/roles/{role_id}", limit, true, (request, params) -> role(params, true));
        api.route("DELETE", member + "/roles/{role_id}", limit, true, (request, params) -> role(params, false));
        api.route("GET", "guilds/{guild_id}/bans", limit, true, this::bans);
        api.route("GET", "guilds/{guild_id}/bans/{user_id}", limit, true, this::ban);
        api.route("PUT", "guilds/{guild_id}/bans/{user_id}", limit, true, this::putBan);
        api.route("DELETE", "guilds/{guild_id}/bans/{user_id}", limit, true, this::unban);
        api.route("POST", "guilds/{guild_id}/bulk-ban", limit, true, this::bulkBan);
    }

    /**
     * Edits a member: {@code nick} (MANAGE_NICKNAMES; CHANGE_NICKNAME for the bot's own),
     * {@code roles} (MANAGE_ROLES, each changed role below the bot's highest),
     * {@code communication_disabled_until} (MODERATE_MEMBERS, at most 28 days, not an
     * administrator).
     */
    private EmulatorResponse edit(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedUser user = member(guild, params);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        long bot = this.world.botUser().id();
        boolean self = user.id() == bot;
        if (body.has("mute") || body.has("deaf") || body.has("channel_id")) {
            throw new RestApi.DiscordError(400, 40032, "Target user is not connected to voice.");
        }
        String nick = guild.nick(user.id()).orElse(null);
        if (body.has("nick")) {
            Permissions.require(guild, bot, self ? Permissions.CHANGE_NICKNAME : Permissions.MANAGE_NICKNAMES);
            if (!self) {
                requireReach(guild, user);
            }
            nick = nick(body);
        }
        Set<Long> roles = guild.rolesOf(user.id());
        if (body.has("roles")) {
            Set<Long> wanted = new HashSet<>();
            for (JsonNode id : body.path("roles")) {
                wanted.add(Long.parseUnsignedLong(id.asString()));
            }
            Set<Long> held = roles;
            Set<Long> changed = new HashSet<>(wanted);
            changed.addAll(held);
            changed.removeIf((id) -> wanted.contains(id) && held.contains(id));
            for (long id : changed) {
                requireAssignable(guild,
                        guild.findRole(id)
                            .orElseThrow(() -> new RestApi.DiscordError(400, 50035,
                                    "Invalid Form Body: roles: Role " + Payloads.id(id) + " is not in the guild")));
            }
            roles = wanted;
        }
        Instant timeout = guild.timeoutUntil(user.id()).orElse(null);
        if (body.has("communication_disabled_until")) {
            Permissions.require(guild, bot, Permissions.MODERATE_MEMBERS);
            requireReach(guild, user);
            if ((guild.permissionsOf(user.id()) & Permissions.ADMINISTRATOR) != 0) {
                throw new RestApi.DiscordError(403, 50013, "Missing Permissions");
            }
            timeout = timeout(body.get("communication_disabled_until"));
        }
        guild.updateMember(user.id(), roles, nick, timeout);
        memberUpdated(guild, user);
        return DiscordRoutes.ok(this.payloads.member(guild, user, true));
    }

    /** The bot's own nickname: CHANGE_NICKNAME. */
    private EmulatorResponse editSelf(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedUser bot = this.world.botUser();
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        Permissions.require(guild, bot.id(), Permissions.CHANGE_NICKNAME);
        guild.updateMember(bot.id(), guild.rolesOf(bot.id()),
                body.has("nick") ? nick(body) : guild.nick(bot.id()).orElse(null),
                guild.timeoutUntil(bot.id()).orElse(null));
        memberUpdated(guild, bot);
        return DiscordRoutes.ok(this.payloads.member(guild, bot, true));
    }

    /**
     * Adds a user with an OAuth2 {@code access_token} for the guild (answering 204 when a
     * member already); a banned user is refused.
     */
    private EmulatorResponse add(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedUser user = DiscordRoutes.user(this.world, params);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (body.path("access_token").asString("").isBlank()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: access_token: This field is required");
        }
        if (guild.isMember(user.id())) {
            return EmulatorResponse.noContent();
        }
        if (guild.isBanned(user.id())) {
            throw new RestApi.DiscordError(403, 40007, "The user is banned from this guild.");
        }
        Set<Long> roles = new HashSet<>();
        for (JsonNode id : body.path("roles")) {
            EmulatedRole role = guild.findRole(Long.parseUnsignedLong(id.asString()))
                .orElseThrow(() -> RestApi.DiscordError.unknown("Role", 10011));
            requireAssignable(guild, role);
            roles.add(role.id());
        }
        guild.addMember(user.id(), roles);
        if (body.hasNonNull("nick")) {
            guild.updateMember(user.id(), roles, nick(body), null);
        }
        this.gateway.dispatch(GatewayEvent.GUILD_MEMBER_ADD, guild.id(),
                () -> this.payloads.memberEvent(guild, user).toString());
        return EmulatorResponse.json(201, this.payloads.member(guild, user, true).toString());
    }

    /** Removes a member from the guild: KICK_MEMBERS, and the member within reach. */
    private EmulatorResponse kick(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedUser user = member(guild, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.KICK_MEMBERS);
        requireReach(guild, user);
        guild.removeMember(user.id());
        memberRemoved(guild, user);
        return EmulatorResponse.noContent();
    }

    /**
     * Gives ({@code PUT}) or takes a role: MANAGE_ROLES, the role below the bot's
     * highest.
     */
    private EmulatorResponse role(Map<String, String> params, boolean give) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedUser user = member(guild, params);
        EmulatedRole role = RoleRoutes.role(guild, params);
        requireAssignable(guild, role);
        if (give) {
            guild.grantRole(user.id(), role.id());
        }
        else {
            guild.revokeRole(user.id(), role.id());
        }
        memberUpdated(guild, user);
        return EmulatorResponse.noContent();
    }

    /**
     * The bans, by user id: {@code limit} 1-1000 (1000), {@code before} or {@code after}
     * an id.
     */
    private EmulatorResponse bans(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.BAN_MEMBERS);
        int limit = Math.clamp(Integer.parseInt(request.queryParam("limit").orElse("1000")), 1, 1000);
        long before = request.queryParam("before").map(Long::parseUnsignedLong).orElse(-1L);
        long after = request.queryParam("after").map(Long::parseUnsignedLong).orElse(0L);
        List<Long> ids = new ArrayList<>(guild.bannedIds());
        ids.removeIf((id) -> Long.compareUnsigned(id, before) >= 0 || Long.compareUnsigned(id, after) <= 0);
        if (request.queryParam("before").isPresent() && request.queryParam("after").isEmpty()) {
            ids = ids.subList(Math.max(0, ids.size() - limit), ids.size());
        }
        ArrayNode array = this.payloads.array();
        ids.stream().limit(limit).forEach((id) -> array.add(ban(guild, id)));
        return DiscordRoutes.ok(array);
    }

    private EmulatorResponse ban(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.BAN_MEMBERS);
        long id = DiscordRoutes.id(params, "user_id");
        if (!guild.isBanned(id)) {
            throw RestApi.DiscordError.unknown("Ban", 10026);
        }
        return DiscordRoutes.ok(ban(guild, id));
    }

    /**
     * Bans a user (BAN_MEMBERS; a member within reach), with the reason of the
     * {@code X-Audit-Log-Reason} header, deleting their messages of the last
     * {@code delete_message_seconds} (at most 7 days).
     */
    private EmulatorResponse putBan(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        EmulatedUser user = DiscordRoutes.user(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.BAN_MEMBERS);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        Duration deletion = messageDeletion(body);
        if (guild.isMember(user.id())) {
            requireReach(guild, user);
        }
        ban(guild, user, reason(request), deletion);
        return EmulatorResponse.noContent();
    }

    private EmulatorResponse unban(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.BAN_MEMBERS);
        EmulatedUser user = DiscordRoutes.user(this.world, params);
        if (!guild.unban(user.id())) {
            throw RestApi.DiscordError.unknown("Ban", 10026);
        }
        this.gateway.dispatch(GatewayEvent.GUILD_BAN_REMOVE, guild.id(),
                () -> this.payloads.userEvent(guild, user).toString());
        return EmulatorResponse.noContent();
    }

    /**
     * Bans up to 200 users at once: BAN_MEMBERS and MANAGE_GUILD; those unknown, out of
     * reach or banned already fail; none banned at all is Discord's 500000.
     */
    private EmulatorResponse bulkBan(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.BAN_MEMBERS | Permissions.MANAGE_GUILD);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        JsonNode ids = body.path("user_ids");
        if (!ids.isArray() || ids.isEmpty() || ids.size() > 200) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: user_ids: Must be between 1 and 200 in length.");
        }
        Duration deletion = messageDeletion(body);
        String reason = reason(request);
        ObjectNode json = this.payloads.object();
        ArrayNode banned = json.putArray("banned_users");
        ArrayNode failed = json.putArray("failed_users");
        for (JsonNode id : ids) {
            long userId = Long.parseUnsignedLong(id.asString());
            EmulatedUser user = this.world.user(userId).orElse(null);
            boolean reachable = user != null && !guild.isBanned(userId) && (!guild.isMember(userId)
                    || guild.highestPosition(this.world.botUser().id()) > guild.highestPosition(userId));
            if (reachable) {
                ban(guild, user, reason, deletion);
                banned.add(user.idString());
            }
            else {
                failed.add(Payloads.id(userId));
            }
        }
        if (banned.isEmpty()) {
            throw new RestApi.DiscordError(403, 500000, "Failed to ban users");
        }
        return DiscordRoutes.ok(json);
    }

    private void ban(EmulatedGuild guild, EmulatedUser user, @Nullable String reason, Duration deletion) {
        boolean member = guild.isMember(user.id());
        guild.ban(user.id(), reason);
        this.gateway.dispatch(GatewayEvent.GUILD_BAN_ADD, guild.id(),
                () -> this.payloads.userEvent(guild, user).toString());
        if (member) {
            memberRemoved(guild, user);
        }
        if (deletion.isPositive()) {
            Instant since = this.world.now().minus(deletion);
            for (EmulatedChannel channel : guild.channels()) {
                List<EmulatedMessage> deleted = this.world.messages(channel.id())
                    .stream()
                    .filter((message) -> message.author().id() == user.id() && !message.timestamp().isBefore(since))
                    .toList();
                deleted.forEach(this.world::remove);
                if (!deleted.isEmpty()) {
                    this.gateway.dispatch(GatewayEvent.MESSAGE_DELETE_BULK, guild.id(), () -> {
                        ObjectNode json = this.payloads.object();
                        ArrayNode array = json.putArray("ids");
                        deleted.forEach((message) -> array.add(message.idString()));
                        json.put("channel_id", channel.idString());
                        json.put("guild_id", guild.idString());
                        return json.toString();
                    });
                }
            }
        }
    }

    private ObjectNode ban(EmulatedGuild guild, long userId) {
        ObjectNode json = this.payloads.object();
        json.put("reason", guild.banReason(userId).orElse(null));
        json.set("user", this.payloads.user(this.world.user(userId).orElseThrow()));
        return json;
    }

    private void memberUpdated(EmulatedGuild guild, EmulatedUser user) {
        this.gateway.dispatch(GatewayEvent.GUILD_MEMBER_UPDATE, guild.id(),
                () -> this.payloads.memberEvent(guild, user).toString());
    }

    private void memberRemoved(EmulatedGuild guild, EmulatedUser user) {
        this.gateway.dispatch(GatewayEvent.GUILD_MEMBER_REMOVE, guild.id(),
                () -> this.payloads.userEvent(guild, user).toString());
    }

    /**
     * A member out of the bot's reach: the owner, or one whose highest role is not below
     * the bot's.
     */
    private void requireReach(EmulatedGuild guild, EmulatedUser user) {
        long bot = this.world.botUser().id();
        if (user.id() == guild.ownerId() || guild.highestPosition(bot) <= guild.highestPosition(user.id())) {
            throw new RestApi.DiscordError(403, 50013, "Missing Permissions");
        }
    }

    private void requireAssignable(EmulatedGuild guild, EmulatedRole role) {
        long bot = this.world.botUser().id();
        Permissions.require(guild, bot, Permissions.MANAGE_ROLES);
        if (role.id() == guild.id()) {
            throw new RestApi.DiscordError(400, 50028, "Invalid Role");
        }
        Permissions.requireAbove(guild, bot, role.position());
    }

    private EmulatedUser member(EmulatedGuild guild, Map<String, String> params) {
        long id = DiscordRoutes.id(params, "user_id");
        if (!guild.isMember(id)) {
            throw RestApi.DiscordError.unknown("Member", 10007);
        }
        return this.world.user(id).orElseThrow(() -> RestApi.DiscordError.unknown("User", 10013));
    }

    /** A nickname of up to 32 characters; null or empty takes it off. */
    private static @Nullable String nick(JsonNode body) {
        JsonNode nick = body.get("nick");
        if (nick == null || nick.isNull() || nick.asString("").isEmpty()) {
            return null;
        }
        if (nick.asString().codePointCount(0, nick.asString().length()) > 32) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: nick: Must be 32 or fewer in length.");
        }
        return nick.asString();
    }

    /** A timeout's end: an ISO 8601 time at most 28 days ahead, or null to end it. */
    private @Nullable Instant timeout(@Nullable JsonNode until) {
        if (until == null || until.isNull()) {
            return null;
        }
        Instant end;
        try {
            end = OffsetDateTime.parse(until.asString()).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: communication_disabled_until: Could not "
                    + "parse " + until.asString() + ". Should be ISO8601.");
        }
        if (end.isAfter(this.world.now().plus(LONGEST_TIMEOUT))) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: communication_disabled_until: Cannot time " + "out for more than 28 days.");
        }
        return end;
    }

    private static Duration messageDeletion(JsonNode body) {
        long seconds = body.path("delete_message_seconds").asLong(0);
        if (seconds < 0 || seconds > LONGEST_MESSAGE_DELETION.toSeconds()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: delete_message_seconds: int value should "
                    + "be less than or equal to 604800.");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The audit log reason a request gives, URL-encoded as Discord takes it. */
    private static @Nullable String reason(EmulatorRequest request) {
        String reason = request.header("x-audit-log-reason");
        return (reason != null) ? URLDecoder.decode(reason, StandardCharsets.UTF_8) : null;
    }

}
