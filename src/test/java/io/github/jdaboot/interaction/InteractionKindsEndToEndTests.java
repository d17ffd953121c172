package io.github.jdaboot.interaction;

import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedInteraction.Choice;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedRole;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.RegisteredCommand;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autocomplete, user and message commands, and replies in the user's language, over the
 * wire: the emulated client sends what Discord's would, and the bot's answers are read
 * back from the emulator.
 */
@DiscordBotTest
@Import({ FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class })
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Autocomplete, context menus and localization against the Discord emulator")
class InteractionKindsEndToEndTests {

    private final World world;

    InteractionKindsEndToEndTests(DiscordEmulator discord) {
        this.world = discord.world();
    }

    @Test
    @DisplayName("autocomplete answers with callback 8: at most 25 choices containing what was typed, prefix matches first")
    void autocomplete() {
        EmulatedInteraction typing = this.world.as("alice").autocompletes(SlashCommand.of("fruit"), "name", "an");

        List<Choice> choices = typing.awaitChoices(Timeouts.ANSWER);

        assertThat(typing.callbackType()).isEqualTo(EmulatedInteraction.AUTOCOMPLETE_RESULT);
        List<String> expected = FrameworkTestCommands.FRUITS.stream().filter((fruit) -> fruit.contains("an")).toList();
        assertThat(choices).extracting(Choice::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(choices).extracting(Choice::value).containsExactlyInAnyOrderElementsOf(expected);
        // none starts with "an": those containing it keep the method's order
        assertThat(choices).extracting(Choice::name)
            .containsExactly("banana", "cranberry", "mango", "orange", "pomegranate", "redcurrant", "tangerine");

        List<Choice> all = this.world.as("alice")
            .autocompletes(SlashCommand.of("fruit"), "name", "")
            .awaitChoices(Timeouts.ANSWER);
        assertThat(FrameworkTestCommands.FRUITS).hasSizeGreaterThan(25);
        assertThat(all).hasSize(25)
            .extracting(Choice::name)
            .containsExactlyElementsOf(FrameworkTestCommands.FRUITS.subList(0, 25));

        assertThat(this.world.as("alice")
            .autocompletes(SlashCommand.of("fruit"), "name", "pe")
            .awaitChoices(Timeouts.ANSWER)).extracting(Choice::name)
            .containsExactly("peach", "pear", "persimmon", "grape", "grapefruit");
    }

    @Test
    @DisplayName("a slow or failing autocomplete answers an empty list within Discord's 3 s; the command still runs")
    void slowOrFailingAutocomplete(CapturedOutput output) {
        EmulatedInteraction slow = this.world.as("bob")
            .autocompletes(SlashCommand.of("fruit").option("name", "kiwi"), "slowly", "k");
        EmulatedInteraction broken = this.world.as("bob")
            .autocompletes(SlashCommand.of("fruit").option("name", "kiwi"), "broken", "k");

        // the emulator refuses a callback after Discord's 3 s (10062), so an answer at
        // all is one in time
        assertThat(slow.awaitChoices(Timeouts.ANSWER)).isEmpty();
        assertThat(slow.callbackType()).isEqualTo(EmulatedInteraction.AUTOCOMPLETE_RESULT);
        assertThat(broken.awaitChoices(Timeouts.ANSWER)).isEmpty();
        assertThat(broken.callbackType()).isEqualTo(EmulatedInteraction.AUTOCOMPLETE_RESULT);
        assertThat(output.getAll()).contains("the fruit service is down");

        EmulatedMessage answer = this.world.as("bob")
            .runs(SlashCommand.of("fruit").option("name", "kiwi"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(answer.content()).isEqualTo("fruit=kiwi");
    }

    @Test
    @DisplayName("the idea topic is suggested while typing: \"gam\" offers \"game\", and /idea topic:games finds game ideas")
    void ideaTopicAutocomplete() {
        List<Choice> choices = this.world.as("carol")
            .autocompletes(SlashCommand.of("idea"), "topic", "gam")
            .awaitChoices(Timeouts.ANSWER);
        assertThat(choices).extracting(Choice::name).containsExactly("game");

        EmulatedMessage idea = this.world.as("carol")
            .runs(SlashCommand.of("idea").option("topic", "games"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(idea.text()).startsWith("Okay, so how about this: ")
            .containsIgnoringCase("game")
            .doesNotContain("surprise");
    }

    @Test
    @DisplayName("user and message commands are registered with the slash commands and answer on their target")
    void contextMenus() {
        List<RegisteredCommand> registered = this.world.commands(0);
        assertThat(registered).filteredOn((command) -> command.definition().path("type").asInt() == 2)
            .extracting(RegisteredCommand::name)
            .containsExactly("Inspect");
        assertThat(registered).filteredOn((command) -> command.definition().path("type").asInt() == 3)
            .extracting(RegisteredCommand::name)
            .containsExactlyInAnyOrder("Shout", "Idea from this message");
        assertThat(registered).filteredOn((command) -> command.definition().path("type").asInt() != 1)
            .allSatisfy((command) -> assertThat(command.description()).isEmpty());

        EmulatedUser bob = this.world.user("bob");
        EmulatedMessage inspected = this.world.as("alice")
            .runsUserCommand("Inspect", bob)
            .awaitResponse(Timeouts.ANSWER);
        assertThat(inspected.content())
            .isEqualTo("alice inspected bob (a member of " + this.world.guild().name() + ")");

        EmulatedMessage said = this.world.as("alice").says(this.world.channel("general"), "I would read about finance");
        EmulatedMessage idea = this.world.as("bob")
            .runsMessageCommand("Idea from this message", said)
            .awaitResponse(Timeouts.ANSWER);
        assertThat(idea.text()).startsWith("Okay, so how about this: ");
        assertThat(idea.components()).isNotEmpty();
    }

    @Test
    @DisplayName("a custom guard applies to a message command: the user without the role is told, the fan is served")
    void guardOnMessageCommand() {
        EmulatedRole fans = this.world.guild().role("Idea Fans");
        this.world.grantRole(this.world.guild(), this.world.user("dora"), fans);
        EmulatedMessage said = this.world.as("erin").says(this.world.channel("general"), "hello there");

        assertThat(this.world.as("erin").runsMessageCommand("Shout", said).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("You need the Idea Fans role for \u201CShout\u201D.");
        assertThat(this.world.as("dora").runsMessageCommand("Shout", said).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("HELLO THERE!");
    }

    @Test
    @DisplayName("a German user sees German command names (name_localizations.de) and gets German replies, buttons and forms")
    void germanUser() {
        RegisteredCommand idea = this.world.commands(0)
            .stream()
            .filter((command) -> command.name().equals("idea"))
            .findFirst()
            .orElseThrow();
        assertThat(idea.definition().path("name_localizations").path("de").asString()).isEqualTo("idee");
        assertThat(idea.definition().path("description_localizations").path("de").asString())
            .isEqualTo("Schlägt eine Projektidee vor");
        assertThat(idea.options().path(0).path("name_localizations").path("de").asString()).isEqualTo("thema");
        RegisteredCommand fromMessage = this.world.commands(0)
            .stream()
            .filter((command) -> command.name().equals("Idea from this message"))
            .findFirst()
            .orElseThrow();
        assertThat(fromMessage.definition().path("name_localizations").path("de").asString())
            .isEqualTo("Idee aus dieser Nachricht");

        EmulatedUser greta = this.world.user("greta");
        this.world.locale(greta, "de");
        try {
            EmulatedMessage answer = this.world.as(greta)
                .runs(SlashCommand.of("idea").option("topic", "Kochrezepte"))
                .awaitResponse(Timeouts.ANSWER);
            assertThat(answer.text()).startsWith("Okay, wie wäre es damit: ")
                .endsWith("(Zu \u201EKochrezepte\u201C habe ich noch nichts, also eine Überraschung.)");
            assertThat(labels(answer)).containsExactly("Noch eine", "", "Eigene vorschlagen",
                    "Den Kanal abstimmen lassen");

            EmulatedMessage another = this.world.as(greta)
                .clicks(answer, "idea:another:Kochrezepte")
                .awaitResponse(Timeouts.ANSWER);
            assertThat(another.text()).startsWith("Okay, wie wäre es damit: ");

            assertThat(this.world.as(greta).runs(SlashCommand.of("suggest")).awaitModal(Timeouts.ANSWER).title())
                .isEqualTo("Eine Projektidee vorschlagen");
            // the same command for an English user, in English
            assertThat(this.world.as("alice").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER).text())
                .startsWith("Okay, so how about this: ");
        }
        finally {
            this.world.locale(greta, "en-US");
        }
    }

    @Test
    @DisplayName("a prefix command answers in the guild's locale, which the bot learns from GUILD_UPDATE")
    void guildLocaleForPrefix() {
        this.world.locale(this.world.guild(), "de");
        try {
            EmulatedMessage asked = this.world.as("alice").says(this.world.channel("general"), ".idea");
            assertThat(this.world.awaitReply(asked, Timeouts.ANSWER).text()).startsWith("Okay, wie wäre es damit: ");
        }
        finally {
            this.world.locale(this.world.guild(), "en-US");
        }
        EmulatedMessage asked = this.world.as("alice").says(this.world.channel("general"), ".idea");
        assertThat(this.world.awaitReply(asked, Timeouts.ANSWER).text()).startsWith("Okay, so how about this: ");
    }

    /**
     * The labels of the message's buttons and menus, in order, anywhere in its rows or
     * layout ("" for a select menu).
     */
    private static List<String> labels(EmulatedMessage message) {
        List<String> labels = new ArrayList<>();
        message.components().forEach((component) -> labels(component, labels));
        return labels;
    }

    private static void labels(JsonNode component, List<String> labels) {
        int type = component.path("type").asInt();
        if (type == 2 || (type >= 3 && type <= 8)) {
            labels.add(component.path("label").asString(""));
        }
        if (component.has("accessory")) {
            labels(component.path("accessory"), labels);
        }
        component.path("components").forEach((child) -> labels(child, labels));
    }

}
