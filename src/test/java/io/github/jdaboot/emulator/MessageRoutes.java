package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of messages: send, read one or the history (before, after or around an
 * id), edit, delete one or in bulk, crosspost, and pins. Deleting and pinning dispatch
 * what Discord dispatches: MESSAGE_DELETE, MESSAGE_DELETE_BULK, CHANNEL_PINS_UPDATE.
 */
final class MessageRoutes {

    /** Discord's usual limit for sending messages: 5 per 5 seconds per channel. */
    static final RateLimits.Limit SENDING = new RateLimits.Limit(5, Duration.ofSeconds(5));

    /** A bulk delete takes only messages younger than this. */
    static final Duration BULK_DELETE_AGE = Duration.ofDays(14);

    /** How many messages a channel may have pinned. */
    static final int MAX_PINS = 250;

    /** Message flag: published to the channels following an announcement channel. */
    private static final int CROSSPOSTED = 1;

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Messaging messaging;

    private final Gateway gateway;

    MessageRoutes(EmulatorWorld world, Payloads payloads, Messaging messaging, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.messaging = messaging;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        RateLimits.Limit usual = DiscordRoutes.DEFAULT;
        api.route("POST", "channels/{channel_id}/messages", SENDING, true, this::create);
        api.route("GET", "channels/{channel_id}/messages", usual, true, this::history);
        api.route("GET", "channels/{channel_id}/messages/{message_id}", usual, true,
                (request, params) -> DiscordRoutes.ok(this.payloads.message(message(params), false)));
        api.route("PATCH", "channels/{channel_id}/messages/{message_id}", usual, true, this::edit);
        api.route("DELETE", "channels/{channel_id}/messages/{message_id}", usual, true, this::delete);
        api.route("POST", "channels/{channel_id}/messages/bulk-delete", usual, true, this::bulkDelete);
        api.route("POST", "channels/{channel_id}/messages/{message_id}/crosspost", usual, true, this::crosspost);
        api.route("GET", "channels/{channel_id}/messages/pins", usual, true, this::pins);
        api.route("PUT", "channels/{channel_id}/messages/pins/{message_id}", usual, true, this::pin);
        api.route("DELETE", "channels/{channel_id}/messages/pins/{message_id}", usual, true, this::unpin);
    }

