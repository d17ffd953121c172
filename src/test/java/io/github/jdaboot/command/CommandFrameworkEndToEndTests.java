package io.github.jdaboot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.DiscordEmulatorTestConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.SlashCommand;
import net.dv8tion.jda.api.events.GatewayPingEvent;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command framework end to end: the real application with a set of test commands, against the
 * Discord emulator over real sockets, through both slash commands and prefix commands.
 */
@SpringBootTest(properties = "emulator.heartbeat-interval=250ms")
@Import({ DiscordEmulatorTestConfiguration.class, FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class,
        CommandFrameworkEndToEndTests.PingCounting.class })
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Annotated commands against the Discord emulator")
class CommandFrameworkEndToEndTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private DiscordEmulator discord;

    @Autowired
    private ShardManager shards;

    @Autowired
    private CommandSynchronizer synchronizer;

    @Autowired
    private PingCounter pings;

    @BeforeEach
    void commandsRegistered() {
        await().atMost(TIMEOUT).until(() -> this.discord.commands(0).stream()
            .anyMatch((command) -> command.name().equals("flavor")));
    }

    @Test
    @DisplayName("/idea and .idea both answer, from one declaration")
    void bothSurfaces() {
        EmulatedMessage prefix = this.discord.awaitReply(say("general", "alice", ".idea"), TIMEOUT);
        EmulatedMessage slash = slash(SlashCommand.of("idea")).awaitResponse(TIMEOUT);
        EmulatedMessage slashWithTopic = slash(SlashCommand.of("idea").option("topic", "habit")).awaitResponse(TIMEOUT);

        assertThat(prefix.content()).startsWith("Okay, so how about this: ");
        assertThat(slash.content()).startsWith("Okay, so how about this: ");
        assertThat(slashWithTopic.content()).startsWith("Okay, so how about this: ").contains("habit");
    }

    @Test
    @DisplayName("an enum option arrives as its constant, from a slash choice or prefix text")
    void enumOption() {
        assertThat(slash(SlashCommand.of("flavor").option("flavor", "SALTED_CARAMEL")).awaitResponse(TIMEOUT).content())
            .isEqualTo("flavor=SALTED_CARAMEL");
        assertThat(reply("general", "bob", ".flavor \"salted caramel\"")).isEqualTo("flavor=SALTED_CARAMEL");
        assertThat(reply("general", "bob", ".flavor MINT")).isEqualTo("flavor=MINT");
        assertThat(reply("general", "bob", ".flavor chocolate")).startsWith(
                "I couldn't read **flavor**: expected one of `vanilla`, `salted caramel`, `mint`, got `chocolate`.");
    }

    @Test
    @DisplayName("a missing, unreadable or out-of-range prefix argument gets a reply naming it")
    void badPrefixArguments() {
        assertThat(reply("random", "carol", ".add 1")).isEqualTo("**b** is missing.\nUsage: `.add <a> <b>`");
        assertThat(reply("random", "carol", ".add one 2"))
            .isEqualTo("I couldn't read **a**: expected a whole number, got `one`.\nUsage: `.add <a> <b>`");
        assertThat(reply("random", "carol", ".add 1 500")).startsWith("**b** must be from 0 to 100, got `500`.");
        assertThat(reply("random", "carol", ".add 99999999999999999999 1")).startsWith("**a** must be from");
        assertThat(reply("random", "carol", ".add 40 2")).isEqualTo("sum=42");
    }

    @Test
    @DisplayName("a throwing handler: the user gets an apology with an error id, logged once; the next command works")
    void throwingHandler(CapturedOutput output) {
        EmulatedMessage apology = slash(SlashCommand.of("fail")).awaitResponse(TIMEOUT);

        Matcher id = Pattern.compile("error id `([0-9a-f]{8})`").matcher(apology.content());
        assertThat(id.find()).as(apology.content()).isTrue();
        assertThat(apology.isEphemeral()).isTrue();
        await().atMost(TIMEOUT).until(() -> output.getAll().contains("(error id " + id.group(1) + ")"));
        assertThat(output.getAll().split("error id " + id.group(1), -1)).hasSize(2);
        assertThat(output.getAll()).contains("java.lang.IllegalStateException: boom");
        assertThat(reply("general", "alice", ".fail")).contains("error id `");
        assertThat(slash(SlashCommand.of("idea")).awaitResponse(TIMEOUT).content()).startsWith("Okay");
    }

    @Test
    @DisplayName("a handler that takes 5 s is deferred within Discord's 3 s, and its answer fills the deferred message")
    void slowHandlerIsDeferred() {
        EmulatedInteraction interaction = slash(SlashCommand.of("slow"));

        EmulatedMessage response = interaction.awaitResponse(TIMEOUT);

        assertThat(response.content()).isEqualTo("slow done");
        assertThat(interaction.isDeferred()).isTrue();
        assertThat(interaction.acknowledgedAfter()).hasValueSatisfying(
                (after) -> assertThat(after).isLessThan(Duration.ofMillis(2900)));
        assertThat(interaction.responses()).hasSize(1);
    }

    @Test
    @DisplayName("100 handlers that each wait 1 s finish together, and heartbeat ACKs keep being processed meanwhile")
    void concurrentHandlers() {
        EmulatedChannel channel = this.discord.channel("bot-lab");
        int identifies = this.discord.identifyCount();
        int resumes = this.discord.resumeCount();
        int pingsBefore = this.pings.count();
        long start = System.nanoTime();
        List<EmulatedInteraction> interactions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            interactions.add(slash(SlashCommand.of("wait").in(channel).option("label", "#" + i)));
        }
        interactions.forEach((interaction) -> interaction.awaitResponse(TIMEOUT));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        int heartbeatsAcknowledged = this.pings.count() - pingsBefore;
        System.out.printf("100 x 1 s handlers: all answered after %d ms; %d heartbeat ACKs processed meanwhile%n",
                wall.toMillis(), heartbeatsAcknowledged);
        assertThat(wall).as("100 x 1 s handlers, concurrently").isLessThan(Duration.ofSeconds(3));
        assertThat(interactions).allSatisfy((interaction) -> assertThat(interaction.responses()).hasSize(1));
        assertThat(heartbeatsAcknowledged).as("ACKs processed in %s at a 250 ms interval", wall)
            .isGreaterThanOrEqualTo((int) (wall.toMillis() / 250) - 1);
        assertThat(this.discord.identifyCount()).isEqualTo(identifies);
        assertThat(this.discord.resumeCount()).isEqualTo(resumes);
    }

    @Test
    @DisplayName("the second sync of unchanged commands reads them and writes nothing")
    void syncWithoutChangesWritesNothing() {
        assertThat(this.discord.commands(0)).extracting((command) -> command.name())
            .contains("idea", "help", "flavor", "tag", "slashonly")
            .doesNotContain("unknown");
        int before = this.discord.requests().size();

        this.synchronizer.synchronize(this.shards.getShardById(0));

        await().atMost(TIMEOUT).until(() -> this.discord.requests().stream().skip(before)
            .anyMatch((request) -> "GET /applications/{application_id}/commands".equals(request.route())));
        await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> this.discord.requests().stream()
            .skip(before).filter(RecordedRequest::isWrite)
            .noneMatch((request) -> request.route() != null && request.route().contains("/commands")));
    }

    @Test
    @DisplayName("a cooldown refuses a second use, says when to retry, then lets the user through")
    void cooldown() {
        assertThat(reply("random", "dave", ".limited")).isEqualTo("limited ok");
        assertThat(reply("random", "dave", ".limited"))
            .matches("Slow down, please: you can use \\.limited again in [12] seconds?\\.");
        assertThat(reply("random", "erin", ".limited")).as("another user").isEqualTo("limited ok");
        await().pollDelay(Duration.ofMillis(2100)).atMost(TIMEOUT)
            .until(() -> reply("random", "dave", ".limited").equals("limited ok"));
    }

    @Test
    @DisplayName(".idea never pings @everyone, even when the topic contains it and the bot may ping everyone")
    void neverPingsEveryone() {
        this.discord.grantRole(this.discord.guild(), this.discord.bot(), this.discord.guild().roles().stream()
            .filter((role) -> role.name().equals("Moderators")).findFirst().orElseThrow());

        EmulatedMessage prefix = this.discord.awaitReply(say("general", "alice", ".idea @everyone @here <@&"
                + this.discord.guild().roles().getLast().idString() + ">"), TIMEOUT);
        EmulatedMessage slash = slash(SlashCommand.of("idea").option("topic", "@everyone")).awaitResponse(TIMEOUT);

        for (EmulatedMessage reply : List.of(prefix, slash)) {
            assertThat(reply.content()).contains("@everyone");
            assertThat(reply.mentionEveryone()).isFalse();
            assertThat(reply.mentionRoleIds()).isEmpty();
            assertThat(reply.mentionUserIds()).isEmpty();
        }
    }

    @Test
    @DisplayName("subcommands: /tag add and .tag show, with a polite reply for an unknown tag")
    void subcommands() {
        assertThat(slash(SlashCommand.of("tag", "add").option("name", "faq").option("content", "Read the docs!"))
            .awaitResponse(TIMEOUT).content()).isEqualTo("Saved tag faq.");
        assertThat(reply("general", "bob", ".tag show faq")).isEqualTo("Read the docs!");
        assertThat(reply("general", "bob", ".tag show nope")).isEqualTo("There is no tag called nope.");
        assertThat(reply("general", "bob", ".tag")).isEqualTo("`.tag` needs a subcommand: `.tag add`, `.tag show`.");
    }

    @Test
    @DisplayName("help lists the commands with their options, generated from the annotations")
    void help() {
        assertThat(reply("general", "bob", ".help")).contains("`.idea [topic]`: Suggests a project idea")
            .contains("`.add <a> <b>`: Adds two numbers").contains("`.tag add <name> <content>`")
            .doesNotContain("slashonly");
        EmulatedMessage slashHelp = slash(SlashCommand.of("help").option("command", "flavor")).awaitResponse(TIMEOUT);
        assertThat(slashHelp.isEphemeral()).isTrue();
        assertThat(slashHelp.content()).contains("`/flavor <flavor>`").contains("`salted caramel`");
    }

    @Test
    @DisplayName("text over 2,000 characters is split into messages, and very long text is sent as a file")
    void longReplies() {
        EmulatedMessage asked = say("bot-lab", "carol", ".long 4500");
        await().atMost(TIMEOUT).until(() -> botMessagesAfter(asked).size() == 3);
        List<EmulatedMessage> parts = botMessagesAfter(asked);
        assertThat(parts).allSatisfy((part) -> assertThat(part.content().length()).isLessThanOrEqualTo(2000));
        assertThat(parts.getFirst().referencedMessageId()).isEqualTo(asked.id());
        assertThat(parts.stream().map(EmulatedMessage::content).mapToInt(String::length).sum()).isGreaterThan(4400);

        EmulatedMessage file = this.discord.awaitReply(say("bot-lab", "carol", ".long 9000"), TIMEOUT);
        assertThat(file.attachments()).singleElement()
            .satisfies((attachment) -> assertThat(attachment.data()).hasSize(9000));
    }

    @Test
    @DisplayName("ephemeral replies, injected context, guards, async results and void handlers")
    void theRest() {
        assertThat(slash(SlashCommand.of("secret")).awaitResponse(TIMEOUT).isEphemeral()).isTrue();
        assertThat(reply("general", "bob", ".whoami"))
            .isEqualTo("bob|" + this.discord.user("bob").idString() + "|Emulator Guild|"
                    + this.discord.channel("general").idString() + "|PREFIX");
        assertThat(slash(SlashCommand.of("mods").by(this.discord.user("bob"))).awaitResponse(TIMEOUT).content())
            .isEqualTo("You need the **Manage Server** permission to use /mods.");
        assertThat(slash(SlashCommand.of("mods").by(this.discord.user("alice"))).awaitResponse(TIMEOUT).content())
            .as("alice owns the guild").isEqualTo("welcome, moderator");
        assertThat(reply("general", "bob", ".later")).isEqualTo("async done");
        assertThat(reply("general", "bob", ".greet " + this.discord.user("carol").mention())).isEqualTo("hello carol");
        assertThat(reply("general", "bob", ".slashonly")).isEqualTo("That one is a slash command: type `/slashonly`.");

        EmulatedMessage twice = say("general", "bob", ".silent");
        await().atMost(TIMEOUT).until(() -> botMessagesAfter(twice).size() == 2);
        assertThat(botMessagesAfter(twice)).extracting(EmulatedMessage::content).containsExactly("first", "second");
        assertThat(botMessagesAfter(twice).getFirst().referencedMessageId()).isEqualTo(twice.id());
    }

    @Test
    @DisplayName("in a direct message: prefix and slash commands work, server-only ones say so")
    void directMessages() {
        EmulatedChannel dm = this.discord.directChannel(this.discord.user("bob"));
        assertThat(this.discord.awaitReply(this.discord.userSays(dm, this.discord.user("bob"), ".idea"), TIMEOUT)
            .content()).startsWith("Okay, so how about this: ");
        assertThat(slash(SlashCommand.of("idea").in(dm).by(this.discord.user("bob"))).awaitResponse(TIMEOUT).content())
            .startsWith("Okay, so how about this: ");
        assertThat(this.discord.awaitReply(this.discord.userSays(dm, this.discord.user("bob"), ".serveronly"), TIMEOUT)
            .content()).isEqualTo(".serveronly only works in a server, not in direct messages.");
    }

    private EmulatedMessage say(String channel, String user, String content) {
        return this.discord.userSays(this.discord.channel(channel), this.discord.user(user), content);
    }

    private String reply(String channel, String user, String content) {
        return this.discord.awaitReply(say(channel, user, content), TIMEOUT).content();
    }

    private EmulatedInteraction slash(SlashCommand command) {
        return this.discord.slashCommand(command);
    }

    private List<EmulatedMessage> botMessagesAfter(EmulatedMessage asked) {
        return this.discord.messages(this.discord.channel(asked.channelId()).orElseThrow()).stream()
            .filter((message) -> message.id() > asked.id() && message.author().equals(this.discord.bot()))
            .toList();
    }

    /** Counts heartbeat ACKs as JDA processes them: it fires a GatewayPingEvent for each. */
    static class PingCounter implements EventListener {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof GatewayPingEvent) {
                this.count.incrementAndGet();
            }
        }

        int count() {
            return this.count.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class PingCounting {

        @Bean
        PingCounter pingCounter() {
            return new PingCounter();
        }
    }
}
