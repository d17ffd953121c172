package io.github.jdaboot.interaction.dispatch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.discord.UnansweredMessages;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the commands a new gateway session missed. A RESUME replays what the bot
 * missed, but when Discord ends a session (INVALID_SESSION, close 4007 or 4009) the bot
 * identifies anew and the messages sent in between are never delivered. For each channel
 * active in the last few minutes this reads the history after the last message seen there
 * and feeds what the bot has not replied to through the usual path, where messages
 * already taken as commands are skipped. Everything is queued; nothing blocks JDA's
 * threads. Only with prefix commands: a missed interaction is Discord's to expire.
 */
public class MissedCommandRecovery implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(MissedCommandRecovery.class);

    /** Channels idle for longer than this are not looked at again. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    /** At most this many channels are remembered, the most recently active ones. */
    static final int MAX_CHANNELS = 1_000;

    private static final int MAX_MESSAGES_PER_CHANNEL = 100;

    private final ChannelActivity channels = new ChannelActivity(MAX_CHANNELS);

    private final Consumer<MessageReceivedEvent> handler;

    /**
     * Recovery of missed commands.
     * @param handler where the missed messages go: the dispatcher
     */
    public MissedCommandRecovery(Consumer<? super MessageReceivedEvent> handler) {
        this.handler = handler::accept;
    }

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case MessageReceivedEvent message -> seen(message);
            case SessionRecreateEvent recreated -> recover(recreated.getJDA());
            case ReadyEvent ready when hasSeenChannels() -> recover(ready.getJDA());
            default -> {
                // nothing to remember
            }
        }
    }

    /**
     * Remembers the newest message of each channel; called for every message, so without
     * a lock or allocation.
     */
    void seen(MessageReceivedEvent event) {
        long directUserId = (event.getChannelType() == ChannelType.PRIVATE && !event.getAuthor().isBot())
                ? event.getAuthor().getIdLong() : 0;
        this.channels.seen(event.getChannel().getIdLong(), event.getMessageIdLong(), directUserId);
    }

    /**
     * Whether any channel was seen: a READY after that is a new session of a bot that was
     * running before.
     */
    boolean hasSeenChannels() {
        return !this.channels.isEmpty();
    }

    /** How many channels are remembered (at most {@link #MAX_CHANNELS}). */
    int channelsRemembered() {
        return this.channels.size();
    }

    /**
     * After a new session: reads what each recently active channel received since it was
     * last seen. Channels whose newest message is older than {@link #WINDOW} are left
     * alone: an answer that late would confuse more than help.
     */
    void recover(JDA jda) {
        long horizon = TimeUtil.getDiscordTimestamp(System.currentTimeMillis() - WINDOW.toMillis());
        for (ChannelActivity.Channel channel : this.channels.activeSince(horizon)) {
            long channelId = channel.id();
            String after = Long.toUnsignedString(channel.lastMessageId());
            MessageChannel cached = jda.getChannelById(MessageChannel.class, channelId);
            RestAction<MessageHistory> history;
            if (cached != null) {
                history = MessageHistory.getHistoryAfter(cached, after).limit(MAX_MESSAGES_PER_CHANNEL);
            }
            else if (channel.directUserId() != 0) {
                history = jda.openPrivateChannelById(channel.directUserId())
                    .flatMap((opened) -> MessageHistory.getHistoryAfter(opened, after).limit(MAX_MESSAGES_PER_CHANNEL));
            }
            else {
                continue;
            }
            DiscordRequests.queue(history, (found) -> replay(jda, found.getRetrievedHistory()), (failure) -> log
                .warn("Could not read the messages missed in channel {}: {}", channelId, failure.toString()));
        }
    }

    private void replay(JDA jda, List<Message> newestFirst) {
        OffsetDateTime horizon = OffsetDateTime.now().minus(WINDOW);
        newestFirst = UnansweredMessages.of(newestFirst, jda.getSelfUser().getIdLong(), MAX_MESSAGES_PER_CHANNEL)
            .stream()
            .filter((message) -> message.getTimeCreated().isAfter(horizon))
            .toList();
        if (newestFirst.isEmpty()) {
            return;
        }
        log.info("Reading {} message(s) sent in channel {} while the gateway session was re-created",
                newestFirst.size(), newestFirst.getFirst().getChannelId());
        for (Message message : newestFirst.reversed()) {
            MessageReceivedEvent event = new MessageReceivedEvent(jda, -1, message);
            seen(event);
            this.handler.accept(event);
        }
    }

}
