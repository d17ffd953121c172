package io.github.jdaboot.idea;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedModal;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.Gateway;
import io.github.jdaboot.emulator.GatewayActivity;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tutorial's bot end to end: the real application talks to the Discord emulator over
 * loopback sockets, gateway and REST, exactly as it would talk to Discord.
 */
@DiscordBotTest
@DisplayName("The .idea command against the Discord emulator")
class IdeaCommandEndToEndTests {

    /**
     * The idea {@link #suggest()} adds, under the topic "game" that it does not name: it
     * can come up in any later answer of this shared bot, and on "game" (so a test of
     * another class cannot expect every idea on a topic to name it).
     */
    static final String SUGGESTED = "a zeppelin tracker for quokkas";

    private final World world;

    private final Gateway gateway;

    private final IdeaProperties ideas;

    IdeaCommandEndToEndTests(DiscordEmulator discord, IdeaProperties ideas) {
        this.world = discord.world();
        this.gateway = discord.gateway();
        this.ideas = ideas;
    }

    @Test
    @DisplayName(".idea gets exactly one reply, referencing the message, with an idea from the list")
    void ideaGetsOneReply() {
        EmulatedChannel general = this.world.channel("general");
        EmulatedMessage asked = this.world.as("alice").says(general, ".idea");

        EmulatedMessage reply = this.world.awaitReply(asked, Timeouts.ANSWER);

        assertThat(reply.author()).isEqualTo(this.world.bot());
        assertThat(reply.channelId()).isEqualTo(general.id());
        assertThat(reply.referencedMessageId()).isEqualTo(asked.id());
        assertThat(reply.text()).startsWith("Okay, so how about this: ");
        assertThat(reply.text().substring("Okay, so how about this: ".length())).isIn(ideas());
        assertThat(reply.mentionEveryone()).isFalse();
        assertThat(reply.mentionUserIds()).isEmpty();
        assertThat(reply.mentionRoleIds()).isEmpty();
        assertNoMoreRepliesThan(1, asked);
    }

    private List<String> ideas() {
        return ideas(this.ideas);
    }

    /**
     * Every idea the bot may answer with: the configured ones, and the one a test here
     * suggests (once asking for the credit), which any later answer of this shared bot
     * may pick.
     */
    static List<String> ideas(IdeaProperties properties) {
        List<String> ideas = new ArrayList<>(properties.getSuggestions());
        ideas.add(SUGGESTED);
        ideas.add(SUGGESTED + " (suggested by alice)");
        return ideas;
    }

    @Test
    @DisplayName("other bots' messages and the bot's own get no reply")
    void botsAreIgnored() {
        EmulatedChannel channel = this.world.channel("random");
        EmulatedMessage fromOtherBot = this.world.as("OtherBot").says(channel, ".idea");
        EmulatedMessage fromItself = this.world.as(this.world.bot()).says(channel, ".idea");
        EmulatedMessage fromHuman = this.world.as("bob").says(channel, ".idea");

        // events are handled in order: once the human's later message is answered, the
        // earlier ones were seen
        this.world.awaitReply(fromHuman, Timeouts.ANSWER);

        assertNoMoreRepliesThan(0, fromOtherBot);
        assertNoMoreRepliesThan(0, fromItself);
    }

    @Test
    @DisplayName("messages that are not commands get no reply; a near miss gets a suggestion")
    void onlyCommands() {
        EmulatedChannel channel = this.world.channel("bot-lab");
        List<EmulatedMessage> ignored = List.of(this.world.as("carol").says(channel, "what is an .idea"),
                this.world.as("carol").says(channel, "hello"), this.world.as("carol").says(channel, "..."),
                this.world.as("carol").says(channel, ". idea"), this.world.as("carol").says(channel, ".zzzzzz"));
        EmulatedMessage nearMiss = this.world.as("carol").says(channel, ".ideas please");
        EmulatedMessage withTopic = this.world.as("carol").says(channel, ".idea games");

        assertThat(this.world.awaitReply(nearMiss, Timeouts.ANSWER).content())
            .isEqualTo("I don't know `.ideas`. Did you mean `.idea`? Type `.help` for the list.");
        this.world.awaitReply(withTopic, Timeouts.ANSWER);
        ignored.forEach((message) -> assertNoMoreRepliesThan(0, message));
    }

    @Test
    @DisplayName("after close 4000 the bot resumes, and messages sent during the outage are replayed and answered once")
    void resumesAfterClose4000() {
        EmulatedChannel general = this.world.channel("general");
        this.world.awaitReply(this.world.as("alice").says(general, ".idea"), Timeouts.ANSWER);
        int identifies = this.gateway.identifyCount();
        int resumes = this.gateway.resumeCount();

        this.gateway.refuseConnections(true);
        this.gateway.close(4000);
        await().until(() -> !this.gateway.hasLiveSession());
        List<EmulatedMessage> duringOutage = List.of(this.world.as("alice").says(general, ".idea"),
                this.world.as("bob").says(general, ".idea"), this.world.as("carol").says(general, ".idea"));
        this.gateway.refuseConnections(false);

        duringOutage.forEach((message) -> this.world.awaitReply(message, Timeouts.ANSWER));
        duringOutage.forEach((message) -> assertNoMoreRepliesThan(1, message));
        assertThat(this.gateway.identifyCount()).as("a resume, not a new session").isEqualTo(identifies);
        assertThat(this.gateway.resumeCount()).isGreaterThan(resumes);
        assertThat(this.gateway.events()).filteredOn((event) -> event.kind() == GatewayActivity.RESUMED)
            .last()
            .satisfies((event) -> assertThat(event.code()).as("events replayed on RESUME").isGreaterThanOrEqualTo(3));
    }

