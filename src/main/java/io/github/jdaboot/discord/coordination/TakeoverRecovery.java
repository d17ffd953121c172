package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jdaboot.discord.UnansweredMessages;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.ZSetOperations;

/**
 * After this process took a shard over from a process that crashed, froze or was cut off,
 * reads back what that process may have left unanswered: for each channel of the shard
 * with a message claimed in the last minutes, the messages since a little before the
 * newest one claimed before the takeover. Those the bot has not replied to
 * ({@link UnansweredMessages}) are fed to JDA's listeners as if they had just arrived;
 * their claims (taken over where the claim of the process that lost the shard is stale)
 * make sure each is answered once.
 * <p>
 * The channels and their newest claims are read when the shard is taken
 * ({@link #anchors}), not once its session is ready: by then this process's own claims of
 * the messages arriving live have moved a channel's newest claim past what the lost
 * process left unanswered, and reading from there would skip it. The reading back runs on
 * its own virtual thread.
 */
final class TakeoverRecovery {

    private static final Logger log = LoggerFactory.getLogger(TakeoverRecovery.class);

    /**
     * How far before a channel's newest claimed message to read: commands claimed just
     * before a crash may still have been unanswered.
     */
    static final Duration BEFORE = Duration.ofSeconds(5);

    private static final int MAX_MESSAGES = 100;

    /** At most this many pages of a channel are read back (1,000 messages). */
    private static final int MAX_PAGES = 10;

    private final CoordinationRedis redis;

    private final CoordinationKeys keys;

    private final RedisEventClaims claims;

    TakeoverRecovery(CoordinationRedis redis, CoordinationKeys keys, RedisEventClaims claims) {
        this.redis = redis;
        this.keys = keys;
        this.claims = claims;
    }

    /**
     * The shard's channels with a message claimed in the last minutes, each with the time
     * of its newest claim (epoch milliseconds), read now: call it when the shard is
     * taken, before this process claims anything on it. Empty when Redis cannot say.
     */
    Map<String, Long> anchors(int total, int shard) {
        try {
            long since = System.currentTimeMillis() - RedisEventClaims.RECENT.toMillis();
            Set<ZSetOperations.TypedTuple<String>> channels = this.redis.control((redis) -> redis.opsForZSet()
                .rangeByScoreWithScores(this.keys.recent(total, shard), since, Double.POSITIVE_INFINITY));
            Map<String, Long> anchors = new LinkedHashMap<>();
            for (ZSetOperations.TypedTuple<String> channel : (channels != null) ? channels
                    : Set.<ZSetOperations.TypedTuple<String>>of()) {
                if (channel.getValue() != null && channel.getScore() != null) {
                    anchors.put(channel.getValue(), channel.getScore().longValue());
                }
            }
            return anchors;
        }
        catch (RuntimeException ex) {
            log.warn("Could not read which channels of shard {} to read back after taking it over: {}", shard,
                    ex.toString());
            return Map.of();
        }
    }

    /** Reads back, from each of the {@link #anchors anchors} taken with the shard. */
    void recover(JDA jda, Map<String, Long> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("discord-takeover-recovery-", jda.getShardInfo().getShardId()).start(() -> {
            try {
                run(jda, anchors);
            }
            catch (RuntimeException ex) {
                log.warn("Could not read back the messages of {} after taking it over: {}", jda.getShardInfo(),
                        ex.toString());
            }
        });
    }

    private void run(JDA jda, Map<String, Long> anchors) {
        int replayed = 0;
        for (Map.Entry<String, Long> anchor : anchors.entrySet()) {
            GuildMessageChannel cached = jda.getChannelById(GuildMessageChannel.class, anchor.getKey());
            if (cached == null) {
                continue;
            }
            long after = TimeUtil.getDiscordTimestamp(anchor.getValue() - BEFORE.toMillis());
            replayed += replay(jda, history(cached, after));
        }
        if (replayed > 0) {
            log.info("Took over {}: read back {} message(s) it had left unanswered", jda.getShardInfo(), replayed);
        }
    }

    /**
     * The channel's messages after the id, newest first: page after page (Discord gives
     * at most {@value #MAX_MESSAGES} a request, the oldest after the id), until a page is
     * not full or {@value #MAX_PAGES} were read. Read whole, a command and the bot's
     * answer to it are both in it; when the pages ran out first, the list ends somewhere
     * in the conversation.
     */
    private static History history(GuildMessageChannel channel, long after) {
        List<Message> newestFirst = new ArrayList<>();
        long from = after;
        for (int page = 1; page <= MAX_PAGES; page++) {
            List<Message> read = MessageHistory.getHistoryAfter(channel, Long.toUnsignedString(from))
                .limit(MAX_MESSAGES)
                .complete()
                .getRetrievedHistory();
            newestFirst.addAll(0, read);
            if (read.size() < MAX_MESSAGES) {
                return new History(newestFirst, false);
            }
            from = read.getFirst().getIdLong();
        }
        return new History(newestFirst, true);
    }

    private int replay(JDA jda, History history) {
        int replayed = 0;
        // the full-page rule of UnansweredMessages only where the pages ran out
        int pageSize = history.cut() ? history.newestFirst().size() : Integer.MAX_VALUE;
        for (Message message : UnansweredMessages.of(history.newestFirst(), jda.getSelfUser().getIdLong(), pageSize)
            .reversed()) {
            this.claims.retakeable(message.getIdLong());
            jda.getEventManager().handle(new MessageReceivedEvent(jda, -1, message));
            replayed++;
        }
        return replayed;
    }

    /**
     * A channel's messages read back.
     *
     * @param newestFirst the messages, newest first
     * @param cut whether more were there than were read
     */
    private record History(List<Message> newestFirst, boolean cut) {
    }

}
