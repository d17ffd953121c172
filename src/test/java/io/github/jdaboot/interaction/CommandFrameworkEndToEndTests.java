package io.github.jdaboot.interaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.registration.CommandSynchronizer;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.JdaEvents;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.events.GatewayPingEvent;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command framework end to end: the real application with a set of test commands,
 * against the Discord emulator over real sockets, through both slash commands and prefix
 * commands.
 */
@DiscordBotTest
@Import({ FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class })
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Annotated commands against the Discord emulator")
class CommandFrameworkEndToEndTests {

    private final DiscordEmulator discord;

    private final World world;

    private final ShardManager shards;

    private final CommandSynchronizer synchronizer;

    private final JdaEvents events;

    CommandFrameworkEndToEndTests(DiscordEmulator discord, ShardManager shards, CommandSynchronizer synchronizer,
            JdaEvents events) {
        this.discord = discord;
        this.world = discord.world();
        this.shards = shards;
        this.synchronizer = synchronizer;
        this.events = events;
    }

    @Test
    @DisplayName("/idea and .idea both answer, from one declaration")
    void bothSurfaces() {
        EmulatedMessage prefix = this.world.awaitReply(say("general", "alice", ".idea"), Timeouts.ANSWER);
        EmulatedMessage slash = slash(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER);
        EmulatedMessage slashWithTopic = slash(SlashCommand.of("idea").option("topic", "habit"))
            .awaitResponse(Timeouts.ANSWER);

        assertThat(prefix.text()).startsWith("Okay, so how about this: ");
        assertThat(slash.text()).startsWith("Okay, so how about this: ");
        assertThat(slashWithTopic.text()).startsWith("Okay, so how about this: ").contains("habit");
    }

    @Test
    @DisplayName("an enum option arrives as its constant, from a slash choice or prefix text")
    void enumOption() {
        assertThat(slash(SlashCommand.of("flavor").option("flavor", "SALTED_CARAMEL")).awaitResponse(Timeouts.ANSWER)
            .content()).isEqualTo("flavor=SALTED_CARAMEL");
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
        EmulatedMessage apology = slash(SlashCommand.of("fail")).awaitResponse(Timeouts.ANSWER);

        Matcher id = Pattern.compile("error id `([0-9a-f]{8})`").matcher(apology.content());
        assertThat(id.find()).as(apology.content()).isTrue();
        assertThat(apology.isEphemeral()).isTrue();
        await().until(() -> output.getAll().contains("(error id " + id.group(1) + ")"));
        assertThat(output.getAll().split("error id " + id.group(1), -1)).hasSize(2);
        assertThat(output.getAll()).contains("java.lang.IllegalStateException: boom");
        assertThat(reply("general", "alice", ".fail")).contains("error id `");
        assertThat(slash(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER).text()).startsWith("Okay");
    }

    @Test
    @DisplayName("a handler that takes 5 s is deferred within Discord's 3 s, and its answer fills the deferred message")
    void slowHandlerIsDeferred() {
        EmulatedInteraction interaction = slash(SlashCommand.of("slow"));

        EmulatedMessage response = interaction.awaitResponse(Timeouts.ANSWER);

        assertThat(response.content()).isEqualTo("slow done");
        assertThat(interaction.isDeferred()).isTrue();
        assertThat(interaction.acknowledgedAfter())
            .hasValueSatisfying((after) -> assertThat(after).isLessThan(Timeouts.scaled(Duration.ofMillis(2900))));
        assertThat(interaction.responses()).hasSize(1);
    }

