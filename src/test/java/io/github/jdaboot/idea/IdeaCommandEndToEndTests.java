package io.github.jdaboot.idea;

import java.time.Duration;
import java.util.List;

import io.github.jdaboot.DiscordEmulatorTestConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tutorial's bot end to end: the real application talks to the Discord emulator over loopback
 * sockets, gateway and REST, exactly as it would talk to Discord.
 */
@SpringBootTest
@Import(DiscordEmulatorTestConfiguration.class)
@DisplayName("The .idea command against the Discord emulator")
class IdeaCommandEndToEndTests {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private DiscordEmulator discord;

    @Autowired
    private IdeaProperties ideas;

    @Test
    @DisplayName(".idea gets exactly one reply, referencing the message, with an idea from the list")
    void ideaGetsOneReply() {
        EmulatedChannel general = this.discord.channel("general");
        EmulatedMessage asked = this.discord.userSays(general, this.discord.user("alice"), ".idea");

        EmulatedMessage reply = this.discord.awaitReply(asked, REPLY_TIMEOUT);

        assertThat(reply.author()).isEqualTo(this.discord.bot());
        assertThat(reply.channelId()).isEqualTo(general.id());
        assertThat(reply.referencedMessageId()).isEqualTo(asked.id());
        assertThat(reply.content()).startsWith("Okay, so how about this: ");
        assertThat(reply.content().substring("Okay, so how about this: ".length()))
            .isIn(this.ideas.getSuggestions());
        assertThat(reply.mentionEveryone()).isFalse();
        assertThat(reply.mentionUserIds()).isEmpty();
        assertThat(reply.mentionRoleIds()).isEmpty();
        assertNoMoreRepliesThan(1, asked);
    }

    @Test
    @DisplayName("other bots' messages and the bot's own get no reply")
    void botsAreIgnored() {
        EmulatedChannel channel = this.discord.channel("random");
        EmulatedMessage fromOtherBot = this.discord.userSays(channel, this.discord.user("OtherBot"), ".idea");
        EmulatedMessage fromItself = this.discord.userSays(channel, this.discord.bot(), ".idea");
        EmulatedMessage fromHuman = this.discord.userSays(channel, this.discord.user("bob"), ".idea");

        // events are handled in order: once the human's later message is answered, the earlier ones were seen
        this.discord.awaitReply(fromHuman, REPLY_TIMEOUT);

        assertNoMoreRepliesThan(0, fromOtherBot);
        assertNoMoreRepliesThan(0, fromItself);
    }

    @Test
    @DisplayName("messages that are not commands get no reply; a near miss gets a suggestion")
    void onlyCommands() {
        EmulatedChannel channel = this.discord.channel("bot-lab");
        List<EmulatedMessage> ignored = List.of(
                this.discord.userSays(channel, this.discord.user("carol"), "what is an .idea"),
                this.discord.userSays(channel, this.discord.user("carol"), "hello"),
                this.discord.userSays(channel, this.discord.user("carol"), "..."),
                this.discord.userSays(channel, this.discord.user("carol"), ". idea"),
                this.discord.userSays(channel, this.discord.user("carol"), ".zzzzzz"));
        EmulatedMessage nearMiss = this.discord.userSays(channel, this.discord.user("carol"), ".ideas please");
        EmulatedMessage withTopic = this.discord.userSays(channel, this.discord.user("carol"), ".idea games");

        assertThat(this.discord.awaitReply(nearMiss, REPLY_TIMEOUT).content())
            .isEqualTo("I don't know `.ideas`. Did you mean `.idea`? Type `.help` for the list.");
        this.discord.awaitReply(withTopic, REPLY_TIMEOUT);
        ignored.forEach((message) -> assertNoMoreRepliesThan(0, message));
    }

    @Test
    @DisplayName("after close 4000 the bot resumes, and messages sent during the outage are replayed and answered once")
    void resumesAfterClose4000() {
        EmulatedChannel general = this.discord.channel("general");
        this.discord.awaitReply(this.discord.userSays(general, this.discord.user("alice"), ".idea"), REPLY_TIMEOUT);
        int identifies = this.discord.identifyCount();
        int resumes = this.discord.resumeCount();

        this.discord.refuseGatewayConnections(true);
        this.discord.closeGateway(4000);
        await().atMost(REPLY_TIMEOUT).until(() -> !this.discord.hasLiveSession());
        List<EmulatedMessage> duringOutage = List.of(
                this.discord.userSays(general, this.discord.user("alice"), ".idea"),
                this.discord.userSays(general, this.discord.user("bob"), ".idea"),
                this.discord.userSays(general, this.discord.user("carol"), ".idea"));
        this.discord.refuseGatewayConnections(false);

        duringOutage.forEach((message) -> this.discord.awaitReply(message, Duration.ofSeconds(20)));
        duringOutage.forEach((message) -> assertNoMoreRepliesThan(1, message));
        assertThat(this.discord.identifyCount()).as("a resume, not a new session").isEqualTo(identifies);
        assertThat(this.discord.resumeCount()).isGreaterThan(resumes);
        assertThat(this.discord.gatewayEvents())
            .filteredOn((event) -> event.kind().equals("resumed"))
            .last()
            .satisfies((event) -> assertThat(event.code()).as("events replayed on RESUME").isGreaterThanOrEqualTo(3));
    }

    private void assertNoMoreRepliesThan(int expected, EmulatedMessage message) {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3))
            .until(() -> this.discord.repliesTo(message).size() == expected);
    }
}
