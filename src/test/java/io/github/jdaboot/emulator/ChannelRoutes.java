package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The REST routes of channels: read, edit (name, topic, age restriction, slowmode,
 * position, category, permission overwrites) and delete one; list, create and reorder a
 * guild's; set and remove a permission overwrite; typing. Changes dispatch
 * CHANNEL_CREATE, CHANNEL_UPDATE, CHANNEL_DELETE (THREAD_UPDATE and THREAD_DELETE for a
 * thread). The emulator creates text, voice, category and announcement channels.
 */
final class ChannelRoutes {

    /** The channel types a guild channel can be created as in the emulator. */
    private static final Set<Integer> CREATABLE = Set.of(EmulatedChannel.GUILD_TEXT, EmulatedChannel.GUILD_VOICE,
            EmulatedChannel.GUILD_CATEGORY, EmulatedChannel.GUILD_ANNOUNCEMENT);

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    ChannelRoutes(EmulatorWorld world, Payloads payloads, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        RateLimits.Limit limit = DiscordRoutes.DEFAULT;
        api.route("GET", "channels/{channel_id}", limit, true, (request, params) -> DiscordRoutes
            .ok(this.payloads.channel(DiscordRoutes.channel(this.world, params))));
        api.route("PATCH", "channels/{channel_id}", limit, true, this::edit);
        api.route("DELETE", "channels/{channel_id}", limit, true, this::delete);
        api.route("POST", "channels/{channel_id}/typing", limit, true, (request, params) -> {
            DiscordRoutes.channel(this.world, params);
            return EmulatorResponse.noContent();
        });
        api.route("PUT", "channels/{channel_id}/permissions/{overwrite_id}", limit, true, this::putOverwrite);
        api.route("DELETE", "channels/{channel_id}/permissions/{overwrite_id}", limit, true, this::deleteOverwrite);
        api.route("GET", "guilds/{guild_id}/channels", limit, true, (request, params) -> {
            ArrayNode channels = this.payloads.array();
            DiscordRoutes.guild(this.world, params)
                .channels()
                .stream()
                .filter((channel) -> !channel.isThread())
                .forEach((channel) -> channels.add(this.payloads.channel(channel)));
            return DiscordRoutes.ok(channels);
        });
        api.route("POST", "guilds/{guild_id}/channels", limit, true, this::create);
        api.route("PATCH", "guilds/{guild_id}/channels", limit, true, this::reorder);
    }

