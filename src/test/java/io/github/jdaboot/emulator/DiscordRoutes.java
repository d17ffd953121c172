package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of users, the gateway, the application and the guild itself, and what
 * every route class shares: finding the objects a route names, reading a body, answering
 * JSON.
 */
final class DiscordRoutes {

    static final RateLimits.Limit DEFAULT = new RateLimits.Limit(50, Duration.ofSeconds(1));

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    private final int recommendedShards;

    private final int sessionStartTotal;

    private volatile String gatewayUrl = "";

    DiscordRoutes(EmulatorWorld world, Payloads payloads, Gateway gateway, int recommendedShards,
            int sessionStartTotal) {
        this.world = world;
        this.recommendedShards = recommendedShards;
        this.sessionStartTotal = sessionStartTotal;
        this.payloads = payloads;
        this.gateway = gateway;
    }

    void gatewayUrl(String url) {
        this.gatewayUrl = url;
    }

    void register(RestApi api) {
        api.route("GET", "users/@me", DEFAULT, true, (request, params) -> ok(this.payloads.selfUser()));
        api.route("GET", "users/{user_id}", DEFAULT, true,
                (request, params) -> ok(this.payloads.user(user(this.world, params))));
        api.route("GET", "gateway", DEFAULT, false, (request, params) -> ok(gateway()));
        api.route("GET", "gateway/bot", DEFAULT, true, (request, params) -> ok(gatewayBot()));
        api.route("GET", "oauth2/applications/@me", DEFAULT, true, (request, params) -> ok(application()));
        api.route("GET", "applications/@me", DEFAULT, true, (request, params) -> ok(application()));
        api.route("POST", "users/@me/channels", DEFAULT, true, this::openDirectChannel);
        api.route("GET", "guilds/{guild_id}", DEFAULT, true, this::guild);
    }

    private ObjectNode gateway() {
        ObjectNode json = this.payloads.object();
        json.put("url", this.gatewayUrl);
        return json;
    }

    private ObjectNode gatewayBot() {
        ObjectNode json = gateway();
        json.put("shards", this.recommendedShards);
        ObjectNode limit = json.putObject("session_start_limit");
        limit.put("total", this.sessionStartTotal);
        limit.put("remaining", this.gateway.sessionStartsLeft());
        limit.put("reset_after", 86_400_000);
        limit.put("max_concurrency", this.gateway.maxConcurrency());
        return json;
    }

    /**
     * The application, as {@code GET /oauth2/applications/@me} answers for a bot token.
     */
    ObjectNode application() {
        ObjectNode json = this.payloads.object();
        json.put("id", Payloads.id(this.world.applicationId()));
        json.put("name", this.world.botUser().username());
        json.putNull("icon");
        json.put("description", "A bot running against the Discord emulator");
        json.putNull("type");
        json.putArray("rpc_origins");
        json.put("bot_public", true);
        json.put("bot_require_code_grant", false);
        json.set("bot", this.payloads.user(this.world.botUser()));
        ObjectNode owner = this.payloads.user(this.world.guilds().isEmpty() ? this.world.botUser()
                : this.world.user(this.world.guilds().getFirst().ownerId()).orElse(this.world.botUser()));
        json.set("owner", owner);
        json.put("verify_key", "0".repeat(64));
        json.putNull("team");
        int flags = (1 << 19) | (1 << 23);
        json.put("flags", flags);
        json.put("flags_new", Integer.toString(flags));
        json.putArray("tags");
        json.putObject("integration_types_config");
        json.putArray("redirect_uris");
        json.putNull("interactions_endpoint_url");
        json.putNull("role_connections_verification_url");
        json.put("approximate_guild_count", this.world.guilds().size());
        json.put("approximate_user_install_count", 0);
        json.put("approximate_user_authorization_count", 0);
        json.put("explicit_content_filter", 0);
        json.putArray("eligible_oauth2_scopes").add("bot").add("applications.commands");
        return json;
    }

    private EmulatorResponse openDirectChannel(EmulatorRequest request, Map<String, String> params) {
        JsonNode body = json(request.bodyText(), this.world);
        long recipient = Long.parseUnsignedLong(body.path("recipient_id").asString("0"));
        EmulatedUser user = this.world.user(recipient).orElseThrow(() -> RestApi.DiscordError.unknown("User", 10013));
        return ok(this.payloads.channel(this.world.directChannel(user)));
    }

