package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.GroupChannel;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.DetachedEntityException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plain JDA 6.5 client (no Spring) against the emulator with commands declared as
 * completely as Discord allows: JDA registers integration types, contexts, nsfw,
 * disabled-by-default, a subcommand group, choices, lengths and channel types and reads
 * them back unchanged; runs in a DM between users and a group DM of a user who installed
 * the app reach JDA with their context, owners and channel, and JDA answers them; the
 * bot's own message into such a channel is refused, by JDA and by the emulator as by
 * Discord. JDA drops an event it cannot parse with only a WARN, so each test asserts that
 * the listener ran.
 */
@DisplayName("JDA 6.5 with user installs, DMs and group DMs, and nested groups against the emulator")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaPrivateChannelsCompatibilityTests {

    @RegisterExtension
    static final PlainJda plainJda = PlainJda.withIntents(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the listener saw, by command: "where" or "config channels set". */
    private final Map<String, SlashCommandInteractionEvent> seen = new ConcurrentHashMap<>();

    private final Map<String, DetachedEntityException> refusedByJda = new ConcurrentHashMap<>();

    private final List<CommandData> commands = List.of(
            Commands.slash("where", "Says where it runs")
                .setIntegrationTypes(IntegrationType.ALL)
                .setContexts(InteractionContextType.ALL),
            Commands.slash("config", "Settings")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.DISABLED)
                .addSubcommands(new SubcommandData("show", "Shows them"))
                .addSubcommandGroups(new SubcommandGroupData("channels", "Channels")
                    .addSubcommands(new SubcommandData("set", "Sets one")
                        .addOptions(new OptionData(OptionType.CHANNEL, "channel", "The channel", true)
                            .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)))),
            Commands.slash("adult", "Age-restricted").setNSFW(true),
            Commands.slash("pizza", "Orders a pizza")
                .setIntegrationTypes(IntegrationType.ALL)
                .setContexts(InteractionContextType.ALL)
                .addOptions(
                        new OptionData(OptionType.INTEGER, "size", "Size", true).addChoice("Small", 25)
                            .addChoice("Large", 40),
                        new OptionData(OptionType.STRING, "name", "Name").setRequiredLength(2, 10)),
            Commands.message("Quote")
                .setIntegrationTypes(IntegrationType.USER_INSTALL)
                .setContexts(InteractionContextType.PRIVATE_CHANNEL));

    private DiscordEmulator discord;

    private World world;

    private JDA jda;

    private EmulatedUser alice;

    private EmulatedUser bob;

    @BeforeAll
    void start() throws Exception {
        this.discord = plainJda.discord();
        this.world = this.discord.world();
        this.alice = this.world.user("alice");
        this.bob = this.world.user("bob");
        this.jda = plainJda.login(new Bot());
        this.jda.updateCommands().addCommands(this.commands).complete();
    }

    @BeforeEach
    void forget() {
        this.seen.clear();
        this.refusedByJda.clear();
    }

    @Test
    @DisplayName("integration types, contexts, nsfw, disabled-by-default, a subcommand group, choices, lengths and "
            + "channel types are stored as Discord stores them and read back unchanged")
    void registrationRoundTrips() throws Exception {
        List<Command> registered = this.jda.retrieveCommands(true).complete();

        assertThat(json(registered.stream().map(CommandData::fromCommand).toList())).isEqualTo(json(this.commands));
        Command where = registered.getFirst();
        assertThat(where.getIntegrationTypes()).isEqualTo(IntegrationType.ALL);
        assertThat(where.getContexts()).isEqualTo(InteractionContextType.ALL);
        Command config = registered.get(1);
        assertThat(config.getSubcommandGroups()).singleElement()
            .satisfies((group) -> assertThat(group.getSubcommands()).extracting(Command.Subcommand::getName)
                .containsExactly("set"));
        assertThat(config.getDefaultPermissions().getPermissionsRaw()).isZero();
        assertThat(registered.get(2).isNSFW()).isTrue();
        JsonNode stored = this.world.commands(0).getFirst().definition();
        assertThat(stored.path("integration_types").toString()).as("numbers, as Discord answers").isEqualTo("[0,1]");
        assertThat(stored.path("contexts").toString()).isEqualTo("[0,1,2]");
    }

    @Test
    @DisplayName("a run in a DM between users reaches JDA with context PRIVATE_CHANNEL, the user install as owner, "
            + "no guild and a detached private channel; JDA's reply is the answer")
    void directMessageBetweenUsers() {
        EmulatedChannel dm = this.world.directChannel(this.alice, this.bob);

        EmulatedMessage answer = this.world.as(this.alice)
            .runs(SlashCommand.of("where").in(dm))
            .awaitResponse(Timeouts.ANSWER);

        SlashCommandInteractionEvent event = this.seen.get("where");
        assertThat(event).as("the listener ran").isNotNull();
        assertThat(event.getContext()).isEqualTo(InteractionContextType.PRIVATE_CHANNEL);
        assertThat(event.getIntegrationOwners().getAuthorizingUserIdLong()).isEqualTo(this.alice.id());
        assertThat(event.getIntegrationOwners().isGuildIntegration()).isFalse();
        assertThat(event.getGuild()).isNull();
        assertThat(event.getChannelType()).isEqualTo(ChannelType.PRIVATE);
        assertThat(event.getChannel().asPrivateChannel().getUser()).isNotNull()
            .satisfies((other) -> assertThat(other.getIdLong()).isEqualTo(this.bob.id()));
        assertThat(answer.content()).isEqualTo("PRIVATE_CHANNEL");
        assertThat(answer.channelId()).isEqualTo(dm.id());
        assertThat(this.refusedByJda).as("JDA itself refuses to send into the DM").containsKey("where");
    }

    @Test
    @DisplayName("a run in a group DM reaches JDA with its detached group channel, name and owner")
    void groupDirectMessage() {
        EmulatedChannel group = this.world.groupChannel("Board games", this.alice, this.bob, this.world.user("carol"));

        this.world.as(this.alice).runs(SlashCommand.of("where").in(group)).awaitResponse(Timeouts.ANSWER);

        SlashCommandInteractionEvent event = this.seen.get("where");
        assertThat(event).as("the listener ran").isNotNull();
        assertThat(event.getChannelType()).isEqualTo(ChannelType.GROUP);
        GroupChannel channel = event.getChannel().asGroupChannel();
        assertThat(channel.getName()).isEqualTo("Board games");
        assertThat(channel.getOwnerIdLong()).isEqualTo(this.alice.id());
        assertThat(event.getContext()).isEqualTo(InteractionContextType.PRIVATE_CHANNEL);
    }

    @Test
    @DisplayName("Discord's client offers a command in a DM or group DM only to a user who installed the app, for a "
            + "command that allows it; a forged run still reaches JDA")
    void privateChannelsNeedAUserInstall() {
        EmulatedChannel dm = this.world.directChannel(this.alice, this.bob);
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.bob).runs(SlashCommand.of("where").in(dm)))
            .satisfies((rejected) -> assertThat(rejected.status()).isEqualTo(404));
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.alice).runs(SlashCommand.of("config", "show").in(dm)));

        this.world.as(this.bob).forging().runs(SlashCommand.of("where").in(dm)).awaitResponse(Timeouts.ANSWER);

        assertThat(this.seen.get("where").getIntegrationOwners().isUserIntegration()).as("bob installed nothing")
            .isFalse();
    }

    @Test
    @DisplayName("a message command for user installs runs on a message in a DM between users")
    void messageCommandInADirectMessage() {
        EmulatedChannel dm = this.world.directChannel(this.alice, this.bob);
        EmulatedMessage said = this.world.as(this.bob).says(dm, "how about a game tonight?");

        EmulatedMessage answer = this.world.as(this.alice)
            .runsMessageCommand("Quote", said)
            .awaitResponse(Timeouts.ANSWER);

        assertThat(answer.content()).isEqualTo("> how about a game tonight?");
    }

    @Test
    @DisplayName("a subcommand group reaches JDA with its group name; choices and age restriction as Discord's client")
    void nestedGroupsChoicesAndAgeRestriction() {
        EmulatedChannel general = this.world.channel("general");
        this.world.as(this.alice)
            .runs(SlashCommand.of("config", "channels", "set").in(general).option("channel", general))
            .awaitResponse(Timeouts.ANSWER);
        SlashCommandInteractionEvent set = this.seen.get("config channels set");
        assertThat(set.getSubcommandGroup()).isEqualTo("channels");
        assertThat(set.getOption("channel").getAsChannel().getName()).isEqualTo("general");

        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.alice).runs(SlashCommand.of("pizza").in(general).option("size", 30)));
        this.world.as(this.alice)
            .runs(SlashCommand.of("pizza").in(general).option("size", "Large"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(this.seen.get("pizza").getOption("size").getAsLong()).isEqualTo(40);

        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as(this.alice).runs(SlashCommand.of("adult").in(general)));
        this.world.as(this.alice)
            .runs(SlashCommand.of("adult").in(this.world.channel("after-dark")))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(this.seen).containsKey("adult");
    }

    @Test
    @DisplayName("the bot's own message into a DM between users or a group DM is refused: 403 Missing Access")
    void botMessagesIntoPrivateChannelsRefused() throws Exception {
        EmulatedChannel group = this.world.groupChannel("Chess club", this.alice, this.bob);
        HttpResponse<String> sent = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(URI.create(this.discord.restUrl() + "channels/" + group.idString() + "/messages"))
                .header("Authorization", "Bot " + this.discord.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\": \"hello\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(sent.body());
        assertThat(error.path("code").asInt()).isEqualTo(50001);
        assertThat(error.path("message").asString()).isEqualTo("Missing Access");
        assertThat(this.world.messages(group)).isEmpty();
    }

    private static String json(List<CommandData> commands) {
        return commands.stream().map((command) -> command.toData().toString()).toList().toString();
    }

    private final class Bot extends ListenerAdapter {

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            JdaPrivateChannelsCompatibilityTests.this.seen.put(event.getFullCommandName(), event);
            if (event.getContext() == InteractionContextType.PRIVATE_CHANNEL) {
                try {
                    event.getMessageChannel().sendMessage("posted by the bot").queue();
                }
                catch (DetachedEntityException ex) {
                    JdaPrivateChannelsCompatibilityTests.this.refusedByJda.put(event.getFullCommandName(), ex);
                }
            }
            event.reply(event.getContext().name()).queue();
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent event) {
            event.reply("> " + event.getTarget().getContentRaw()).queue();
        }

    }

}
