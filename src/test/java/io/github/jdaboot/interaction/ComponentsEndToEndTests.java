package io.github.jdaboot.interaction;

import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedModal;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Buttons, select menus and forms end to end: the real application with test handlers,
 * against the emulator, clicked and filled in as users do.
 */
@DiscordBotTest
@Import({ FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class })
@DisplayName("Buttons, menus and forms against the Discord emulator")
class ComponentsEndToEndTests {

    private final DiscordEmulator discord;

    private final World world;

    private final ConfigurableApplicationContext context;

    ComponentsEndToEndTests(DiscordEmulator discord, ConfigurableApplicationContext context) {
        this.discord = discord;
        this.world = discord.world();
        this.context = context;
    }

    @Test
    @DisplayName("a button whose handler updates: the same message changes, the id's part bound to a typed parameter")
    void buttonUpdates() {
        EmulatedMessage panel = panel("alice");

        EmulatedInteraction click = this.world.as("bob").clicks(panel, "panel:count:0");

        assertThat(click.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.UPDATE_MESSAGE);
        EmulatedMessage updated = current(panel);
        assertThat(updated.content()).isEqualTo("count 1");
        assertThat(updated.editedTimestamp()).isNotNull();
        EmulatedInteraction again = this.world.as("bob").clicks(updated, "panel:count:1");
        again.awaitCallback(Timeouts.ANSWER);
        assertThat(current(panel).content()).isEqualTo("count 2");
    }

    @Test
    @DisplayName("a button whose handler replies: a new message, with the clicker and the clicked message injected")
    void buttonReplies() {
        EmulatedMessage panel = panel("alice");

        EmulatedMessage reply = this.world.as("carol").clicks(panel, "panel:new").awaitResponse(Timeouts.ANSWER);

        assertThat(reply.id()).isNotEqualTo(panel.id());
        assertThat(reply.content()).isEqualTo("new message for carol about panel");
        assertThat(current(panel).content()).as("the panel itself is unchanged").isEqualTo("panel");
    }

