package io.github.jdaboot.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of reactions: the bot adds and takes off its own, takes off another
 * user's, lists who reacted with an emoji, and clears one emoji or all. Each dispatches
 * what Discord dispatches (MESSAGE_REACTION_ADD, _REMOVE, _REMOVE_EMOJI, _REMOVE_ALL).
 * Reactions are Unicode emojis: the emulated guilds have no custom emojis, so one of
 * those is Discord's 10014 Unknown Emoji.
 */
final class ReactionRoutes {

    /** How many different emojis a message may carry. */
    static final int MAX_EMOJIS = 20;

    private static final String ME = "@me";

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Messaging messaging;

    private final Gateway gateway;

    ReactionRoutes(EmulatorWorld world, Payloads payloads, Messaging messaging, Gateway gateway) {
        this.world = world;
        this.payloads = payloads;
        this.messaging = messaging;
        this.gateway = gateway;
    }

    void register(RestApi api) {
        String reactions = "channels/{channel_id}/messages/{message_id}/reactions";
        RateLimits.Limit limit = DiscordRoutes.DEFAULT;
        api.route("PUT", reactions + "/{emoji}/{user_id}", limit, true, this::add);
        api.route("DELETE", reactions + "/{emoji}/{user_id}", limit, true, this::remove);
        api.route("GET", reactions + "/{emoji}", limit, true, this::users);
        api.route("DELETE", reactions + "/{emoji}", limit, true, (request, params) -> clear(params, emoji(params)));
        api.route("DELETE", reactions, limit, true, (request, params) -> clear(params, null));
    }

    /**
     * The bot reacts ({@code @me} only): ADD_REACTIONS for an emoji new on the message,
     * READ_MESSAGE_HISTORY, at most 20 emojis a message.
     */
    private EmulatorResponse add(EmulatorRequest request, Map<String, String> params) {
        if (!ME.equals(params.get("user_id"))) {
            return EmulatorResponse.error(404, "404: Not Found");
        }
        EmulatedMessage message = DiscordRoutes.message(this.world, params);
        String emoji = emoji(params);
        List<EmulatedReaction> reactions = this.world.reactions(message.id());
        boolean newEmoji = reactions.stream().noneMatch((reaction) -> reaction.emoji().equals(emoji));
        this.world.guild(message.guildId())
            .ifPresent((guild) -> Permissions.require(guild, this.world.botUser().id(),
                    Permissions.READ_MESSAGE_HISTORY | (newEmoji ? Permissions.ADD_REACTIONS : 0)));
        if (newEmoji && reactions.size() >= MAX_EMOJIS) {
            throw new RestApi.DiscordError(400, 30010, "Maximum number of reactions reached (" + MAX_EMOJIS + ")");
        }
        this.messaging.react(message, this.world.botUser(), emoji);
        return EmulatorResponse.noContent();
    }

    /** Takes off the bot's reaction ({@code @me}), or a user's with MANAGE_MESSAGES. */
    private EmulatorResponse remove(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = DiscordRoutes.message(this.world, params);
        String emoji = emoji(params);
        EmulatedUser user;
        if (ME.equals(params.get("user_id"))) {
            user = this.world.botUser();
        }
        else {
            user = DiscordRoutes.user(this.world, params);
            requireManaging(message);
        }
        this.messaging.unreact(message, user, emoji);
        return EmulatorResponse.noContent();
    }

    /**
     * Who reacted with the emoji, by id: {@code limit} 1-100 (25), {@code after} an id;
     * super reactions ({@code type=1}) there are none.
     */
    private EmulatorResponse users(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = DiscordRoutes.message(this.world, params);
        String emoji = emoji(params);
        int limit = Math.clamp(Integer.parseInt(request.queryParam("limit").orElse("25")), 1, 100);
        long after = request.queryParam("after").map(Long::parseUnsignedLong).orElse(0L);
        boolean burst = request.queryParam("type").map("1"::equals).orElse(false);
        ArrayNode users = this.payloads.array();
        this.world.reactions(message.id())
            .stream()
            .filter((reaction) -> !burst && reaction.emoji().equals(emoji))
            .flatMap((reaction) -> reaction.userIds().stream())
            .filter((id) -> Long.compareUnsigned(id, after) > 0)
            .sorted(Long::compareUnsigned)
            .limit(limit)
            .forEach((id) -> this.world.user(id).ifPresent((user) -> users.add(this.payloads.user(user))));
        return DiscordRoutes.ok(users);
    }

    /** Clears the emoji's reactions, or all with none given: MANAGE_MESSAGES. */
    private EmulatorResponse clear(Map<String, String> params, @Nullable String emoji) {
        EmulatedMessage message = DiscordRoutes.message(this.world, params);
        requireManaging(message);
        if (this.world.clearReactions(message.id(), emoji)) {
            if (emoji != null) {
                this.gateway.dispatch(GatewayEvent.MESSAGE_REACTION_REMOVE_EMOJI, message.guildId(), () -> {
                    ObjectNode json = this.payloads.messageIds(message, "message_id");
                    json.set("emoji", this.payloads.emoji(emoji));
                    return json.toString();
                });
            }
            else {
                this.gateway.dispatch(GatewayEvent.MESSAGE_REACTION_REMOVE_ALL, message.guildId(),
                        () -> this.payloads.messageIds(message, "message_id").toString());
            }
        }
        return EmulatorResponse.noContent();
    }

    private void requireManaging(EmulatedMessage message) {
        EmulatedGuild guild = this.world.guild(message.guildId())
            .orElseThrow(() -> new RestApi.DiscordError(403, 50003, "Cannot execute action on a DM channel"));
        Permissions.require(guild, this.world.botUser().id(), Permissions.MANAGE_MESSAGES);
    }

    /**
     * The route's emoji: a Unicode emoji; a custom one ({@code name:id}) is unknown, as
     * is text that is no emoji.
     */
    static String emoji(Map<String, String> params) {
        String emoji = params.getOrDefault("emoji", "");
        if (!isUnicodeEmoji(emoji)) {
            throw new RestApi.DiscordError(400, 10014, "Unknown Emoji");
        }
        return emoji;
    }

    /**
     * Whether the text is one Unicode emoji, possibly a sequence: emoji code points
     * joined by zero-width joiners, with variation selectors, keycaps, skin tones and
     * tags.
     */
    static boolean isUnicodeEmoji(String text) {
        if (text.isEmpty() || text.codePointCount(0, text.length()) > 16) {
            return false;
        }
        boolean emoji = false;
        for (int codePoint : text.codePoints().toArray()) {
            if (Character.isEmoji(codePoint) && !Character.isDigit(codePoint) && codePoint != '#' && codePoint != '*') {
                emoji = true;
            }
            else if (!(codePoint == 0x200D || codePoint == 0xFE0F || codePoint == 0x20E3
                    || Character.isEmojiModifier(codePoint) || (codePoint >= 0xE0020 && codePoint <= 0xE007F)
                    || Character.isDigit(codePoint) || codePoint == '#' || codePoint == '*')) {
                return false;
            }
        }
        return emoji || text.codePoints().anyMatch((codePoint) -> codePoint == 0x20E3);
    }

}