    /** Creates a guild channel: MANAGE_CHANNELS; a name of 1-100 characters. */
    private EmulatorResponse create(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_CHANNELS);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        int type = body.path("type").asInt(EmulatedChannel.GUILD_TEXT);
        if (!CREATABLE.contains(type)) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: type: Value must be one of {0, 2, 4, 5} (the types the emulator creates).");
        }
        EmulatedChannel created = new EmulatedChannel(this.world.nextId(), guild.id(),
                name(body.path("name").asString(""), type), type, parent(guild, body.get("parent_id"), 0), 0,
                text(body, "topic", null, 1024), body.path("nsfw").asBoolean(false),
                slowmode(body.path("rate_limit_per_user").asInt(0)),
                body.path("position").asInt(guild.channels().size()), overwrites(body.path("permission_overwrites")),
                List.of());
        this.world.addChannel(created);
        this.gateway.dispatch(GatewayEvent.CHANNEL_CREATE, guild.id(), () -> this.payloads.channel(created).toString());
        return EmulatorResponse.json(201, this.payloads.channel(created).toString());
    }

    /**
     * Edits a guild channel or thread (MANAGE_CHANNELS; MANAGE_ROLES too for its
     * overwrites); what the body leaves out stays.
     */
    private EmulatorResponse edit(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        EmulatedGuild guild = guildOf(channel);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        Permissions.require(guild, this.world.botUser().id(),
                Permissions.MANAGE_CHANNELS | (body.has("permission_overwrites") ? Permissions.MANAGE_ROLES : 0));
        EmulatedChannel edited = new EmulatedChannel(channel.id(), channel.guildId(),
                body.has("name") ? name(body.path("name").asString(""), channel.type()) : channel.name(),
                channel.type(),
                body.has("parent_id") ? parent(guild, body.get("parent_id"), channel.parentId()) : channel.parentId(),
                0, body.has("topic") ? text(body, "topic", null, 1024) : channel.topic(),
                body.path("nsfw").asBoolean(channel.nsfw()),
                slowmode(body.path("rate_limit_per_user").asInt(channel.rateLimitPerUser())),
                body.path("position").asInt(channel.position()), body.has("permission_overwrites")
                        ? overwrites(body.path("permission_overwrites")) : channel.overwrites(),
                channel.members());
        updated(edited);
        return DiscordRoutes.ok(this.payloads.channel(edited));
    }

    /**
     * Deletes a guild channel or thread (MANAGE_CHANNELS) with its messages; a DM is only
     * closed, and stays. Answers the channel as it was.
     */
    private EmulatorResponse delete(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        if (channel.isDirect()) {
            return DiscordRoutes.ok(this.payloads.channel(channel));
        }
        EmulatedGuild guild = guildOf(channel);
        Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_CHANNELS);
        String json = this.payloads.channel(channel).toString();
        this.world.removeChannel(channel);
        this.gateway.dispatch(channel.isThread() ? GatewayEvent.THREAD_DELETE : GatewayEvent.CHANNEL_DELETE, guild.id(),
                () -> json);
        return EmulatorResponse.json(200, json);
    }

    /** Sets the positions (and categories) of a guild's channels: MANAGE_CHANNELS. */
    private EmulatorResponse reorder(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = DiscordRoutes.guild(this.world, params);
        Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_CHANNELS);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (!body.isArray()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: expected an array of channel positions");
        }
        List<EmulatedChannel> changed = new ArrayList<>();
        for (JsonNode entry : body) {
            long id = Long.parseUnsignedLong(entry.path("id").asString("0"));
            EmulatedChannel channel = this.world.channel(id)
                .filter((candidate) -> candidate.guildId() == guild.id())
                .orElseThrow(() -> new RestApi.DiscordError(400, 50035,
                        "Invalid Form Body: id: Channel " + Payloads.id(id) + " is not in the guild"));
            changed.add(new EmulatedChannel(channel.id(), channel.guildId(), channel.name(), channel.type(),
                    entry.has("parent_id") ? parent(guild, entry.get("parent_id"), channel.parentId())
                            : channel.parentId(),
                    0, channel.topic(), channel.nsfw(), channel.rateLimitPerUser(),
                    entry.path("position").asInt(channel.position()), channel.overwrites(), channel.members()));
        }
        changed.forEach(this::updated);
        return EmulatorResponse.noContent();
    }

    /** Sets a role's ({@code type} 0) or a member's (1) overwrite: MANAGE_ROLES. */
    private EmulatorResponse putOverwrite(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        EmulatedGuild guild = guildOf(channel);
        Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_ROLES);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        long id = DiscordRoutes.id(params, "overwrite_id");
        EmulatedChannel.Overwrite overwrite = overwrite(id, body);
        List<EmulatedChannel.Overwrite> overwrites = new ArrayList<>(channel.overwrites());
        overwrites.removeIf((existing) -> existing.id() == id);
        overwrites.add(overwrite);
        updated(withOverwrites(channel, overwrites));
        return EmulatorResponse.noContent();
    }

    private EmulatorResponse deleteOverwrite(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        Permissions.require(guildOf(channel), this.world.botUser().id(), Permissions.MANAGE_ROLES);
        long id = DiscordRoutes.id(params, "overwrite_id");
        List<EmulatedChannel.Overwrite> overwrites = new ArrayList<>(channel.overwrites());
        if (overwrites.removeIf((existing) -> existing.id() == id)) {
            updated(withOverwrites(channel, overwrites));
        }
        return EmulatorResponse.noContent();
    }

    private static EmulatedChannel withOverwrites(EmulatedChannel channel, List<EmulatedChannel.Overwrite> overwrites) {
        return new EmulatedChannel(channel.id(), channel.guildId(), channel.name(), channel.type(), channel.parentId(),
                channel.recipientId(), channel.topic(), channel.nsfw(), channel.rateLimitPerUser(), channel.position(),
                List.copyOf(overwrites), channel.members());
    }

    private void updated(EmulatedChannel channel) {
        this.world.replaceChannel(channel);
        this.gateway.dispatch(channel.isThread() ? GatewayEvent.THREAD_UPDATE : GatewayEvent.CHANNEL_UPDATE,
                channel.guildId(), () -> this.payloads.channel(channel).toString());
    }

    private EmulatedGuild guildOf(EmulatedChannel channel) {
        return this.world.guild(channel.guildId())
            .orElseThrow(() -> new RestApi.DiscordError(400, 50003, "Cannot execute action on a DM channel"));
    }

    /**
     * A channel name of 1-100 characters; a text or announcement channel's in lower case
     * with dashes for spaces, as Discord stores it.
     */
    private static String name(String name, int type) {
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > 100) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: name: Must be between 1 and 100 in length.");
        }
        if (type == EmulatedChannel.GUILD_TEXT || type == EmulatedChannel.GUILD_ANNOUNCEMENT) {
            return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        }
        return name;
    }

    private static @Nullable String text(JsonNode body, String field, @Nullable String fallback, int max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (value.isNull() || value.asString("").isEmpty()) {
            return null;
        }
        if (value.asString().length() > max) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: " + field + ": Must be " + max + " or fewer in length.");
        }
        return value.asString();
    }

    private static int slowmode(int seconds) {
        if (seconds < 0 || seconds > 21_600) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: rate_limit_per_user: int value should be less than or equal to 21600.");
        }
        return seconds;
    }

    /** A category of the guild, or none for null. */
    private long parent(EmulatedGuild guild, @Nullable JsonNode parentId, long fallback) {
        if (parentId == null) {
            return fallback;
        }
        if (parentId.isNull()) {
            return 0;
        }
        long id = Long.parseUnsignedLong(parentId.asString());
        return this.world.channel(id)
            .filter((channel) -> channel.guildId() == guild.id() && channel.type() == EmulatedChannel.GUILD_CATEGORY)
            .map(EmulatedChannel::id)
            .orElseThrow(() -> new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: parent_id: Not a category of the guild"));
    }

    private static List<EmulatedChannel.Overwrite> overwrites(JsonNode array) {
        List<EmulatedChannel.Overwrite> overwrites = new ArrayList<>();
        for (JsonNode entry : array) {
            overwrites.add(overwrite(Long.parseUnsignedLong(entry.path("id").asString("0")), entry));
        }
        return List.copyOf(overwrites);
    }

    private static EmulatedChannel.Overwrite overwrite(long id, JsonNode json) {
        int type = json.path("type").asInt(-1);
        if (type != 0 && type != 1) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: type: Value must be one of {0, 1}.");
        }
        return new EmulatedChannel.Overwrite(id, type, Long.parseLong(json.path("allow").asString("0")),
                Long.parseLong(json.path("deny").asString("0")));
    }

}
