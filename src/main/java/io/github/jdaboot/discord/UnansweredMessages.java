package io.github.jdaboot.discord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;

/**
 * Which messages of a page of a channel's history the bot has not answered, when it reads
 * back what it may have missed (after a new gateway session, or a shard taken over from a
 * process that stopped): those not by the bot that no reply of the bot's refers to. A
 * full page ends somewhere in the conversation: where the bot answered in it, the answers
 * to its newest messages may be on the next page, so only what is older than the bot's
 * newest message in it counts (a full page the bot answered nothing in counts whole).
 * Another session, of this process before or of another process, may have answered some
 * already; the claims of the messages make sure each is answered once.
 */
public final class UnansweredMessages {

    private UnansweredMessages() {
    }

    /**
     * What the rule reads of a message.
     *
     * @param id the message's id
     * @param authorId its author's
     * @param repliesTo the id of the message it replies to, 0 when none
     */
    public record Seen(long id, long authorId, long repliesTo) {
    }

    /**
     * The messages of the page the bot has not answered.
     * @param newestFirst the page, newest first, as Discord lists history
     * @param self the bot's user id
     * @param pageSize how many messages the page was asked for (one that many is full)
     * @return those not answered, newest first
     */
    public static List<Message> of(List<Message> newestFirst, long self, int pageSize) {
        return of(newestFirst, UnansweredMessages::seen, self, pageSize);
    }

    /** What the rule reads of a message of JDA's. */
    static Seen seen(Message message) {
        MessageReference reference = message.getMessageReference();
        return new Seen(message.getIdLong(), message.getAuthor().getIdLong(),
                (reference != null) ? reference.getMessageIdLong() : 0);
    }

    /**
     * The messages of the page the bot has not answered, read through {@code seen}.
     * @param newestFirst the page, newest first, as Discord lists history
     * @param seen what the rule reads of each
     * @param self the bot's user id
     * @param pageSize how many messages the page was asked for (one that many is full)
     * @return those not answered, newest first
     */
    public static <M> List<M> of(List<M> newestFirst, Function<M, Seen> seen, long self, int pageSize) {
        List<Seen> reads = newestFirst.stream().map(seen).toList();
        Set<Long> answered = new HashSet<>();
        long newestOwn = Long.MIN_VALUE;
        for (Seen read : reads) {
            if (read.authorId() == self) {
                newestOwn = Math.max(newestOwn, read.id());
                if (read.repliesTo() != 0) {
                    answered.add(read.repliesTo());
                }
            }
        }
        long before = (newestFirst.size() < pageSize || newestOwn == Long.MIN_VALUE) ? Long.MAX_VALUE : newestOwn;
        List<M> unanswered = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            Seen read = reads.get(i);
            if (read.authorId() != self && read.id() < before && !answered.contains(read.id())) {
                unanswered.add(newestFirst.get(i));
            }
        }
        return unanswered;
    }

}
