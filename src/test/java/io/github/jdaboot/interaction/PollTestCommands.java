package io.github.jdaboot.interaction;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.interaction.annotation.Command;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.messages.MessagePoll;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.message.poll.GenericMessagePollVoteEvent;
import net.dv8tion.jda.api.events.message.poll.MessagePollVoteAddEvent;

import org.springframework.context.event.EventListener;

/**
 * Polls and listeners of their votes and end that exercise the framework in end-to-end
 * tests; imported by those tests only, which turn on the poll intents the listeners need.
 */
public class PollTestCommands {

    /**
     * What the poll listeners received, in order: "add 1 by 123", "remove 1 by 123",
     * "ended 1:0 2:1 3:0".
     */
    final List<String> pollEvents = new CopyOnWriteArrayList<>();

    @Command(name = "vote", description = "Tea or coffee?")
    Reply vote() {
        return Reply.of("Vote, please:")
            .withPoll(Poll.question("Tea or coffee?")
                .answer("Tea", Emoji.fromUnicode("\uD83C\uDF75"))
                .answer("Coffee")
                .answer("Both")
                .multipleAnswers()
                .lasting(Duration.ofHours(2)));
    }

    @Command(name = "slow-vote", description = "A poll after a while")
    Reply slowVote() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(2500);
        return vote();
    }

    @EventListener
    void voted(GenericMessagePollVoteEvent vote) {
        this.pollEvents.add(((vote instanceof MessagePollVoteAddEvent) ? "add " : "remove ") + vote.getAnswerId()
                + " by " + vote.getUserId());
    }

    @EventListener
    void ended(MessageUpdateEvent event) {
        MessagePoll poll = event.getMessage().getPoll();
        if (poll != null && poll.isFinalizedVotes()) {
            StringBuilder counts = new StringBuilder("ended");
            poll.getAnswers()
                .forEach((answer) -> counts.append(' ').append(answer.getId()).append(':').append(answer.getVotes()));
            this.pollEvents.add(counts.toString());
        }
    }

}