    @Test
    @DisplayName("each kind of select menu: string, user, role, channel, mentionable")
    void selects() {
        EmulatedMessage panel = panel("alice");

        this.world.as("bob").selects(panel, "panel:flavor", "mint").awaitCallback(Timeouts.ANSWER);
        assertThat(current(panel).content()).isEqualTo("flavor mint by bob");
        assertThat(reply(this.world.as("bob").selects(panel, "panel:users", "@alice", "@carol")))
            .isEqualTo("users [alice, carol]");
        assertThat(reply(this.world.as("bob").selects(panel, "panel:roles", "Moderators")))
            .isEqualTo("roles [Moderators]");
        assertThat(reply(this.world.as("bob").selects(panel, "panel:channels", "#random")))
            .isEqualTo("channels [random]");
        EmulatedMessage anyone = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("bot-lab"), ".mentionables"), Timeouts.ANSWER);
        assertThat(reply(this.world.as("bob").selects(anyone, "panel:anyone", "@carol", "Moderators")))
            .isEqualTo("picked 2");
    }

    @Test
    @DisplayName("a slow click is deferred without a change within Discord's 3 s, and its update edits the message")
    void slowClick() {
        EmulatedMessage panel = panel("alice");

        EmulatedInteraction click = this.world.as("bob").clicks(panel, "panel:slow");

        await().until(() -> current(panel).content().equals("slow click done"));
        assertThat(click.callbackType()).isEqualTo(EmulatedInteraction.DEFERRED_UPDATE_MESSAGE);
        assertThat(click.acknowledgedAfter())
            .hasValueSatisfying((after) -> assertThat(after).isLessThan(Timeouts.scaled(Duration.ofMillis(2900))));
    }

    @Test
    @DisplayName("a form from a slash command and from a button: its field bound by id, checked, and answered")
    void forms() {
        EmulatedModal form = this.world.as("alice").runs(SlashCommand.of("feedback")).awaitModal(Timeouts.ANSWER);
        assertThat(form.title()).isEqualTo("Feedback");
        assertThat(form.field("text").maxLength()).isEqualTo(200);
        EmulatedMessage thanks = this.world.as("alice")
            .submits(form, Map.of("text", "Lovely bot"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(thanks.content()).isEqualTo("thanks for: Lovely bot");

        EmulatedMessage panel = panel("alice");
        EmulatedModal fromButton = this.world.as("bob").clicks(panel, "panel:form").awaitModal(Timeouts.ANSWER);
        this.world.as("bob").submits(fromButton, Map.of("text", "From the panel")).awaitCallback(Timeouts.ANSWER);
        assertThat(current(panel).content()).as("a form opened from a click updates the clicked message")
            .isEqualTo("thanks for: From the panel");
    }

    @Test
    @DisplayName("guards run against the user who clicks, not the one who ran the command")
    void guardsOnTheClicker() {
        EmulatedMessage panel = panel("alice");

        EmulatedMessage denied = this.world.as("bob").clicks(panel, "panel:mods").awaitResponse(Timeouts.ANSWER);
        assertThat(denied.content()).isEqualTo("You need the **Manage Server** permission to use this button.");
        assertThat(denied.isEphemeral()).isTrue();
        assertThat(current(panel).content()).isEqualTo("panel");

        this.world.as("alice").clicks(panel, "panel:mods").awaitCallback(Timeouts.ANSWER);
        assertThat(current(panel).content()).as("alice owns the guild").isEqualTo("moderated");
    }

    @Test
    @DisplayName("components with callbacks: kept in memory, answered; an update or a private reply")
    void callbacks() {
        EmulatedMessage message = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("bot-lab"), ".mentionables"), Timeouts.ANSWER);
        String ping = button(message, "Ping");

        assertThat(ping).startsWith("~");
        this.world.as("carol").clicks(message, ping).awaitCallback(Timeouts.ANSWER);
        assertThat(current(message).content()).isEqualTo("pong for carol");
        EmulatedMessage secret = this.world.as("carol")
            .clicks(message, button(message, "Private"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(secret.isEphemeral()).isTrue();
    }

    @Test
    @DisplayName("persistent buttons keep working after the context is stopped and started again")
    // a restarted bot's JDA has rate-limit buckets the shared context's next test does
    // not expect
    @DirtiesContext
    void afterARestart() {
        EmulatedMessage panel = panel("alice");

        this.context.stop();
        this.context.start();
        await().until(() -> this.discord.gateway().hasLiveSession());

        this.world.as("bob").clicks(panel, "panel:count:0").awaitCallback(Timeouts.ANSWER);
        assertThat(current(panel).content()).isEqualTo("count 1");
    }

    @Test
    @DisplayName("forged ids get a polite reply: no handler, a part that does not convert, a callback that never was")
    void forgedIds() {
        EmulatedMessage panel = panel("alice");

        assertThat(reply(this.world.as("mallory").forging().clicks(panel, "nothing:here")))
            .isEqualTo("Sorry, that doesn't do anything any more. Run the command again to get a fresh one.");
        assertThat(reply(this.world.as("mallory").forging().clicks(panel, "panel:count:lots")))
            .isEqualTo("Sorry, I can't make sense of that button. Try running the command again.");
        assertThat(reply(this.world.as("mallory").forging().clicks(panel, "~0123456789abcdef")))
            .isEqualTo("Sorry, this has expired. Run the command again to get a fresh one.");
        assertThat(current(panel).content()).isEqualTo("panel");
    }

    @Test
    @DisplayName("forged form values: missing, too long, or for a form nobody opened, answered politely")
    void forgedForms() {
        EmulatedModal form = this.world.as("mallory").runs(SlashCommand.of("feedback")).awaitModal(Timeouts.ANSWER);

        assertThat(reply(this.world.as("mallory").forging().submits(form, Map.of("text", "x".repeat(5000)))))
            .isEqualTo("**Your feedback** is too long: at most 200 characters, please.");
        assertThat(reply(this.world.as("mallory").forging().submits(form, Map.of("text", " "))))
            .isEqualTo("The form is missing **Your feedback**. Please fill it in and send it again.");
    }

    private EmulatedMessage panel(String user) {
        return this.world.awaitReply(this.world.as(user).says(this.world.channel("bot-lab"), ".panel"),
                Timeouts.ANSWER);
    }

    private EmulatedMessage current(EmulatedMessage message) {
        return this.world.message(message.id()).orElseThrow();
    }

    private static String reply(EmulatedInteraction interaction) {
        return interaction.awaitResponse(Timeouts.ANSWER).content();
    }

    /** The custom id of the button with this label. */
    private static String button(EmulatedMessage message, String label) {
        return message.components()
            .stream()
            .flatMap((row) -> StreamSupport.stream(row.path("components").spliterator(), false))
            .filter((component) -> label.equals(component.path("label").asString()))
            .map((component) -> component.path("custom_id").asString())
            .findFirst()
            .orElseThrow();
    }

}
