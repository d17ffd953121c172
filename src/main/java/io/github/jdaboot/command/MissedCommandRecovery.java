package io.github.jdaboot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.requests.RestAction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the commands a new gateway session missed. A RESUME replays what the bot missed, but when
 * Discord ends a session (INVALID_SESSION, close 4007 or 4009) the bot identifies anew and the
 * messages sent in between are never delivered. For each channel active in the last few minutes this
 * reads the history after the last message seen there and feeds it through the usual path, where
 * already answered messages are skipped. Everything is queued; nothing blocks JDA's threads.
 */
final class MissedCommandRecovery {

    private static final Logger log = LoggerFactory.getLogger(MissedCommandRecovery.class);

    /** Channels idle for longer than this are not looked at again. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final int MAX_CHANNELS = 1_000;

    private static final int MAX_MESSAGES_PER_CHANNEL = 100;

    /** The last message seen in a channel, and where the channel is. */
    private record Seen(long lastMessageId, long seenAtNanos, @Nullable Long directUserId) {
    }

    private final Map<Long, Seen> channels = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Seen> eldest) {
            return size() > MAX_CHANNELS;
        }
    };

    private final Consumer<MessageReceivedEvent> handler;

    MissedCommandRecovery(Consumer<MessageReceivedEvent> handler) {
        this.handler = handler;
    }

    /** Remembers the newest message of each channel. */
    synchronized void seen(MessageReceivedEvent event) {
        long channelId = event.getChannel().getIdLong();
        Seen previous = this.channels.get(channelId);
        long id = event.getMessageIdLong();
        if (previous == null || Long.compareUnsigned(id, previous.lastMessageId()) > 0) {
            Long user = (previous != null) ? previous.directUserId() : null;
            if (event.getChannelType() == ChannelType.PRIVATE && !event.getAuthor().isBot()) {
                user = event.getAuthor().getIdLong();
            }
            this.channels.put(channelId, new Seen(id, System.nanoTime(), user));
        }
    }

    /** Whether any channel was seen: a READY after that is a new session of a bot that was running before. */
    synchronized boolean hasSeenChannels() {
        return !this.channels.isEmpty();
    }

    /**
     * After a new session: reads what each recently active channel received since it was last seen.
     * Messages older than {@link #WINDOW} are left alone: an answer that late would confuse more than help.
     */
    void recover(JDA jda) {
        List<Map.Entry<Long, Seen>> recent = new ArrayList<>();
        synchronized (this) {
            long horizon = System.nanoTime() - WINDOW.toNanos();
            this.channels.entrySet().stream().filter((entry) -> entry.getValue().seenAtNanos() - horizon > 0)
                .forEach(recent::add);
        }
        for (Map.Entry<Long, Seen> entry : recent) {
            long channelId = entry.getKey();
            String after = Long.toUnsignedString(entry.getValue().lastMessageId());
            MessageChannel cached = jda.getChannelById(MessageChannel.class, channelId);
            RestAction<MessageHistory> history;
            if (cached != null) {
                history = MessageHistory.getHistoryAfter(cached, after).limit(MAX_MESSAGES_PER_CHANNEL);
            }
            else if (entry.getValue().directUserId() != null) {
                history = jda.openPrivateChannelById(entry.getValue().directUserId())
                    .flatMap((channel) -> MessageHistory.getHistoryAfter(channel, after).limit(MAX_MESSAGES_PER_CHANNEL));
            }
            else {
                continue;
            }
            history.queue((found) -> replay(jda, found.getRetrievedHistory()), (failure) -> log.warn(
                    "Could not read the messages missed in channel {}: {}", channelId, failure.toString()));
        }
    }

    private void replay(JDA jda, List<Message> newestFirst) {
        java.time.OffsetDateTime horizon = java.time.OffsetDateTime.now().minus(WINDOW);
        newestFirst = newestFirst.stream().filter((message) -> message.getTimeCreated().isAfter(horizon)).toList();
        if (newestFirst.isEmpty()) {
            return;
        }
        log.info("Reading {} message(s) sent in channel {} while the gateway session was re-created",
                newestFirst.size(), newestFirst.getFirst().getChannelId());
        for (Message message : newestFirst.reversed()) {
            this.handler.accept(new MessageReceivedEvent(jda, -1, message));
        }
    }
}