    private EmulatorResponse create(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        if (!channel.isTextBased()) {
            throw new RestApi.DiscordError(400, 50008, "Cannot send messages in a non-text channel");
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        EmulatedMessage message = this.messaging.botSends(channel, body.json(), body.files(), 0, 0, 0);
        return DiscordRoutes.ok(this.payloads.message(message, false));
    }

    private EmulatorResponse edit(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = message(params);
        if (message.author().id() != this.world.botUser().id()) {
            throw new RestApi.DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
        DiscordRoutes.Body body = DiscordRoutes.Body.of(request, this.world);
        return DiscordRoutes
            .ok(this.payloads.message(this.messaging.edit(message, body.json(), body.files(), false), false));
    }

    /**
     * The channel's messages, newest first: {@code limit} 1-100 (50), before or after an
     * id, or around one (half before it, half after, the message itself included).
     */
    private EmulatorResponse history(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        int limit = Math.clamp(Integer.parseInt(request.queryParam("limit").orElse("50")), 1, 100);
        List<EmulatedMessage> messages = new ArrayList<>(this.world.messages(channel.id()));
        messages.removeIf(EmulatedMessage::isEphemeral);
        messages.sort((a, b) -> Long.compareUnsigned(b.id(), a.id()));
        String around = request.queryParam("around").orElse(null);
        if (around != null) {
            long id = Long.parseUnsignedLong(around);
            List<EmulatedMessage> newer = messages.stream()
                .filter((m) -> Long.compareUnsigned(m.id(), id) > 0)
                .toList()
                .reversed();
            List<EmulatedMessage> older = messages.stream()
                .filter((m) -> Long.compareUnsigned(m.id(), id) <= 0)
                .toList();
            int newerCount = Math.min(newer.size(), limit / 2);
            List<EmulatedMessage> picked = new ArrayList<>(newer.subList(0, newerCount).reversed());
            picked.addAll(older.subList(0, Math.min(older.size(), limit - newerCount)));
            messages = picked;
        }
        else {
            long before = request.queryParam("before").map(Long::parseUnsignedLong).orElse(-1L);
            long after = request.queryParam("after").map(Long::parseUnsignedLong).orElse(0L);
            messages
                .removeIf((m) -> Long.compareUnsigned(m.id(), before) >= 0 || Long.compareUnsigned(m.id(), after) <= 0);
            if (request.queryParam("after").isPresent() && request.queryParam("before").isEmpty()) {
                // after an id, Discord answers the oldest ones after it
                messages = messages.subList(Math.max(0, messages.size() - limit), messages.size());
            }
        }
        ArrayNode array = this.payloads.array();
        messages.stream().limit(limit).forEach((message) -> array.add(this.payloads.message(message, false)));
        return DiscordRoutes.ok(array);
    }

    /**
     * Deletes a message: the bot's own, or in a guild anyone's with MANAGE_MESSAGES;
     * MESSAGE_DELETE follows.
     */
    private EmulatorResponse delete(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = message(params);
        if (message.author().id() != this.world.botUser().id()) {
            EmulatedGuild guild = this.world.guild(message.guildId())
                .orElseThrow(() -> new RestApi.DiscordError(403, 50003, "Cannot execute action on a DM channel"));
            Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_MESSAGES);
        }
        this.world.remove(message);
        this.gateway.dispatch(GatewayEvent.MESSAGE_DELETE, message.guildId(),
                () -> this.payloads.messageIds(message, "id").toString());
        return EmulatorResponse.noContent();
    }

    /**
     * Deletes 2 to 100 messages of a guild channel at once, none older than 14 days; ids
     * of messages that are gone are passed over. Needs MANAGE_MESSAGES;
     * MESSAGE_DELETE_BULK follows.
     */
    private EmulatorResponse bulkDelete(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        EmulatedGuild guild = this.world.guild(channel.guildId())
            .orElseThrow(() -> new RestApi.DiscordError(403, 50003, "Cannot execute action on a DM channel"));
        Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_MESSAGES);
        JsonNode ids = DiscordRoutes.json(request.bodyText(), this.world).path("messages");
        if (!ids.isArray() || ids.size() < 2 || ids.size() > 100) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: messages: Must be between 2 and 100 in length.");
        }
        Set<Long> unique = new LinkedHashSet<>();
        Instant oldest = this.world.now().minus(BULK_DELETE_AGE);
        for (JsonNode id : ids) {
            long messageId = Long.parseUnsignedLong(id.asString());
            if (Instant.ofEpochMilli(Snowflakes.timestampOf(messageId)).isBefore(oldest)) {
                throw new RestApi.DiscordError(400, 50034,
                        "You can only bulk delete messages that are under 14 days old.");
            }
            unique.add(messageId);
        }
        List<EmulatedMessage> deleted = new ArrayList<>();
        for (long id : unique) {
            this.world.message(id).filter((m) -> m.channelId() == channel.id()).ifPresent(deleted::add);
        }
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
        return EmulatorResponse.noContent();
    }

    /**
     * Publishes a message of an announcement channel to the channels following it (the
     * emulator has none, so only the flag changes); only in announcement channels, once.
     */
    private EmulatorResponse crosspost(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = message(params);
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        if (channel.type() != EmulatedChannel.GUILD_ANNOUNCEMENT) {
            throw new RestApi.DiscordError(400, 50024, "Cannot execute action on this channel type");
        }
        if ((message.flags() & CROSSPOSTED) != 0) {
            throw new RestApi.DiscordError(400, 40033, "This message has already been crossposted.");
        }
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElseThrow();
        Permissions.require(guild, this.world.botUser().id(), (message.author().id() == this.world.botUser().id())
                ? Permissions.SEND_MESSAGES : Permissions.MANAGE_MESSAGES);
        EmulatedMessage published = this.messaging.flag(message, CROSSPOSTED);
        return DiscordRoutes.ok(this.payloads.message(published, false));
    }

    /**
     * The channel's pinned messages, the latest pin first: {@code limit} 1-50 (50),
     * pinned {@code before} an ISO 8601 time, and whether there are more.
     */
    private EmulatorResponse pins(EmulatorRequest request, Map<String, String> params) {
        EmulatedChannel channel = DiscordRoutes.channel(this.world, params);
        int limit = Math.clamp(Integer.parseInt(request.queryParam("limit").orElse("50")), 1, 50);
        Instant before = request.queryParam("before").map(MessageRoutes::instant).orElse(Instant.MAX);
        List<EmulatedMessage> pinned = this.world.messages(channel.id())
            .stream()
            .filter((message) -> this.world.pinnedAt(message.id()).filter((at) -> at.isBefore(before)).isPresent())
            .sorted(Comparator.comparing((EmulatedMessage message) -> this.world.pinnedAt(message.id()).orElseThrow())
                .reversed())
            .toList();
        ObjectNode json = this.payloads.object();
        ArrayNode items = json.putArray("items");
        for (EmulatedMessage message : pinned.subList(0, Math.min(limit, pinned.size()))) {
            ObjectNode item = items.addObject();
            item.put("pinned_at", Payloads.timestamp(this.world.pinnedAt(message.id()).orElseThrow()));
            item.set("message", this.payloads.message(message, false));
        }
        json.put("has_more", pinned.size() > limit);
        return DiscordRoutes.ok(json);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: before: Could not parse " + text + ". Should be ISO8601.");
        }
    }

    /** Pins a message (MANAGE_MESSAGES in a guild), at most 250 a channel. */
    private EmulatorResponse pin(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = message(params);
        requireManaging(message);
        if (this.world.pinnedAt(message.id()).isEmpty()) {
            long pinned = this.world.messages(message.channelId())
                .stream()
                .filter((m) -> this.world.pinnedAt(m.id()).isPresent())
                .count();
            if (pinned >= MAX_PINS) {
                throw new RestApi.DiscordError(400, 30003, "Maximum number of pins reached (" + MAX_PINS + ")");
            }
            this.world.pin(message);
            pinsUpdated(message);
        }
        return EmulatorResponse.noContent();
    }

    private EmulatorResponse unpin(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = message(params);
        requireManaging(message);
        if (this.world.unpin(message)) {
            pinsUpdated(message);
        }
        return EmulatorResponse.noContent();
    }

    private void requireManaging(EmulatedMessage message) {
        this.world.guild(message.guildId())
            .ifPresent((guild) -> Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_MESSAGES));
    }

    private void pinsUpdated(EmulatedMessage message) {
        this.gateway.dispatch(GatewayEvent.CHANNEL_PINS_UPDATE, message.guildId(), () -> {
            ObjectNode json = this.payloads.object();
            if (message.guildId() != 0) {
                json.put("guild_id", Payloads.id(message.guildId()));
            }
            json.put("channel_id", Payloads.id(message.channelId()));
            json.put("last_pin_timestamp",
                    this.world.lastPin(message.channelId()).map(Payloads::timestamp).orElse(null));
            return json.toString();
        });
    }

    private EmulatedMessage message(Map<String, String> params) {
        return DiscordRoutes.message(this.world, params);
    }

}
