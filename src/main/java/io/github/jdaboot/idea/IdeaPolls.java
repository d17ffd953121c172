package io.github.jdaboot.idea;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.interaction.Poll;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.messages.MessagePoll;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A poll among three ideas for the channel to vote on ({@code /idea-poll}, or the card's
 * "Let the channel vote"), and, when it ends, the winner named in full in answer to it (a
 * poll's answers hold 55 characters, ideas more). The poll's end comes as the update of
 * its message with the final count, which the bot receives with the message intents it
 * has; listening to the votes themselves would need {@code guild-message-polls}.
 */
@Component
class IdeaPolls {

    static final String POLL = "idea:poll";

    private static final Logger log = LoggerFactory.getLogger(IdeaPolls.class);

    private static final int CHOICES = 3;

    private static final int ANNOUNCED = 1_000;

    private final IdeaService ideas;

    private final MessageSource messages;

    private final Duration duration;

    /** The polls whose winner was named, the latest few. */
    private final Set<Long> announced = Collections
        .synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > ANNOUNCED;
            }
        }));

    IdeaPolls(IdeaService ideas, MessageSource messages, IdeaProperties properties) {
        this.ideas = ideas;
        this.messages = messages;
        this.duration = properties.getPollDuration();
    }

    @NonBlocking
    @Command(name = "idea-poll", description = "Lets the channel vote on three project ideas")
    Reply poll(Locale locale) {
        List<String> choices = this.ideas.pickDifferent(CHOICES);
        Poll poll = Poll.question(text("idea.poll.question", locale)).lasting(this.duration);
        StringBuilder listed = new StringBuilder(text("idea.poll.intro", locale));
        for (int i = 0; i < choices.size(); i++) {
            poll = poll.answer(shortened(choices.get(i)));
            listed.append('\n').append(i + 1).append(". ").append(choices.get(i));
        }
        return Reply.of(listed.toString()).withPoll(poll);
    }

    /** "Let the channel vote", on the idea's card. */
    @NonBlocking
    @ComponentHandler(POLL)
    Reply pollFromButton(Locale locale) {
        return poll(locale);
    }

    /**
     * A poll of the bot's that ended: its winner, in full, in answer to it, in the
     * server's language.
     */
    @EventListener
    void ended(MessageUpdateEvent event) {
        Message message = event.getMessage();
        MessagePoll poll = message.getPoll();
        if (poll == null || !poll.isFinalizedVotes()
                || message.getAuthor().getIdLong() != event.getJDA().getSelfUser().getIdLong()
                || !this.announced.add(message.getIdLong())) {
            return;
        }
        Locale locale = event.isFromGuild() ? event.getGuild().getLocale().toLocale() : Locale.US;
        DiscordRequests.queue(
                message.reply(result(poll, locale))
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .mentionRepliedUser(false),
                null,
                (failure) -> log.warn("Could not name the winner of poll {}: {}", message.getId(), failure.toString()));
    }

    private String result(MessagePoll poll, Locale locale) {
        int most = poll.getAnswers().stream().mapToInt(MessagePoll.Answer::getVotes).max().orElse(0);
        int total = poll.getAnswers().stream().mapToInt(MessagePoll.Answer::getVotes).sum();
        if (most == 0) {
            return text("idea.poll.no-votes", locale);
        }
        String winners = poll.getAnswers()
            .stream()
            .filter((answer) -> answer.getVotes() == most)
            .map((answer) -> "**" + this.ideas.idea(answer.getText()) + "**")
            .collect(Collectors.joining(" & "));
        return text("idea.poll.result", locale, winners, most, total);
    }

    private String text(String code, Locale locale, Object... arguments) {
        return this.messages.getMessage(code, arguments, locale);
    }

    /** An idea as a poll's answer: at most 55 characters. */
    static String shortened(String idea) {
        int room = Poll.MAX_ANSWER_LENGTH;
        return (idea.length() <= room) ? idea : idea.substring(0, room - 1).strip() + "\u2026";
    }

}
