package io.github.jdaboot.emulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain JDA 6.5 client (no Spring) against the emulator: JDA registers a slash command
 * with autocomplete options, a user and a message command, all localized, reads them
 * back, answers autocompletes with choices and context menus with replies, and reads the
 * user's and the guild's locale. JDA drops an event it cannot parse with only a WARN, so
 * each test asserts that the listener ran.
 */
@DisplayName("JDA 6.5 with autocomplete, context menus and locales against the emulator")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaCommandsCompatibilityTests {

    @RegisterExtension
    static final PlainJda plainJda = PlainJda.withIntents(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private static final List<String> TOPICS = List.of("games", "gardening", "music");

    private final List<String> handled = new CopyOnWriteArrayList<>();

    private final List<CommandData> commands = List.of(
            Commands.slash("idea", "Suggests an idea")
                .setNameLocalization(DiscordLocale.GERMAN, "idee")
                .setDescriptionLocalization(DiscordLocale.GERMAN, "Schlägt eine Idee vor")
                .addOptions(new OptionData(OptionType.STRING, "topic", "A topic")
                    .setAutoComplete(true)
                    .setNameLocalization(DiscordLocale.GERMAN, "thema")
                    .setDescriptionLocalization(DiscordLocale.GERMAN, "Ein Thema"),
                        new OptionData(OptionType.INTEGER, "count", "How many").setAutoComplete(true),
                        new OptionData(OptionType.STRING, "mood", "A mood")
                            .addChoices(new Command.Choice("Happy", "happy").setNameLocalization(DiscordLocale.GERMAN,
                                    "Fröhlich"))),
            Commands.user("Show Ideas").setNameLocalization(DiscordLocale.GERMAN, "Ideen zeigen"),
            Commands.message("Idea from this message")
                .setNameLocalization(DiscordLocale.GERMAN, "Idee aus dieser Nachricht"));

    private World world;

    private JDA jda;

    @BeforeAll
    void start() throws Exception {
        this.world = plainJda.world();
        this.jda = plainJda.login(new Bot());
        this.jda.updateCommands().addCommands(this.commands).complete();
    }

    @BeforeEach
    void forget() {
        this.handled.clear();
        List.of("alice", "bob", "carol").forEach((name) -> this.world.locale(this.world.user(name), "en-US"));
        this.world.locale(this.world.guild(), "en-US");
    }

    @Test
    @DisplayName("JDA's localized commands are stored as sent; retrieveCommands(true) gives them back unchanged, "
            + "retrieveCommands() without the localization maps, as Discord does")
    void registrationRoundTrips() {
        assertThat(this.world.commands(0)).extracting(RegisteredCommand::name)
            .containsExactly("idea", "Show Ideas", "Idea from this message");
        assertThat(this.world.commands(0).get(1).definition().path("type").asInt()).isEqualTo(2);

        List<Command> withLocalizations = this.jda.retrieveCommands(true).complete();

        assertThat(json(withLocalizations.stream().map(CommandData::fromCommand).toList()))
            .isEqualTo(json(this.commands));
        Command idea = withLocalizations.getFirst();
        assertThat(idea.getNameLocalizations().get(DiscordLocale.GERMAN)).isEqualTo("idee");
        assertThat(idea.getOptions().getFirst().getNameLocalizations().get(DiscordLocale.GERMAN)).isEqualTo("thema");
        assertThat(idea.getOptions().get(2).getChoices().getFirst().getNameLocalizations().get(DiscordLocale.GERMAN))
            .isEqualTo("Fröhlich");
        assertThat(withLocalizations.get(1).getType()).isEqualTo(Command.Type.USER);
        assertThat(withLocalizations.get(1).getNameLocalizations().get(DiscordLocale.GERMAN)).isEqualTo("Ideen zeigen");

        List<Command> plain = this.jda.retrieveCommands().complete();
        assertThat(plain).extracting(Command::getName).containsExactly("idea", "Show Ideas", "Idea from this message");
        assertThat(plain.getFirst().getNameLocalizations().toMap()).isEmpty();
        assertThat(json(plain.stream().map(CommandData::fromCommand).toList())).isNotEqualTo(json(this.commands));
    }

    @Test
    @DisplayName("an autocomplete reaches JDA's CommandAutoCompleteInteractionEvent; its replyChoices are the "
            + "choices the user sees, numbers for an integer option")
    void autocomplete() {
        this.world.locale(this.world.user("alice"), "de");

        EmulatedInteraction typing = this.world.as("alice").autocompletes(SlashCommand.of("idea"), "topic", "ga");

        assertThat(typing.awaitChoices(Timeouts.ANSWER)).containsExactly(
                new EmulatedInteraction.Choice("games (de)", "games"),
                new EmulatedInteraction.Choice("gardening (de)", "gardening"));
        EmulatedInteraction counting = this.world.as("bob")
            .autocompletes(SlashCommand.of("idea").option("topic", "music"), "count", "1");
        assertThat(counting.awaitChoices(Timeouts.ANSWER)).extracting(EmulatedInteraction.Choice::value)
            .containsExactly(1L, 10L, 11L);
        assertThat(this.handled).containsExactly("autocomplete topic='ga' by alice in de/en-US",
                "autocomplete count='1' by bob in en-US/en-US");
    }

    @Test
    @DisplayName("a user command reaches JDA's UserContextInteractionEvent with the target user and member")
    void userCommand() {
        EmulatedInteraction run = this.world.as("alice").runsUserCommand("Show Ideas", this.world.user("carol"));

        assertThat(run.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.CHANNEL_MESSAGE);
        assertThat(run.awaitResponse(Timeouts.ANSWER).content()).isEqualTo("Ideas for carol (member carol)");
        assertThat(this.handled).containsExactly("user command Show Ideas by alice in en-US/en-US");
    }

    @Test
    @DisplayName("a message command reaches JDA's MessageContextInteractionEvent with the target message")
    void messageCommand() {
        EmulatedMessage said = this.world.as("bob").says(this.world.channel("random"), "we need more tests");

        EmulatedInteraction run = this.world.as("carol").runsMessageCommand("Idea from this message", said);

        EmulatedMessage reply = run.awaitResponse(Timeouts.ANSWER);
        assertThat(reply.content()).isEqualTo("Idea from bob: we need more tests");
        assertThat(reply.channelId()).isEqualTo(said.channelId());
        assertThat(this.handled).containsExactly("message command Idea from this message by carol in en-US/en-US");
    }

    @Test
    @DisplayName("JDA reads the user's locale from the interaction and the guild's from GUILD_UPDATE")
    void locales() {
        this.world.locale(this.world.user("bob"), "pt-BR");
        this.world.locale(this.world.guild(), "fr");

        EmulatedInteraction run = this.world.as("bob").runsUserCommand("Show Ideas", this.world.user("alice"));

        assertThat(run.awaitResponse(Timeouts.ANSWER).content()).isEqualTo("Ideas for alice (member alice)");
        assertThat(this.handled).containsExactly("user command Show Ideas by bob in pt-BR/fr");
        assertThat(this.jda.getGuildById(this.world.guild().id()).getLocale()).isEqualTo(DiscordLocale.FRENCH);
    }

    /** Commands as JDA would send them, in a comparable form. */
    private static List<Map<String, Object>> json(List<CommandData> commands) {
        return commands.stream()
            .map((command) -> command.toData().toMap())
            .sorted(Comparator.comparing((Map<String, Object> map) -> String.valueOf(map.get("name"))))
            .toList();
    }

    /**
     * The bot: topics and counts suggested, context menus answered, every locale noted.
     */
    private final class Bot extends ListenerAdapter {

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            note("autocomplete " + event.getFocusedOption().getName() + "='" + typed + "'", event);
            if (event.getFocusedOption().getType() == OptionType.INTEGER) {
                event.replyChoiceLongs(1, 10, 11).queue();
                return;
            }
            event
                .replyChoices(TOPICS.stream()
                    .filter((topic) -> topic.startsWith(typed))
                    .map((topic) -> new Command.Choice(topic + " (" + event.getUserLocale().getLocale() + ")", topic))
                    .toList())
                .queue();
        }

        @Override
        public void onUserContextInteraction(UserContextInteractionEvent event) {
            note("user command " + event.getName(), event);
            event
                .reply("Ideas for " + event.getTarget().getName() + " (member "
                        + event.getTargetMember().getUser().getName() + ")")
                .queue();
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent event) {
            note("message command " + event.getName(), event);
            event
                .reply("Idea from " + event.getTarget().getAuthor().getName() + ": "
                        + event.getTarget().getContentRaw())
                .queue();
        }

        private void note(String what, Interaction event) {
            JdaCommandsCompatibilityTests.this.handled.add(what + " by " + event.getUser().getName() + " in "
                    + event.getUserLocale().getLocale() + "/" + event.getGuildLocale().getLocale());
        }

    }

}
