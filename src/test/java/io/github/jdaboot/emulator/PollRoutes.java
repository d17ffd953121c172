package io.github.jdaboot.emulator;

import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of polls: who voted for an answer ({@code after} a user id,
 * {@code limit} 1-100, 25 by default), and ending the bot's own poll now; the votes
 * themselves are users' ({@link World.Acting#votes}).
 */
final class PollRoutes {

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Polls polls;

    PollRoutes(EmulatorWorld world, Payloads payloads, Polls polls) {
        this.world = world;
        this.payloads = payloads;
        this.polls = polls;
    }

    void register(RestApi api) {
        String poll = "channels/{channel_id}/polls/{message_id}";
        api.route("GET", poll + "/answers/{answer_id}", DiscordRoutes.DEFAULT, true, this::voters);
        api.route("POST", poll + "/expire", DiscordRoutes.DEFAULT, true, (request, params) -> DiscordRoutes
            .ok(this.payloads.message(this.polls.expire(DiscordRoutes.message(this.world, params)), false)));
    }

    private EmulatorResponse voters(EmulatorRequest request, Map<String, String> params) {
        EmulatedMessage message = DiscordRoutes.message(this.world, params);
        int answer;
        try {
            answer = Integer.parseInt(params.get("answer_id"));
        }
        catch (NumberFormatException ex) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: answer_id: Value is not int.");
        }
        int limit = Math.clamp(Integer.parseInt(request.queryParam("limit").orElse("25")), 1, 100);
        long after = request.queryParam("after").map(Long::parseUnsignedLong).orElse(0L);
        ObjectNode json = this.payloads.object();
        ArrayNode users = json.putArray("users");
        this.polls.voters(message, answer, after, limit).forEach((user) -> users.add(this.payloads.user(user)));
        return DiscordRoutes.ok(json);
    }

}
