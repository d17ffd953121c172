package io.github.jdaboot.discord.coordination;

import java.time.Duration;
import java.util.List;
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
 * newest claimed one. Those the bot has not replied to ({@link UnansweredMessages}) are
 * fed to JDA's listeners as if they had just arrived; their claims (taken over where the
 * claim of the process that lost the shard is stale) make sure each is answered once.
 * Runs on its own virtual thread.
 */
final class TakeoverRecovery {

    private static final Logger log = LoggerFactory.getLogger(TakeoverRecovery.class);

    /**
     * How far before a channel's newest claimed message to read: commands claimed just
     * before a crash may still have been unanswered.
     */
    static final Duration BEFORE = Duration.ofSeconds(5);

    private static final int MAX_MESSAGES = 100;

    private final CoordinationRedis redis;

    private final CoordinationKeys keys;

    private final RedisEventClaims claims;

    TakeoverRecovery(CoordinationRedis redis, CoordinationKeys keys, RedisEventClaims claims) {
        this.redis = redis;
        this.keys = keys;
        this.claims = claims;
    }

    void recover(JDA jda, int total) {
        Thread.ofVirtual().name("discord-takeover-recovery-", jda.getShardInfo().getShardId()).start(() -> {
            try {
                run(jda, total);
            }
            catch (RuntimeException ex) {
                log.warn("Could not read back the messages of {} after taking it over: {}", jda.getShardInfo(),
                        ex.toString());
            }
        });
    }

    private void run(JDA jda, int total) {
        int shard = jda.getShardInfo().getShardId();
        long since = System.currentTimeMillis() - RedisEventClaims.RECENT.toMillis();
        Set<ZSetOperations.TypedTuple<String>> channels = this.redis.control((redis) -> redis.opsForZSet()
            .rangeByScoreWithScores(this.keys.recent(total, shard), since, Double.POSITIVE_INFINITY));
        int replayed = 0;
        for (ZSetOperations.TypedTuple<String> channel : (channels != null) ? channels
                : Set.<ZSetOperations.TypedTuple<String>>of()) {
            GuildMessageChannel cached = (channel.getValue() != null)
                    ? jda.getChannelById(GuildMessageChannel.class, channel.getValue()) : null;
            if (cached == null || channel.getScore() == null) {
                continue;
            }
            long after = TimeUtil.getDiscordTimestamp(channel.getScore().longValue() - BEFORE.toMillis());
            List<Message> newestFirst = MessageHistory.getHistoryAfter(cached, Long.toUnsignedString(after))
                .limit(MAX_MESSAGES)
                .complete()
                .getRetrievedHistory();
            replayed += replay(jda, newestFirst);
        }
        if (replayed > 0) {
            log.info("Took over {}: read back {} message(s) it had left unanswered", jda.getShardInfo(), replayed);
        }
    }

    private int replay(JDA jda, List<Message> newestFirst) {
        int replayed = 0;
        for (Message message : UnansweredMessages.of(newestFirst, jda.getSelfUser().getIdLong(), MAX_MESSAGES)
            .reversed()) {
            this.claims.retakeable(message.getIdLong());
            jda.getEventManager().handle(new MessageReceivedEvent(jda, -1, message));
            replayed++;
        }
        return replayed;
    }

}
