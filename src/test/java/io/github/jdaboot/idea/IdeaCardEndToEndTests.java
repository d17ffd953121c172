package io.github.jdaboot.idea;

import java.time.Duration;
import java.util.List;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedPoll;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The idea as a card and the poll among ideas, end to end against the emulator.
 */
@DiscordBotTest
@DisplayName("The idea's card and poll against the Discord emulator")
class IdeaCardEndToEndTests {

    private final World world;

    private final IdeaProperties ideas;

    IdeaCardEndToEndTests(DiscordEmulator discord, IdeaProperties ideas) {
        this.world = discord.world();
        this.ideas = ideas;
    }

    @Test
    @DisplayName("/idea is a card: the idea with \"Another\" beside it, the topic menu, \"Suggest one\" and the vote")
    void card() {
        EmulatedMessage card = this.world.as("alice").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER);

        assertThat(card.isLayout()).isTrue();
        JsonNode container = card.components().getFirst();
        assertThat(container.path("type").asInt()).isEqualTo(17);
        assertThat(container.path("accent_color").asInt()).isEqualTo(0x5865F2);
        JsonNode section = container.path("components").get(0);
        assertThat(section.path("type").asInt()).isEqualTo(9);
        assertThat(section.path("components").get(0).path("content").asString())
            .startsWith("Okay, so how about this: ");
        assertThat(section.path("accessory").path("label").asString()).isEqualTo("Another");
        assertThat(section.path("accessory").path("custom_id").asString()).isEqualTo("idea:another");
        assertThat(container.path("components").get(1).path("type").asInt()).as("a separator").isEqualTo(14);
        JsonNode menu = container.path("components").get(2).path("components").get(0);
        assertThat(menu.path("custom_id").asString()).isEqualTo("idea:topic");
        assertThat(menu.path("options")).hasSize(this.ideas.getTopics().size());
        JsonNode buttons = container.path("components").get(3).path("components");
        assertThat(List.of(buttons.get(0).path("label").asString(), buttons.get(1).path("label").asString()))
            .containsExactly("Suggest one", "Let the channel vote");
    }

    @Test
    @DisplayName("/idea-poll: three different ideas listed in full, each a poll answer of at most 55 characters")
    void poll() {
        EmulatedMessage message = this.world.as("alice")
            .runs(SlashCommand.of("idea-poll"))
            .awaitResponse(Timeouts.ANSWER);

        EmulatedPoll poll = this.world.poll(message).orElseThrow();
        assertThat(poll.question()).isEqualTo("Which idea should we build?");
        assertThat(poll.expiry()).isAfter(message.timestamp().plus(Duration.ofHours(23)));
        List<String> listed = message.content().lines().skip(1).map((line) -> line.substring(3)).toList();
        assertThat(listed).hasSize(3).doesNotHaveDuplicates().allSatisfy((idea) -> assertThat(idea).isIn(all()));
        assertThat(poll.answers()).hasSize(3).allSatisfy((answer) -> {
            assertThat(answer.text()).hasSizeLessThanOrEqualTo(55);
            String start = answer.text().replace("\u2026", "");
            assertThat(listed.get(answer.id() - 1)).startsWith(start);
        });
    }

    @Test
    @DisplayName("\"Let the channel vote\" posts the poll; when it ends, the winner is named in full in answer to it")
    void voteAndWinner() {
        EmulatedMessage card = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("general"), ".idea"), Timeouts.ANSWER);
        EmulatedMessage pollMessage = this.world.as("bob").clicks(card, "idea:poll").awaitResponse(Timeouts.ANSWER);
        String second = pollMessage.content().lines().toList().get(2).substring(3);

        this.world.as("bob").votes(pollMessage, 2);
        this.world.as("carol").votes(pollMessage, 2);
        this.world.as("dave").votes(pollMessage, 1);
        this.world.endPoll(pollMessage);

        EmulatedMessage winner = this.world
            .awaitMessage((message) -> message.author().equals(this.world.bot()) && message.repliesTo(pollMessage)
                    && message.type() == 19, Timeouts.ANSWER)
            .orElseThrow();
        assertThat(winner.content())
            .isEqualTo("The channel picked **" + second + "** with 2 votes of 3. Happy building!");
        await().during(Duration.ofMillis(300))
            .until(() -> this.world.repliesTo(pollMessage).stream().filter((m) -> m.type() == 19).count() == 1);
    }

    /** The configured ideas, and the one a test of the shared bot may have added. */
    private List<String> all() {
        return IdeaCommandEndToEndTests.ideas(this.ideas);
    }

}
