package io.github.jdaboot.testing.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.github.jdaboot.emulator.GatewayEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a gateway dispatch's {@code d} holds an object that Discord's REST spec has a
 * schema for: the message of MESSAGE_CREATE, the guild of GUILD_CREATE and its channels
 * and members, the member of TYPING_START, the parts of INTERACTION_CREATE. The spec
 * describes the HTTP API only, so the gateway's own envelopes (READY's session, a
 * reaction's ids) have no schema; {@link #WITHOUT_SCHEMA} lists the events with none at
 * all.
 * <p>
 * Where the gateway documents that it leaves a field of an object out, the object is
 * completed before the check: a partial member (in MESSAGE_CREATE, a mention, an
 * interaction's resolved members) gets its user from beside it, a GUILD_CREATE channel
 * its {@code guild_id}; a GUILD_CREATE thread's {@code member} (without {@code id} and
 * {@code user_id}) is left out.
 */
final class GatewaySchemas {

    /** The events whose {@code d} holds nothing the REST spec describes. */
    static final Set<GatewayEvent> WITHOUT_SCHEMA = Set.of(GatewayEvent.RESUMED, GatewayEvent.GUILD_DELETE,
            GatewayEvent.GUILD_ROLE_DELETE, GatewayEvent.CHANNEL_PINS_UPDATE, GatewayEvent.THREAD_DELETE,
            GatewayEvent.MESSAGE_DELETE, GatewayEvent.MESSAGE_DELETE_BULK, GatewayEvent.MESSAGE_REACTION_REMOVE_ALL,
            GatewayEvent.MESSAGE_POLL_VOTE_ADD, GatewayEvent.MESSAGE_POLL_VOTE_REMOVE);

    /** The oneOf of channels that {@code GET /channels/{channel_id}} answers with. */
    private static final String CHANNEL = "/paths/~1channels~1{channel_id}/get/responses/200/content/application~1json/schema";

    /**
     * One object in a dispatch and its schema.
     *
     * @param path where it is, by keys from {@code d}; {@code *} for every element of an
     * array or value of an object; empty for {@code d} itself
     * @param schema the JSON pointer to its schema in the spec
     * @param completion what the gateway leaves out, put back: given {@code d}, the keys
     * the wildcards matched and the object, answers the object to check
     */
    record Part(String path, String schema, Completion completion) {

        /** Every object at the path in {@code d}, with the keys its wildcards matched. */
        List<Found> find(JsonNode data) {
            List<Found> found = new ArrayList<>();
            find(data, this.path.isEmpty() ? new String[0] : this.path.split("/"), 0, "", List.of(), found);
            return found;
        }

        private static void find(JsonNode node, String[] keys, int at, String pointer, List<String> matched,
                List<Found> found) {
            if (node.isMissingNode() || node.isNull()) {
                return;
            }
            if (at == keys.length) {
                found.add(new Found(pointer.isEmpty() ? "/" : pointer, node, matched));
                return;
            }
            if (!keys[at].equals("*")) {
                find(node.path(keys[at]), keys, at + 1, pointer + "/" + keys[at], matched, found);
                return;
            }
            List<String> names = node.isArray() ? indices(node.size()) : List.copyOf(node.propertyNames());
            for (String name : names) {
                List<String> more = new ArrayList<>(matched);
                more.add(name);
                find(node.isArray() ? node.get(Integer.parseInt(name)) : node.get(name), keys, at + 1,
                        pointer + "/" + name, more, found);
            }
        }