    @Test
    @DisplayName("100 handlers that each wait 1 s finish together, and heartbeat ACKs keep being processed meanwhile")
    void concurrentHandlers() {
        EmulatedChannel channel = this.world.channel("bot-lab");
        int identifies = this.discord.gateway().identifyCount();
        int resumes = this.discord.gateway().resumeCount();
        int pingsBefore = this.events.count(GatewayPingEvent.class);
        long start = System.nanoTime();
        List<EmulatedInteraction> interactions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            interactions.add(slash(SlashCommand.of("wait").in(channel).option("label", "#" + i)));
        }
        interactions.forEach((interaction) -> interaction.awaitResponse(Timeouts.ANSWER));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);

        int heartbeatsAcknowledged = this.events.count(GatewayPingEvent.class) - pingsBefore;
        System.out.printf("100 x 1 s handlers: all answered after %d ms; %d heartbeat ACKs processed meanwhile%n",
                wall.toMillis(), heartbeatsAcknowledged);
        assertThat(wall).as("100 x 1 s handlers, concurrently").isLessThan(Timeouts.scaled(Duration.ofSeconds(3)));
        assertThat(interactions).allSatisfy((interaction) -> assertThat(interaction.responses()).hasSize(1));
        long interval = this.discord.gateway().heartbeatInterval().toMillis();
        assertThat(heartbeatsAcknowledged).as("ACKs processed in %s at a %d ms interval", wall, interval)
            .isGreaterThanOrEqualTo((int) (wall.toMillis() / interval) - 1);
        assertThat(this.discord.gateway().identifyCount()).isEqualTo(identifies);
        assertThat(this.discord.gateway().resumeCount()).isEqualTo(resumes);
    }

    @Test
    @DisplayName("the second sync of unchanged commands reads them and writes nothing")
    void syncWithoutChangesWritesNothing() {
        assertThat(this.world.commands(0)).extracting((command) -> command.name())
            .contains("idea", "help", "flavor", "tag", "slashonly")
            .doesNotContain("unknown");
        int before = this.discord.rest().requests().size();

        this.synchronizer.synchronize(this.shards.getShardById(0));

        await().until(() -> this.discord.rest()
            .requests()
            .stream()
            .skip(before)
            .anyMatch((request) -> "GET /applications/{application_id}/commands".equals(request.route())));
        await().during(Duration.ofMillis(500))
            .atMost(Timeouts.ANSWER)
            .until(() -> this.discord.rest()
                .requests()
                .stream()
                .skip(before)
                .filter(RecordedRequest::isWrite)
                .noneMatch((request) -> request.route() != null && request.route().contains("/commands")));
    }

    @Test
    @DisplayName("a cooldown refuses a second use, says when to retry, then lets the user through")
    void cooldown() {
        assertThat(reply("random", "dave", ".limited")).isEqualTo("limited ok");
        assertThat(reply("random", "dave", ".limited"))
            .matches("Slow down, please: you can use \\.limited again in [12] seconds?\\.");
        assertThat(reply("random", "erin", ".limited")).as("another user").isEqualTo("limited ok");
        await().pollDelay(Duration.ofMillis(2100))
            .atMost(Timeouts.ANSWER)
            .until(() -> reply("random", "dave", ".limited").equals("limited ok"));
    }

    @Test
    @DisplayName(".idea never pings @everyone, even when the topic contains it and the bot may ping everyone")
    void neverPingsEveryone() {
        this.world.grantRole(this.world.guild(), this.world.bot(), this.world.guild().role("Moderators"));

        EmulatedMessage prefix = this.world.awaitReply(
                say("general", "alice",
                        ".idea @everyone @here <@&" + this.world.guild().roles().getLast().idString() + ">"),
                Timeouts.ANSWER);
        EmulatedMessage slash = slash(SlashCommand.of("idea").option("topic", "@everyone"))
            .awaitResponse(Timeouts.ANSWER);

        for (EmulatedMessage reply : List.of(prefix, slash)) {
            assertThat(reply.text()).contains("@everyone");
            assertThat(reply.mentionEveryone()).isFalse();
            assertThat(reply.mentionRoleIds()).isEmpty();
            assertThat(reply.mentionUserIds()).isEmpty();
        }
    }

    @Test
    @DisplayName("subcommands: /tag add and .tag show, with a polite reply for an unknown tag")
    void subcommands() {
        assertThat(slash(SlashCommand.of("tag", "add").option("name", "faq").option("content", "Read the docs!"))
            .awaitResponse(Timeouts.ANSWER)
            .content()).isEqualTo("Saved tag faq.");
        assertThat(reply("general", "bob", ".tag show faq")).isEqualTo("Read the docs!");
        assertThat(reply("general", "bob", ".tag show nope")).isEqualTo("There is no tag called nope.");
        assertThat(reply("general", "bob", ".tag")).isEqualTo("`.tag` needs a subcommand: `.tag add`, `.tag show`.");
    }

    @Test
    @DisplayName("help lists the commands with their options, generated from the annotations")
    void help() {
        assertThat(reply("general", "bob", ".help")).contains("`.idea [topic]`: Suggests a project idea")
            .contains("`.add <a> <b>`: Adds two numbers")
            .contains("`.tag add <name> <content>`")
            .doesNotContain("slashonly");
        EmulatedMessage slashHelp = slash(SlashCommand.of("help").option("command", "flavor"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(slashHelp.isEphemeral()).isTrue();
        assertThat(slashHelp.content()).contains("`/flavor <flavor>`").contains("`salted caramel`");
    }

    @Test
    @DisplayName("text over 2,000 characters is split into messages, and very long text is sent as a file")
    void longReplies() {
        EmulatedMessage asked = say("bot-lab", "carol", ".long 4500");
        await().until(() -> botMessagesAfter(asked).size() == 3);
        List<EmulatedMessage> parts = botMessagesAfter(asked);
        assertThat(parts).allSatisfy((part) -> assertThat(part.content().length()).isLessThanOrEqualTo(2000));
        assertThat(parts.getFirst().referencedMessageId()).isEqualTo(asked.id());
        assertThat(parts.stream().map(EmulatedMessage::content).mapToInt(String::length).sum()).isGreaterThan(4400);

        EmulatedMessage file = this.world.awaitReply(say("bot-lab", "carol", ".long 9000"), Timeouts.ANSWER);
        assertThat(file.attachments()).singleElement()
            .satisfies((attachment) -> assertThat(attachment.data()).hasSize(9000));
    }

    @Test
    @DisplayName("ephemeral replies, injected context, guards, async results and void handlers")
    void theRest() {
        assertThat(slash(SlashCommand.of("secret")).awaitResponse(Timeouts.ANSWER).isEphemeral()).isTrue();
        assertThat(reply("general", "bob", ".whoami")).isEqualTo("bob|" + this.world.user("bob").idString()
                + "|Emulator Guild|" + this.world.channel("general").idString() + "|PREFIX");
        assertThat(slash("bob", SlashCommand.of("mods")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("You need the **Manage Server** permission to use /mods.");
        assertThat(slash("alice", SlashCommand.of("mods")).awaitResponse(Timeouts.ANSWER).content())
            .as("alice owns the guild")
            .isEqualTo("welcome, moderator");
        assertThat(reply("general", "bob", ".later")).isEqualTo("async done");
        assertThat(reply("general", "bob", ".greet " + this.world.user("carol").mention())).isEqualTo("hello carol");
        assertThat(reply("general", "bob", ".slashonly")).isEqualTo("That one is a slash command: type `/slashonly`.");

        EmulatedMessage twice = say("general", "bob", ".silent");
        await().until(() -> botMessagesAfter(twice).size() == 2);
        assertThat(botMessagesAfter(twice)).extracting(EmulatedMessage::content).containsExactly("first", "second");
        assertThat(botMessagesAfter(twice).getFirst().referencedMessageId()).isEqualTo(twice.id());
    }

    @Test
    @DisplayName("in a direct message: prefix and slash commands work, server-only ones say so")
    void directMessages() {
        EmulatedChannel dm = this.world.directChannel(this.world.user("bob"));
        assertThat(this.world.awaitReply(this.world.as("bob").says(dm, ".idea"), Timeouts.ANSWER).text())
            .startsWith("Okay, so how about this: ");
        assertThat(slash("bob", SlashCommand.of("idea").in(dm)).awaitResponse(Timeouts.ANSWER).text())
            .startsWith("Okay, so how about this: ");
        assertThat(this.world.awaitReply(this.world.as("bob").says(dm, ".serveronly"), Timeouts.ANSWER).content())
            .isEqualTo(".serveronly only works in a server, not in direct messages.");
    }

    private EmulatedMessage say(String channel, String user, String content) {
        return this.world.as(user).says(this.world.channel(channel), content);
    }

    private String reply(String channel, String user, String content) {
        return this.world.awaitReply(say(channel, user, content), Timeouts.ANSWER).content();
    }

    private EmulatedInteraction slash(SlashCommand command) {
        return slash("alice", command);
    }

    private EmulatedInteraction slash(String user, SlashCommand command) {
        return this.world.as(user).runs(command);
    }

    private List<EmulatedMessage> botMessagesAfter(EmulatedMessage asked) {
        return this.world.messages(this.world.channel(asked.channelId()).orElseThrow())
            .stream()
            .filter((message) -> message.id() > asked.id() && message.author().equals(this.world.bot()))
            .toList();
    }

}
