package io.github.jdaboot.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The poll of a message, with its votes: who voted for which answer, in the order they
 * voted. It ends at its expiry, or earlier when its author ends it; then its results are
 * final.
 */
public final class EmulatedPoll {

    /**
     * One answer.
     *
     * @param id its id, from 1 in order
     * @param text what it says
     * @param emoji its emoji ({@code id} of a custom one, or {@code name}), or null
     */
    public record Answer(int id, String text, @Nullable JsonNode emoji) {
    }

    private final long messageId;

    private final String question;

    private final List<Answer> answers;

    private final boolean multiselect;

    private Instant expiry;

    private boolean finalized;

    private final Map<Integer, Set<Long>> voters = new LinkedHashMap<>();

    EmulatedPoll(long messageId, String question, List<Answer> answers, boolean multiselect, Instant expiry) {
        this.messageId = messageId;
        this.question = question;
        this.answers = List.copyOf(answers);
        this.multiselect = multiselect;
        this.expiry = expiry;
        answers.forEach((answer) -> this.voters.put(answer.id(), new LinkedHashSet<>()));
    }

    public long messageId() {
        return this.messageId;
    }

    public String question() {
        return this.question;
    }

    public List<Answer> answers() {
        return this.answers;
    }

    public Optional<Answer> answer(int id) {
        return this.answers.stream().filter((answer) -> answer.id() == id).findFirst();
    }

    /** Whether a user may vote for several answers. */
    public boolean isMultiselect() {
        return this.multiselect;
    }

    /** When the poll ends, or ended. */
    public synchronized Instant expiry() {
        return this.expiry;
    }

    /** Whether the poll has ended and its votes are counted for good. */
    public synchronized boolean isFinalized() {
        return this.finalized;
    }

    /** The votes for each answer, by answer id. */
    public synchronized Map<Integer, Integer> counts() {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        this.voters.forEach((answer, users) -> counts.put(answer, users.size()));
        return counts;
    }

    /** Who voted for the answer, in the order they voted. */
    public synchronized List<Long> voters(int answerId) {
        return new ArrayList<>(this.voters.getOrDefault(answerId, Set.of()));
    }

    /** The answers the user voted for. */
    public synchronized List<Integer> votesOf(long userId) {
        List<Integer> votes = new ArrayList<>();
        this.voters.forEach((answer, users) -> {
            if (users.contains(userId)) {
                votes.add(answer);
            }
        });
        return votes;
    }

    synchronized boolean vote(long userId, int answerId) {
        return this.voters.get(answerId).add(userId);
    }

    synchronized boolean unvote(long userId, int answerId) {
        return this.voters.get(answerId).remove(userId);
    }

    /**
     * Ends the poll now (its expiry, if not passed yet) and counts it for good.
     * @return whether it was still open
     */
    synchronized boolean end(Instant now) {
        if (this.finalized) {
            return false;
        }
        if (this.expiry.isAfter(now)) {
            this.expiry = now;
        }
        this.finalized = true;
        return true;
    }

    @Override
    public synchronized String toString() {
        return "Poll[" + this.question + " " + counts() + (this.finalized ? ", ended" : "") + "]";
    }

}
