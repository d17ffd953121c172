package io.github.jdaboot.interaction;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.InteractionRejectedException;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.RegisteredCommand;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.registration.CommandSynchronizer;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Commands declared as completely as Discord allows, end to end against the emulator:
 * where they are installed and run (servers, the bot's DM, DMs between users and group
 * DMs of a user who installed the app), what is refused where, nested groups, choices and
 * lengths, age restriction, and their registration.
 */
@DiscordBotTest
@Import({ PlacesTestCommands.class, PlacesTestCommands.Config.class, PlacesTestCommands.Config.Channels.class })
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Where commands are installed and run, nested groups and choices, against the Discord emulator")
class CommandPlacesEndToEndTests {

    private final DiscordEmulator discord;

    private final World world;

    private final ShardManager shards;

    private final CommandSynchronizer synchronizer;

    private final EmulatedUser alice;

    private final EmulatedUser bob;

    CommandPlacesEndToEndTests(DiscordEmulator discord, ShardManager shards, CommandSynchronizer synchronizer) {
        this.discord = discord;
        this.world = discord.world();
        this.shards = shards;
        this.synchronizer = synchronizer;
        this.alice = this.world.user("alice");
        this.bob = this.world.user("bob");
    }

    @Test
    @DisplayName("a handler takes where it runs and who installed the app there, in a server, the bot's DM, a DM and a group DM")
    void contextAndOwners() {
        String guild = this.world.guild().idString();
        EmulatedChannel general = this.world.channel("general");
        assertThat(slash("alice", SlashCommand.of("where").in(general)))
            .isEqualTo("context=GUILD user=" + this.alice.idString() + " guild=" + guild);
        assertThat(slash("bob", SlashCommand.of("where").in(general))).as("bob has not installed the app")
            .isEqualTo("context=GUILD user=null guild=" + guild);
        assertThat(slash("bob", SlashCommand.of("where").in(this.world.directChannel(this.bob))))
            .isEqualTo("context=BOT_DM user=null guild=0");
        assertThat(slash("alice", SlashCommand.of("where").in(dm())))
            .isEqualTo("context=PRIVATE_CHANNEL user=" + this.alice.idString() + " guild=null");
        assertThat(slash("alice", SlashCommand.of("where").in(group())))
            .isEqualTo("context=PRIVATE_CHANNEL user=" + this.alice.idString() + " guild=null");
        assertThat(reply(general, "bob", ".where")).as("a prefix command: the server it runs in installed the bot")
            .isEqualTo("context=GUILD user=null guild=" + guild);
    }

    @Test
    @DisplayName("in a DM or group DM the bot is not part of, its answers are the interaction's, never a message of its own")
    void answersInPrivateChannelsAreInteractionResponses() {
        EmulatedChannel group = group();
        int before = this.discord.rest().requests().size();

        EmulatedInteraction asked = this.world.as(this.alice).runs(SlashCommand.of("idea").in(group));

        EmulatedMessage answer = asked.awaitResponse(Timeouts.ANSWER);
        assertThat(answer.text()).startsWith("Okay, so how about this: ");
        assertThat(answer.channelId()).isEqualTo(group.id());
        EmulatedInteraction another = this.world.as(this.bob).clicks(answer, "idea:another");
        assertThat(another.awaitResponse(Timeouts.ANSWER).text()).as("bob clicks \"Another\" on alice's idea")
            .startsWith("Okay, so how about this: ");
        // a request is recorded once its response is written, just after the answer it
        // made is visible: the two interaction callbacks, awaited
        List<RecordedRequest> requests = await().atMost(Timeouts.ANSWER)
            .until(() -> this.discord.rest().requests().stream().skip(before).toList(),
                    (recorded) -> recorded.stream()
                        .filter((request) -> request.path().contains("/interactions/"))
                        .count() >= 2);
        assertThat(requests).extracting(RecordedRequest::path)
            .as("nothing sent into the group DM by the bot itself")
            .noneMatch((path) -> path.contains("/channels/" + group.idString()));
    }

