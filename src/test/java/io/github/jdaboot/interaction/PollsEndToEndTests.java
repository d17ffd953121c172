package io.github.jdaboot.interaction;

import java.time.Instant;
import java.util.Map;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedPoll;
import io.github.jdaboot.emulator.InteractionRejectedException;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Polls end to end: a handler's poll, users' votes reaching {@code @EventListener}
 * methods as JDA's events (with the poll intent on), and the poll's end with its results.
 */
@DiscordBotTest(properties = "discord.intents=guild-messages,direct-messages,message-content,guild-message-polls")
@Import(PollTestCommands.class)
@DisplayName("Polls against the Discord emulator")
class PollsEndToEndTests {

    private final World world;

    private final PollTestCommands commands;

    PollsEndToEndTests(DiscordEmulator discord, PollTestCommands commands) {
        this.world = discord.world();
        this.commands = commands;
    }

    @Test
    @DisplayName("a poll with its text: question, answers with their emoji, duration and multiple answers as sent")
    void poll() {
        EmulatedMessage message = this.world.as("alice").runs(SlashCommand.of("vote")).awaitResponse(Timeouts.ANSWER);

        assertThat(message.content()).isEqualTo("Vote, please:");
        EmulatedPoll poll = this.world.poll(message).orElseThrow();
        assertThat(poll.question()).isEqualTo("Tea or coffee?");
        assertThat(poll.answers()).extracting(EmulatedPoll.Answer::text).containsExactly("Tea", "Coffee", "Both");
        assertThat(poll.answers().getFirst().emoji().path("name").asString()).isEqualTo("\uD83C\uDF75");
        assertThat(poll.isMultiselect()).isTrue();
        assertThat(poll.expiry()).isBetween(message.timestamp().plusSeconds(7199),
                message.timestamp().plusSeconds(7201));
    }

    @Test
    @DisplayName("votes added and taken back reach @EventListener methods; the end brings the final count")
    void votesAndTheEnd() {
        EmulatedMessage message = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("bot-lab"), ".vote"), Timeouts.ANSWER);
        String bob = this.world.user("bob").idString();
        String carol = this.world.user("carol").idString();
        this.commands.pollEvents.clear();
        System.out.println("DEBUG " + message + " " + this.world.poll(message) + " " + this.world.repliesTo(message));
        this.world.allMessages()
            .forEach((m) -> System.out.println("DEBUG all " + m + " " + m.type() + " " + this.world.poll(m)));

        this.world.as("bob").votes(message, 1, 3);
        this.world.as("carol").votes(message, 2);
        this.world.as("bob").removesVote(message);
        this.world.as("bob").votes(message, 2);
        await().until(() -> this.commands.pollEvents.size() == 6);
        assertThat(this.commands.pollEvents).containsExactly("add 1 by " + bob, "add 3 by " + bob, "add 2 by " + carol,
                "remove 1 by " + bob, "remove 3 by " + bob, "add 2 by " + bob);

        this.world.endPoll(message);

        await().until(() -> this.commands.pollEvents.size() == 7);
        assertThat(this.commands.pollEvents.getLast()).isEqualTo("ended 1:0 2:2 3:0");
        EmulatedPoll poll = this.world.poll(message).orElseThrow();
        assertThat(poll.isFinalized()).isTrue();
        assertThat(poll.expiry()).isBeforeOrEqualTo(Instant.now());
        EmulatedMessage result = this.world
            .awaitMessage((candidate) -> candidate.type() == 46 && candidate.repliesTo(message), Timeouts.ANSWER)
            .orElseThrow();
        assertThat(result.embeds().getFirst().path("type").asString()).isEqualTo("poll_result");
        assertThat(result.embeds().getFirst().path("fields").toString())
            .contains("\"victor_answer_text\",\"value\":\"Coffee\"");
    }

    @Test
    @DisplayName("votes Discord refuses with a 400: an answer the poll lacks, two in a poll of one, after its end")
    void refusedVotes() {
        EmulatedMessage message = this.world.as("alice").runs(SlashCommand.of("vote")).awaitResponse(Timeouts.ANSWER);

        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as("dave").votes(message, 4))
            .satisfies((refused) -> {
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.code()).isEqualTo(50035);
                assertThat(refused.errors().toString()).contains("Value must be one of {1, 2, 3}.");
            });
        this.world.as("dave").votes(message, 1);
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as("dave").votes(message, 2))
            .withMessageContaining("voted in this poll already");
        this.world.endPoll(message);
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as("erin").votes(message, 1))
            .satisfies((refused) -> assertThat(refused.code()).isEqualTo(520001));
        assertThat(this.world.poll(message).orElseThrow().counts()).isEqualTo(Map.of(1, 1, 2, 0, 3, 0));
    }

    @Test
    @DisplayName("a slow handler's poll fills its deferred response, the poll with it")
    void slowPoll() {
        EmulatedInteraction slow = this.world.as("alice").runs(SlashCommand.of("slow-vote"));
        try {
            Thread.sleep(8000);
        }
        catch (InterruptedException ex) {
        }
        this.world.allMessages()
            .forEach((m) -> System.out.println("DEBUG all " + m + " " + m.type() + " " + m.interactionId() + " "
                    + slow.id() + " " + m.flags() + " " + this.world.poll(m)));

        EmulatedMessage message = this.world
            .awaitMessage(
                    (candidate) -> candidate.interactionId() == slow.id() && this.world.poll(candidate).isPresent(),
                    Timeouts.ANSWER)
            .orElseThrow();

        assertThat(slow.isDeferred()).isTrue();
        assertThat(message.content()).isEqualTo("Vote, please:");
        assertThat(slow.responses()).as("the deferred response itself").containsExactly(message);
    }

}