        private static List<String> indices(int size) {
            List<String> indices = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                indices.add(Integer.toString(i));
            }
            return indices;
        }

    }

    /**
     * An object found in a dispatch: its JSON pointer, and the keys wildcards matched.
     */
    record Found(String pointer, JsonNode node, List<String> keys) {
    }

    /** Puts back what the gateway leaves out of an object: given {@code d} and it. */
    @FunctionalInterface
    interface Completion {

        /** The object as found. */
        Completion NONE = (data, found) -> found.node();

        JsonNode apply(JsonNode data, Found found);

    }

    private static final Map<GatewayEvent, List<Part>> PARTS = new EnumMap<>(GatewayEvent.class);

    static {
        Part message = schema("", "MessageResponse");
        Part messageMember = new Part("member", component("GuildMemberResponse"),
                memberWithUser((data, found) -> data.path("author")));
        Part mentionMember = new Part("mentions/*/member", component("GuildMemberResponse"), memberWithUser((data,
                found) -> without(data.path("mentions").path(Integer.parseInt(found.keys().getFirst())), "member")));
        Part member = schema("member", "GuildMemberResponse");
        put(GatewayEvent.READY, schema("user", "UserPIIResponse"));
        put(GatewayEvent.GUILD_CREATE, schema("", "GuildResponse"),
                new Part("channels/*", CHANNEL, (data, found) -> withGuildId(data, found.node())),
                new Part("threads/*", component("ThreadResponse"),
                        (data, found) -> without(withGuildId(data, found.node()), "member")),
                schema("members/*", "GuildMemberResponse"));
        put(GatewayEvent.GUILD_UPDATE, schema("", "GuildResponse"));
        put(GatewayEvent.GUILD_ROLE_CREATE, schema("role", "GuildRoleResponse"));
        put(GatewayEvent.GUILD_ROLE_UPDATE, schema("role", "GuildRoleResponse"));
        for (GatewayEvent channel : List.of(GatewayEvent.CHANNEL_CREATE, GatewayEvent.CHANNEL_UPDATE,
                GatewayEvent.CHANNEL_DELETE)) {
            put(channel, new Part("", CHANNEL, Completion.NONE));
        }
        put(GatewayEvent.THREAD_UPDATE, schema("", "ThreadResponse"));
        put(GatewayEvent.GUILD_MEMBER_ADD, schema("", "GuildMemberResponse"));
        put(GatewayEvent.GUILD_MEMBER_UPDATE, schema("", "GuildMemberResponse"));
        put(GatewayEvent.GUILD_MEMBER_REMOVE, schema("user", "UserResponse"));
        put(GatewayEvent.GUILD_BAN_ADD, schema("user", "UserResponse"));
        put(GatewayEvent.GUILD_BAN_REMOVE, schema("user", "UserResponse"));
        put(GatewayEvent.MESSAGE_CREATE, message, messageMember, mentionMember);
        put(GatewayEvent.MESSAGE_UPDATE, message, messageMember, mentionMember);
        for (GatewayEvent reaction : List.of(GatewayEvent.MESSAGE_REACTION_ADD, GatewayEvent.MESSAGE_REACTION_REMOVE,
                GatewayEvent.MESSAGE_REACTION_REMOVE_EMOJI)) {
            put(reaction, member, schema("emoji", "MessageReactionEmojiResponse"));
        }
        put(GatewayEvent.TYPING_START, member);
        put(GatewayEvent.INTERACTION_CREATE, schema("", "InteractionResponse"), member, schema("user", "UserResponse"),
                new Part("channel", CHANNEL, Completion.NONE), schema("message", "MessageResponse"),
                schema("entitlements/*", "EntitlementResponse"), schema("data/resolved/users/*", "UserResponse"),
                new Part("data/resolved/members/*", component("GuildMemberResponse"), memberWithUser((data,
                        found) -> data.path("data").path("resolved").path("users").path(found.keys().getFirst()))),
                schema("data/resolved/roles/*", "GuildRoleResponse"),
                new Part("data/resolved/channels/*", CHANNEL, Completion.NONE),
                schema("data/resolved/messages/*", "MessageResponse"),
                schema("data/resolved/attachments/*", "MessageAttachmentResponse"));
        for (GatewayEvent entitlement : List.of(GatewayEvent.ENTITLEMENT_CREATE, GatewayEvent.ENTITLEMENT_UPDATE,
                GatewayEvent.ENTITLEMENT_DELETE)) {
            put(entitlement, schema("", "EntitlementResponse"));
        }
        for (GatewayEvent event : GatewayEvent.values()) {
            if (PARTS.containsKey(event) == WITHOUT_SCHEMA.contains(event)) {
                throw new IllegalStateException(event + " must have parts with a schema or be listed without");
            }
        }
    }

    private GatewaySchemas() {
    }

    /** The objects with a schema in the event's {@code d}; empty for none. */
    static List<Part> parts(GatewayEvent event) {
        return PARTS.getOrDefault(event, List.of());
    }

    private static void put(GatewayEvent event, Part... parts) {
        PARTS.put(event, List.of(parts));
    }

    private static Part schema(String path, String component) {
        return new Part(path, component(component), Completion.NONE);
    }

    private static String component(String name) {
        return "/components/schemas/" + name;
    }

    /** A partial member, which the gateway sends without its user, with the user. */
    private static Completion memberWithUser(BiFunction<JsonNode, Found, JsonNode> user) {
        return (data, found) -> {
            JsonNode owner = user.apply(data, found);
            if (found.node().has("user") || !owner.isObject()) {
                return found.node();
            }
            ObjectNode copy = (ObjectNode) found.node().deepCopy();
            copy.set("user", owner);
            return copy;
        };
    }

    /** A channel of GUILD_CREATE, which leaves out the guild's id, with it. */
    private static JsonNode withGuildId(JsonNode guild, JsonNode channel) {
        if (channel.has("guild_id") || !channel.isObject()) {
            return channel;
        }
        return ((ObjectNode) channel.deepCopy()).put("guild_id", guild.path("id").asString());
    }

    private static JsonNode without(JsonNode object, String field) {
        if (!object.isObject() || !object.has(field)) {
            return object;
        }
        ObjectNode copy = (ObjectNode) object.deepCopy();
        copy.remove(field);
        return copy;
    }

}