    @Test
    @DisplayName("a user who has not installed the app gets no command in a DM or group DM, as in Discord's client")
    void notInstalledNotOffered() {
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.bob).runs(SlashCommand.of("where").in(group())))
            .withMessageContaining("bob has not installed the app");
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.alice).runs(SlashCommand.of("help").in(dm())))
            .withMessageContaining("its contexts [0, 1] leave out DMs between users and group DMs");
    }

    @Test
    @DisplayName("@GuildOnly and permission guards refuse politely in a DM, and commands refuse where their contexts exclude them")
    void refusedOutsideTheirPlaces() {
        EmulatedChannel group = group();
        assertThat(forged("alice", SlashCommand.of("local").in(group)))
            .isEqualTo("/local only works in a server, not in direct messages.");
        assertThat(forged("alice", SlashCommand.of("moderate").in(group)))
            .isEqualTo("/moderate only works in a server, not in direct messages.");
        EmulatedChannel botDm = this.world.directChannel(this.bob);
        assertThat(this.world.awaitReply(this.world.as(this.bob).says(botDm, ".local"), Timeouts.ANSWER).content())
            .isEqualTo(".local only works in a server, not in direct messages.");
        EmulatedChannel general = this.world.channel("general");
        assertThat(reply(general, "bob", ".dmonly")).isEqualTo(".dmonly doesn't work in servers.");
        assertThat(forged("bob", SlashCommand.of("dmonly").in(general))).isEqualTo("/dmonly doesn't work in servers.");
        assertThat(slash("bob", SlashCommand.of("dmonly").in(botDm))).isEqualTo("dm only");
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.bob).runs(SlashCommand.of("dmonly").in(general)))
            .withMessageContaining("its contexts [1] leave out servers");
    }

    @Test
    @DisplayName("an age-restricted command runs in an age-restricted channel only, slash or prefix")
    void ageRestricted() {
        EmulatedChannel general = this.world.channel("general");
        EmulatedChannel afterDark = this.world.channel("after-dark");
        assertThat(slash("bob", SlashCommand.of("adult").in(afterDark))).isEqualTo("adult");
        assertThat(reply(afterDark, "bob", ".adult")).isEqualTo("adult");
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.bob).runs(SlashCommand.of("adult").in(general)))
            .withMessageContaining("#general is not an age-restricted channel");
        assertThat(forged("bob", SlashCommand.of("adult").in(general)))
            .isEqualTo("/adult is age-restricted: it only works in age-restricted channels.");
        assertThat(reply(general, "bob", ".adult"))
            .isEqualTo(".adult is age-restricted: it only works in age-restricted channels.");
    }

    @Test
    @DisplayName("a nested group: /config channels set, as a slash and a prefix command, listed by the help")
    void nestedGroups() {
        EmulatedChannel general = this.world.channel("general");
        assertThat(slash("alice", SlashCommand.of("config", "channels", "set").in(general).option("channel", general)))
            .isEqualTo("channel=general");
        assertThat(reply(general, "alice", ".config channels set " + general.mention())).isEqualTo("channel=general");
        assertThat(slash("alice", SlashCommand.of("config", "show").in(general))).isEqualTo("settings");
        assertThat(reply(general, "alice", ".config channels clear")).isEqualTo("cleared");
        assertThat(reply(general, "alice", ".config")).isEqualTo(
                "`.config` needs a subcommand: `.config channels clear`, `.config channels set`, `.config show`.");
        assertThat(reply(general, "alice", ".config channels"))
            .isEqualTo("`.config channels` needs a subcommand: `.config channels clear`, `.config channels set`.");
        assertThat(reply(general, "alice", ".config channels set " + this.world.channel("brainstorm").mention()))
            .startsWith("I couldn't read **channel**: expected a channel of type text/news");
        assertThat(slash("alice", SlashCommand.of("help").in(general))).contains("`/config channels set <channel>`")
            .contains("`/config show`");
        assertThat(reply(general, "alice", ".help config channels")).contains("`.config channels set <channel>`")
            .contains("`.config channels clear`")
            .doesNotContain("config show");
    }

    @Test
    @DisplayName("explicit choices arrive as their values, a prefix command takes their names, and lengths are checked")
    void choicesAndLengths() {
        EmulatedChannel random = this.world.channel("random");
        assertThat(slash("bob",
                SlashCommand.of("pizza").in(random).option("size", 40).option("name", "Ada").option("crust", "deep")))
            .isEqualTo("pizza size=40 name=Ada crust=deep");
        assertThat(reply(random, "bob", ".pizza large Ada \"deep dish\""))
            .isEqualTo("pizza size=40 name=Ada crust=deep");
        assertThat(reply(random, "bob", ".pizza 25 Bo thin")).isEqualTo("pizza size=25 name=Bo crust=thin");
        assertThat(reply(random, "bob", ".pizza huge Ada thin"))
            .startsWith("I couldn't read **size**: expected one of `Small`, `Large`, got `huge`.");
        assertThat(reply(random, "bob", ".pizza small A thin"))
            .startsWith("**name** is too short: at least 2 characters, please.");
        assertThat(reply(random, "bob", ".pizza small Ada stuffed"))
            .startsWith("I couldn't read **crust**: expected one of `Thin`, `Deep dish`, got `stuffed`.");
    }

    @Test
    @DisplayName("where only a user installed the app, Discord's five follow-ups are all that is sent, and the log says why")
    void fiveFollowUpsForAUserInstall(CapturedOutput output) {
        EmulatedInteraction chatty = this.world.as(this.alice).runs(SlashCommand.of("chatty").in(dm()));

        await().atMost(Timeouts.ANSWER)
            .until(() -> output.getAll().contains("Not sent: a follow-up on /chatty beyond the 5 Discord allows"));
        await().atMost(Timeouts.ANSWER).until(() -> chatty.responses().size() == 6);
        assertThat(chatty.responses()).extracting(EmulatedMessage::content)
            .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5", "message 6");
    }

    @Test
    @DisplayName("a handler that sends into a DM the bot is not part of fails with an error that says why")
    void channelSendInAPrivateChannel(CapturedOutput output) {
        EmulatedMessage apology = this.world.as(this.alice)
            .runs(SlashCommand.of("sneaky").in(dm()))
            .awaitResponse(Timeouts.ANSWER);

        assertThat(apology.content()).startsWith("Sorry, something went wrong while running /sneaky.");
        await().atMost(Timeouts.ANSWER)
            .until(() -> output.getAll()
                .contains("in a DM between users or a group DM (context PRIVATE_CHANNEL), where the bot is not part of"
                        + " the conversation"));
        assertThat(output.getAll()).contains("Only the interaction can be answered there");
    }

    @Test
    @DisplayName("registered with where they are installed and run, nested groups, choices, nsfw and disabled by default")
    void registered() {
        JsonNode where = command("where").definition();
        assertThat(where.path("integration_types").toString()).isEqualTo("[0,1]");
        assertThat(where.path("contexts").toString()).isEqualTo("[0,1,2]");
        assertThat(command("adult").definition().path("nsfw").asBoolean()).isTrue();
        assertThat(command("admin").definition().path("default_member_permissions").asString()).isEqualTo("0");
        assertThat(command("local").definition().path("contexts").toString()).isEqualTo("[0]");
        JsonNode config = command("config").definition();
        assertThat(config.path("contexts").toString()).isEqualTo("[0]");
        JsonNode channels = config.path("options").get(1);
        assertThat(channels.path("type").asInt()).isEqualTo(2);
        assertThat(channels.path("name").asString()).isEqualTo("channels");
        JsonNode size = command("pizza").definition().path("options").get(0);
        assertThat(size.path("choices").toString()).contains("\"name\":\"Large\"", "\"value\":40");
        assertThat(command("pizza").definition().path("options").get(1).path("min_length").asInt()).isEqualTo(2);
        assertThat(command("idea").definition().path("contexts").toString()).isEqualTo("[0,1,2]");
        assertThat(this.world.commands(0)).filteredOn((command) -> command.type() == RegisteredCommand.MESSAGE)
            .singleElement()
            .satisfies((command) -> assertThat(command.definition().path("integration_types").toString())
                .isEqualTo("[0,1]"));
    }

    @Test
    @DisplayName("registration compares all of it: unchanged commands are not written, a changed context is")
    void registrationDiffsAllOfIt() throws Exception {
        assertThat(writesOfSync()).as("nothing differs").isZero();

        RegisteredCommand config = command("config");
        HttpResponse<String> edited = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(URI.create(this.discord.restUrl() + "applications/" + this.world.applicationId()
                        + "/commands/" + config.id()))
                .header("Authorization", "Bot " + this.discord.token())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"contexts\": [0, 1]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        assertThat(writesOfSync()).as("Discord's /config runs in the bot's DM too").isEqualTo(1);
        assertThat(command("config").definition().path("contexts").toString()).isEqualTo("[0]");
        assertThat(writesOfSync()).as("written back as declared").isZero();
    }

    /** Synchronizes once, and counts the commands written. */
    private long writesOfSync() {
        int before = this.discord.rest().requests().size();
        this.synchronizer.synchronize(this.shards.getShardById(0));
        await().atMost(Timeouts.ANSWER)
            .until(() -> this.discord.rest()
                .requests()
                .stream()
                .skip(before)
                .anyMatch((request) -> "GET /applications/{application_id}/commands".equals(request.route())
                        && request.status() == 200));
        await().during(Duration.ofMillis(500))
            .atMost(Timeouts.ANSWER)
            .until(() -> this.discord.rest()
                .requests()
                .stream()
                .skip(before)
                .filter((request) -> request.isWrite() && request.route() != null
                        && request.route().contains("/commands"))
                .allMatch((request) -> request.status() == 200));
        return this.discord.rest()
            .requests()
            .stream()
            .skip(before)
            .filter((request) -> request.isWrite() && request.route() != null && request.route().contains("/commands"))
            .count();
    }

    private RegisteredCommand command(String name) {
        return this.world.commands(0)
            .stream()
            .filter((command) -> command.name().equals(name) && command.type() == RegisteredCommand.SLASH)
            .findFirst()
            .orElseThrow();
    }

    private EmulatedChannel dm() {
        return this.world.directChannel(this.alice, this.bob);
    }

    private EmulatedChannel group() {
        return this.world.privateChannels()
            .stream()
            .filter((channel) -> channel.name().equals("Weekend plans"))
            .findFirst()
            .orElseThrow();
    }

    private String slash(String user, SlashCommand command) {
        return this.world.as(user).runs(command).awaitResponse(Timeouts.ANSWER).content();
    }

    private String forged(String user, SlashCommand command) {
        return this.world.as(user).forging().runs(command).awaitResponse(Timeouts.ANSWER).content();
    }

    private String reply(EmulatedChannel channel, String user, String content) {
        return this.world.awaitReply(this.world.as(user).says(channel, content), Timeouts.ANSWER).content();
    }

}