    @Test
    @DisplayName("\"Another\" replaces the idea in the same message, keeping its topic and its buttons")
    void another() {
        EmulatedMessage reply = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("general"), ".idea games"), Timeouts.ANSWER);
        assertThat(reply.text()).containsIgnoringCase("game");

        this.world.as("bob").clicks(reply, "idea:another:games").awaitCallback(Timeouts.ANSWER);

        EmulatedMessage updated = this.world.message(reply.id()).orElseThrow();
        assertThat(updated.editedTimestamp()).isNotNull();
        assertThat(updated.text()).startsWith("Okay, so how about this: ").containsIgnoringCase("game");
        assertThat(updated.components().getFirst().path("components")).as("the buttons and the topic menu stay")
            .hasSize(4);
    }

    @Test
    @DisplayName("a topic picked in the menu gives an idea on it, in place of the old one")
    void topicMenu() {
        EmulatedMessage reply = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("general"), ".idea"), Timeouts.ANSWER);

        this.world.as("alice").selects(reply, "idea:topic", "reading").awaitCallback(Timeouts.ANSWER);

        assertThat(this.world.message(reply.id()).orElseThrow().text()).containsIgnoringCase("read");
    }

    @Test
    @DisplayName("/suggest and the \"Suggest one\" button open a form with the topic as a radio group and a \"credit me\""
            + " checkbox; a suggestion is added under its topic, and comes up with its author's name")
    void suggest() {
        EmulatedModal form = this.world.as("alice").runs(SlashCommand.of("suggest")).awaitModal(Timeouts.ANSWER);
        assertThat(form.fields()).extracting(EmulatedModal.Field::customId).containsExactly("idea", "topic", "credit");
        assertThat(form.field("topic").type()).as("a radio group").isEqualTo(21);
        assertThat(form.field("topic").options()).containsExactly("bot", "game", "web", "reading", "learning",
                "finance");
        assertThat(form.field("credit").type()).as("a checkbox").isEqualTo(23);

        EmulatedMessage thanks = this.world.as("alice")
            .submits(form, Map.of("idea", SUGGESTED, "topic", "game", "credit", true))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(thanks.content())
            .matches("<:idea_[0-9a-f]{6}:\\d+> Thanks, added under game: a zeppelin tracker for quokkas");
        assertThat(thanks.isEphemeral()).isTrue();
        EmulatedMessage idea = this.world
            .awaitReply(this.world.as("bob").says(this.world.channel("general"), ".idea quokkas"), Timeouts.ANSWER);
        assertThat(idea.text()).contains(SUGGESTED);
        assertThat(idea.text()).contains(SUGGESTED + " (suggested by alice)");

        EmulatedModal fromButton = this.world.as("bob").clicks(idea, "idea:suggest").awaitModal(Timeouts.ANSWER);
        assertThat(fromButton.title()).isEqualTo("Suggest a project idea");
    }

    @Test
    @DisplayName("the \"Suggest one\" button shows the application emoji the bot uploaded at startup")
    void suggestButtonEmoji() {
        EmulatedMessage reply = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("general"), ".idea"), Timeouts.ANSWER);

        assertThat(this.world.applicationEmojis()).singleElement().satisfies((emoji) -> {
            assertThat(emoji.name()).matches("idea_[0-9a-f]{6}");
            assertThat(reply.components().toString()).contains("\"id\":\"" + emoji.idString() + "\"");
        });
    }

    @Test
    @DisplayName("installed to alice's account, /idea works in her DM with bob and in a group DM the bot is not in: "
            + "the answer is the interaction's, and \"Another\" replaces it in place")
    void userInstalledIdeaInPrivateChannels() {
        EmulatedUser alice = this.world.user("alice");
        EmulatedChannel dm = this.world.directChannel(alice, this.world.user("bob"));
        EmulatedChannel group = this.world.groupChannel("Hack night", alice, this.world.user("bob"),
                this.world.user("carol"));
        for (EmulatedChannel channel : List.of(dm, group)) {
            EmulatedInteraction run = this.world.as(alice)
                .runs(SlashCommand.of("idea").in(channel).option("topic", "games"));
            EmulatedMessage answer = run.awaitResponse(Timeouts.ANSWER);
            assertThat(answer.channelId()).isEqualTo(channel.id());
            assertThat(answer.text()).startsWith("Okay, so how about this: ").containsIgnoringCase("game");
            assertThat(run.integrationOwners()).as("alice's user install").containsEntry(1, alice.id());

            this.world.as("bob").clicks(answer, "idea:another:games").awaitCallback(Timeouts.ANSWER);

            EmulatedMessage updated = this.world.message(answer.id()).orElseThrow();
            assertThat(updated.editedTimestamp()).isNotNull();
            assertThat(updated.text()).startsWith("Okay, so how about this: ");
            assertThat(this.world.messages(channel)).as("nothing but the interaction's answer").hasSize(1);
        }
    }

    private void assertNoMoreRepliesThan(int expected, EmulatedMessage message) {
        await().during(Duration.ofMillis(300)).until(() -> this.world.repliesTo(message).size() == expected);
    }

}