    /**
     * {@code GET /guilds/{guild_id}}, with {@code approximate_*_count} for
     * {@code with_counts=true}.
     */
    private EmulatorResponse guild(EmulatorRequest request, Map<String, String> params) {
        EmulatedGuild guild = guild(this.world, params);
        ObjectNode json = this.payloads.guild(guild);
        if (request.queryParam("with_counts").map(Boolean::parseBoolean).orElse(false)) {
            json.put("approximate_member_count", guild.memberIds().size());
            json.put("approximate_presence_count", 0);
        }
        return ok(json);
    }

    /**
     * The guild of the route's {@code guild_id}; 404 Unknown Guild when there is none.
     */
    static EmulatedGuild guild(EmulatorWorld world, Map<String, String> params) {
        return world.guild(id(params, "guild_id")).orElseThrow(() -> RestApi.DiscordError.unknown("Guild", 10004));
    }

    /**
     * The channel of the route's {@code channel_id}; 404 Unknown Channel when none, 403
     * Missing Access for a DM between users or a group DM, which the bot is not part of
     * (it answers interactions there through their webhooks only).
     */
    static EmulatedChannel channel(EmulatorWorld world, Map<String, String> params) {
        EmulatedChannel channel = world.channel(id(params, "channel_id"))
            .orElseThrow(() -> RestApi.DiscordError.unknown("Channel", 10003));
        if (channel.isPrivate()) {
            throw new RestApi.DiscordError(403, 50001, "Missing Access");
        }
        return channel;
    }

    /**
     * The message of the route's {@code message_id} in its {@code channel_id}; 404
     * Unknown Message when there is none.
     */
    static EmulatedMessage message(EmulatorWorld world, Map<String, String> params) {
        EmulatedChannel channel = channel(world, params);
        return world.message(id(params, "message_id"))
            .filter((m) -> m.channelId() == channel.id())
            .orElseThrow(() -> RestApi.DiscordError.unknown("Message", 10008));
    }

    /** The user of the route's {@code user_id}; 404 Unknown User when there is none. */
    static EmulatedUser user(EmulatorWorld world, Map<String, String> params) {
        return world.user(id(params, "user_id")).orElseThrow(() -> RestApi.DiscordError.unknown("User", 10013));
    }

    static long id(Map<String, String> params, String name) {
        try {
            return Long.parseUnsignedLong(params.get(name));
        }
        catch (NumberFormatException ex) {
            throw new RestApi.DiscordError(404, 0, "404: Not Found");
        }
    }

    /** A request's JSON body; one that is not JSON gets Discord's 400 with 50109. */
    static JsonNode json(String text, EmulatorWorld world) {
        try {
            return world.json().readTree(text);
        }
        catch (JacksonException ex) {
            throw new RestApi.DiscordError(400, 50109, "The request body contains invalid JSON.");
        }
    }

    static EmulatorResponse ok(JsonNode json) {
        return EmulatorResponse.json(200, json.toString());
    }

    /** A JSON body, or a multipart one with {@code payload_json} and files. */
    record Body(JsonNode json, List<EmulatedMessage.EmulatedAttachment> files) {

        static Body of(EmulatorRequest request, EmulatorWorld world) {
            if (request.parts().isEmpty()) {
                String text = request.bodyText();
                return new Body(text.isBlank() ? world.json().createObjectNode() : DiscordRoutes.json(text, world),
                        List.of());
            }
            JsonNode json = world.json().createObjectNode();
            List<EmulatedMessage.EmulatedAttachment> files = new ArrayList<>();
            for (EmulatorRequest.Part part : request.parts()) {
                if (part.name().equals("payload_json")) {
                    json = DiscordRoutes.json(part.text(), world);
                }
                else if (part.filename() != null) {
                    files.add(new EmulatedMessage.EmulatedAttachment(world.nextId(), part.filename(),
                            part.contentType(), part.data()));
                }
            }
            return new Body(json, files);
        }
    }

}
