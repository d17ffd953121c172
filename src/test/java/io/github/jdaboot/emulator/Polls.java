package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polls as Discord runs them: created with a message ({@code poll} of the create request:
 * a question of 1-300 characters, 1-10 answers of 1-55, an optional emoji each, open for
 * 1-768 hours, 24 by default), voted on by users (MESSAGE_POLL_VOTE_ADD and _REMOVE to
 * the sessions with GUILD_MESSAGE_POLLS, or DIRECT_MESSAGE_POLLS in a direct message),
 * and ended at their expiry by the emulator's clock or earlier by their author
 * ({@code POST .../polls/{message}/expire}): then the results are final, the message is
 * updated (MESSAGE_UPDATE), and a poll result message (type 46) names the winner.
 */
final class Polls {

    /** Discord's error code for a vote on, or the end of, a poll that has ended. */
    static final int POLL_EXPIRED = 520001;

    /** Discord's error code for ending a message that has no poll. */
    static final int NOT_A_POLL = 520006;

    static final int MAX_HOURS = 768;

    private static final int POLL_RESULT = 46;

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    private final Messaging messaging;

    Polls(EmulatorWorld world, Payloads payloads, Gateway gateway, Messaging messaging) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
        this.messaging = messaging;
    }

    /**
     * The poll of a create request, checked: every problem is added to the errors.
     * @return the poll to keep with the message once it is stored, or null when the
     * request has none or it is wrong
     */
    static @Nullable Draft draft(JsonNode body, FormErrors errors) {
        JsonNode poll = body.path("poll");
        if (poll.isMissingNode() || poll.isNull()) {
            return null;
        }
        int problems = errors.size();
        String question = poll.path("question").path("text").asString("");
        if (question.isBlank() || question.codePointCount(0, question.length()) > 300) {
            errors.add("poll.question.text", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 300 in length.");
        }
        JsonNode answersJson = poll.path("answers");
        if (!answersJson.isArray() || answersJson.isEmpty() || answersJson.size() > 10) {
            errors.add("poll.answers", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 10 in length.");
        }
        List<EmulatedPoll.Answer> answers = new ArrayList<>();
        for (int i = 0; i < answersJson.size(); i++) {
            JsonNode media = answersJson.get(i).path("poll_media");
            String text = media.path("text").asString("");
            if (text.isBlank() || text.codePointCount(0, text.length()) > 55) {
                errors.add("poll.answers." + i + ".poll_media.text", "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 55 in length.");
            }
            JsonNode emoji = media.path("emoji");
            answers.add(new EmulatedPoll.Answer(i + 1, text, emoji(emoji)));
        }
        JsonNode hours = poll.path("duration");
        int duration = (hours.isMissingNode() || hours.isNull()) ? 24 : hours.asInt(0);
        if (!hours.isMissingNode() && !hours.isNull() && (!hours.isIntegralNumber() || duration < 1)) {
            errors.add("poll.duration", "NUMBER_TYPE_MIN", "int value should be greater than or equal to 1.");
        }
        else if (duration > MAX_HOURS) {
            errors.add("poll.duration", "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to " + MAX_HOURS + ".");
        }
        int layout = poll.path("layout_type").asInt(1);
        if (layout != 1) {
            errors.add("poll.layout_type", "BASE_TYPE_CHOICES", "Value must be one of {1}.");
        }
        if (errors.size() > problems) {
            return null;
        }
        return new Draft(question, answers, poll.path("allow_multiselect").asBoolean(false),
                Duration.ofHours(duration));
    }

    /**
     * An answer's emoji as Discord keeps it: a custom one's id as a string, or a name.
     */
    private static @Nullable JsonNode emoji(JsonNode emoji) {
        if (!emoji.isObject() || (!emoji.hasNonNull("id") && !emoji.hasNonNull("name"))) {
            return null;
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        kept.put("id", emoji.hasNonNull("id") ? emoji.path("id").asString() : null);
        kept.put("name", emoji.path("name").asString(null));
        if (emoji.path("animated").asBoolean(false)) {
            kept.put("animated", true);
        }
        return kept;
    }

    /**
     * A checked poll, before its message exists.
     *
     * @param question the question
     * @param answers the answers, numbered from 1
     * @param multiselect whether a user may pick several
     * @param duration how long it is open
     */
    record Draft(String question, List<EmulatedPoll.Answer> answers, boolean multiselect, Duration duration) {
    }

    /** Keeps the poll of a message just stored, and ends it at its expiry. */
    void open(EmulatedMessage message, Draft draft) {
        EmulatedPoll poll = new EmulatedPoll(message.id(), draft.question(), draft.answers(), draft.multiselect(),
                this.world.now().plus(draft.duration()));
        this.world.poll(poll);
        this.world.clock().schedule(draft.duration(), () -> end(message.id()));
    }

    /**
     * A user votes for answers, as Discord's client does: all at once, while the user has
     * no vote in it.
     * @throws InteractionRejectedException 404 when the message is gone; 400 when it has
     * no poll, the poll ended (520001), an answer is not the poll's, several are given to
     * a poll of one answer, or the user voted already
     */
    void vote(EmulatedUser user, EmulatedMessage message, List<Integer> answerIds) {
        EmulatedPoll poll = open(message);
        FormErrors errors = new FormErrors();
        if (answerIds.isEmpty() || (answerIds.size() > 1 && !poll.isMultiselect())) {
            errors.add("answer_ids", "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and " + (poll.isMultiselect() ? poll.answers().size() : 1) + " in length.");
        }
        String choices = String.join(", ", poll.answers().stream().map((a) -> Integer.toString(a.id())).toList());
        for (int i = 0; i < answerIds.size(); i++) {
            if (poll.answer(answerIds.get(i)).isEmpty()) {
                errors.add("answer_ids." + i, "BASE_TYPE_CHOICES", "Value must be one of {" + choices + "}.");
            }
        }
        if (new LinkedHashSet<>(answerIds).size() != answerIds.size()) {
            errors.add("answer_ids", "BASE_TYPE_INVALID", "Answers must be unique.");
        }
        if (!poll.votesOf(user.id()).isEmpty()) {
            errors.add("answer_ids", "POLL_ALREADY_VOTED",
                    "You have voted in this poll already: remove the vote first.");
        }
        errors.reject();
        for (int answer : answerIds) {
            if (poll.vote(user.id(), answer)) {
                dispatchVote(GatewayEvent.MESSAGE_POLL_VOTE_ADD, message, user, answer);
            }
        }
        this.world.changed();
    }

    /**
     * A user takes back all votes in a poll.
     * @throws InteractionRejectedException as for {@link #vote}, when the message is
     * gone, has no poll or the poll ended
     */
    void removeVotes(EmulatedUser user, EmulatedMessage message) {
        EmulatedPoll poll = open(message);
        for (int answer : poll.votesOf(user.id())) {
            if (poll.unvote(user.id(), answer)) {
                dispatchVote(GatewayEvent.MESSAGE_POLL_VOTE_REMOVE, message, user, answer);
            }
        }
        this.world.changed();
    }

    private EmulatedPoll open(EmulatedMessage message) {
        if (this.world.message(message.id()).isEmpty()) {
            throw new InteractionRejectedException(404, 10008, "Unknown Message",
                    JsonNodeFactory.instance.objectNode());
        }
        EmulatedPoll poll = this.world.poll(message.id())
            .orElseThrow(() -> new InteractionRejectedException(400, NOT_A_POLL, "The message has no poll",
                    JsonNodeFactory.instance.objectNode()));
        if (poll.isFinalized() || !poll.expiry().isAfter(this.world.now())) {
            throw new InteractionRejectedException(400, POLL_EXPIRED, "Poll expired",
                    JsonNodeFactory.instance.objectNode());
        }
        return poll;
    }

    /**
     * Ends the bot's poll now, as {@code POST /channels/{channel}/polls/{message}/expire}
     * does.
     * @throws RestApi.DiscordError 403 for another user's message, 400 for a message
     * without a poll (520006) or a poll that has ended (520001)
     */
    EmulatedMessage expire(EmulatedMessage message) {
        if (message.author().id() != this.world.botUser().id()) {
            throw new RestApi.DiscordError(403, 50005, "Cannot edit a message authored by another user");
        }
        EmulatedPoll poll = this.world.poll(message.id())
            .orElseThrow(() -> new RestApi.DiscordError(400, NOT_A_POLL, "Cannot expire a non-poll message"));
        if (poll.isFinalized()) {
            throw new RestApi.DiscordError(400, POLL_EXPIRED, "Poll expired");
        }
        end(message.id());
        return this.world.message(message.id()).orElseThrow();
    }

    /**
     * Ends a poll whose time came (or that its author ended): final results, the
     * message's MESSAGE_UPDATE, and the poll result message.
     */
    void end(long messageId) {
        EmulatedPoll poll = this.world.poll(messageId).orElse(null);
        EmulatedMessage message = this.world.message(messageId).orElse(null);
        if (poll == null || message == null || !poll.end(this.world.now())) {
            return;
        }
        this.messaging.updated(message);
        this.messaging.pollResult(message, resultEmbed(poll), POLL_RESULT);
    }

    /** The {@code poll_result} embed of the result message, as Discord fills it. */
    private ObjectNode resultEmbed(EmulatedPoll poll) {
        ObjectNode embed = this.payloads.object();
        embed.put("type", "poll_result");
        ArrayNode fields = embed.putArray("fields");
        field(fields, "poll_question_text", poll.question());
        Map<Integer, Integer> counts = poll.counts();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        field(fields, "victor_answer_votes", Integer.toString(most));
        field(fields, "total_votes", Integer.toString(total));
        List<EmulatedPoll.Answer> victors = poll.answers()
            .stream()
            .filter((answer) -> most > 0 && counts.get(answer.id()) == most)
            .toList();
        if (victors.size() == 1) {
            EmulatedPoll.Answer victor = victors.getFirst();
            field(fields, "victor_answer_id", Integer.toString(victor.id()));
            field(fields, "victor_answer_text", victor.text());
            if (victor.emoji() != null) {
                if (victor.emoji().hasNonNull("id")) {
                    field(fields, "victor_answer_emoji_id", victor.emoji().path("id").asString());
                }
                if (victor.emoji().hasNonNull("name")) {
                    field(fields, "victor_answer_emoji_name", victor.emoji().path("name").asString());
                }
            }
        }
        return embed;
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("name", name).put("value", value).put("inline", false);
    }

    /**
     * The users who voted for an answer, as {@code GET .../answers/{answer}} pages them:
     * after a user id, at most {@code limit} (1-100).
     * @throws RestApi.DiscordError 400 for a message without a poll or an answer it does
     * not have
     */
    List<EmulatedUser> voters(EmulatedMessage message, int answerId, long after, int limit) {
        EmulatedPoll poll = this.world.poll(message.id())
            .orElseThrow(() -> new RestApi.DiscordError(400, NOT_A_POLL, "The message has no poll"));
        if (poll.answer(answerId).isEmpty()) {
            throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: answer_id: Unknown answer");
        }
        Set<Long> seen = new LinkedHashSet<>();
        List<EmulatedUser> users = new ArrayList<>();
        for (long userId : poll.voters(answerId).stream().sorted(Long::compareUnsigned).toList()) {
            if (Long.compareUnsigned(userId, after) > 0 && users.size() < limit && seen.add(userId)) {
                this.world.user(userId).ifPresent(users::add);
            }
        }
        return users;
    }

    private void dispatchVote(GatewayEvent event, EmulatedMessage message, EmulatedUser user, int answer) {
        this.gateway.dispatch(event, message.guildId(), () -> this.payloads.pollVote(message, user, answer).toString());
    }

}
