package io.github.jdaboot.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.attachmentupload.AttachmentUpload;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.checkboxgroup.CheckboxGroup;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.radiogroup.RadioGroup;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A plain JDA 6.5 client (no Spring) against the emulator: JDA sends buttons and selects,
 * answers clicks, picks and modal submits with every callback type, and accepts every
 * payload the emulator sends. JDA drops an event it cannot parse with only a WARN, so
 * each test asserts that the listener ran.
 */
@DisplayName("JDA 6.5 with components and modals against the emulator")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaComponentsCompatibilityTests {

    @RegisterExtension
    static final PlainJda plainJda = PlainJda.withIntents(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);

    private final List<String> handled = new CopyOnWriteArrayList<>();

    private World world;

    private JDA jda;

    @BeforeAll
    void start() throws Exception {
        this.world = plainJda.world();
        this.jda = plainJda.login(new Bot());
        this.jda.updateCommands()
            .addCommands(Commands.slash("form", "Opens a form"), Commands.slash("survey", "Opens a survey"),
                    Commands.slash("picks", "Opens a form of menus"))
            .complete();
    }

    @BeforeEach
    void forget() {
        this.handled.clear();
    }

    @Test
    @DisplayName("a message with JDA's buttons and selects is stored with Discord's ids; a click edits it (callback 7)")
    void clickUpdatesTheMessage() {
        EmulatedMessage menu = menu();
        JsonNode buttons = menu.components().getFirst();
        assertThat(buttons.path("id").asInt()).isEqualTo(1);
        assertThat(buttons.path("components").findValuesAsString("custom_id")).containsExactly("edit", "ask", "done");
        assertThat(buttons.path("components").findValues("id")).extracting(JsonNode::asInt).containsExactly(2, 3, 4, 5);
        assertThat(menu.components().get(1).path("components").path(0).path("id").asInt()).isEqualTo(7);

        EmulatedInteraction click = this.world.as("alice").clicks(menu, "edit");

        assertThat(click.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.UPDATE_MESSAGE);
        EmulatedMessage edited = click.awaitResponse(Timeouts.ANSWER);
        assertThat(edited.id()).isEqualTo(menu.id());
        assertThat(edited.content()).isEqualTo("Edited by alice");
        assertThat(edited.editedTimestamp()).isNotNull();
        assertThat(edited.components()).isEqualTo(menu.components());
        assertThat(this.handled).containsExactly("message !menu", "button edit by alice");
    }

    @Test
    @DisplayName("JDA's editButton replaces the clicked button by its id; a disabled button can no longer be clicked")
    void editButtonByUniqueId() {
        EmulatedMessage menu = menu();

        EmulatedInteraction done = this.world.as("alice").clicks(menu, "done");

        assertThat(done.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.UPDATE_MESSAGE);
        EmulatedMessage edited = done.awaitResponse(Timeouts.ANSWER);
        JsonNode button = edited.components().getFirst().path("components").path(2);
        assertThat(button.path("custom_id").asString()).isEqualTo("done");
        assertThat(button.path("disabled").asBoolean()).isTrue();
        assertThat(button.path("id").asInt()).isEqualTo(4);
        assertThat(edited.components().getFirst().path("components").path(0).path("disabled").asBoolean()).isFalse();
        assertThat(edited.components().subList(1, 3)).isEqualTo(menu.components().subList(1, 3));
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as("alice").clicks(edited, "done"))
            .withMessageContaining("The component 'done' is disabled.");
        assertThat(this.handled).containsExactly("message !menu", "button done by alice");
    }

    @Test
    @DisplayName("a pick is deferred (callback 6) and the message edited through the hook; entity picks are resolved")
    void picksAreDeferredAndResolved() {
        EmulatedMessage menu = menu();

        EmulatedInteraction pick = this.world.as("bob").selects(menu, "color", "blue");

        assertThat(pick.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.DEFERRED_UPDATE_MESSAGE);
        EmulatedMessage edited = pick.awaitResponse(Timeouts.ANSWER);
        assertThat(edited.id()).isEqualTo(menu.id());
        assertThat(edited.content()).isEqualTo("Picked blue");

        EmulatedInteraction who = this.world.as("alice").selects(menu, "who", "@carol", "bob");
        assertThat(who.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.CHANNEL_MESSAGE);
        EmulatedMessage reply = who.awaitResponse(Timeouts.ANSWER);
        assertThat(reply.content()).isEqualTo("You picked carol, bob (members: carol, bob)");
        assertThat(reply.referencedMessageId()).isEqualTo(menu.id());
        assertThat(this.handled).containsExactly("message !menu", "select color: [blue]", "entity select who");
    }

    @Test
    @DisplayName("a click and a slash command open JDA's modal (callback 9); JDA reads the values submitted")
    void modals() {
        EmulatedMessage menu = menu();

        EmulatedInteraction ask = this.world.as("alice").clicks(menu, "ask");
        EmulatedModal modal = ask.awaitModal(Timeouts.ANSWER);

        assertThat(modal.customId()).isEqualTo("idea-form");
        assertThat(modal.title()).isEqualTo("Your idea");
        assertThat(modal.fields()).containsExactly(
                new EmulatedModal.Field("idea", "Idea", 4, 1, true, 3, 50, "an idea", null, List.of()),
                new EmulatedModal.Field("details", "Details", 4, 2, false, 0, 4000, null, "none", List.of()));
        EmulatedMessage thanks = this.world.as("alice")
            .submits(modal, Map.of("idea", "more tests"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(thanks.content()).isEqualTo("Thanks, more tests (details: 'none')");
        assertThat(thanks.referencedMessageId()).isEqualTo(menu.id());

        EmulatedModal form = this.world.as("carol").runs(SlashCommand.of("form")).awaitModal(Timeouts.ANSWER);
        EmulatedMessage reply = this.world.as("carol")
            .submits(form, Map.of("idea", "a bot", "details", "soon"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(reply.content()).isEqualTo("Thanks, a bot (details: 'soon')");
        assertThat(reply.type()).isEqualTo(20);
        assertThat(this.handled).containsExactly("message !menu", "button ask by alice", "modal idea-form",
                "slash form", "modal idea-form");
    }

    @Test
    @DisplayName("JDA's modals with a text display, a radio group, a checkbox, a checkbox group and a file upload, "
            + "a select and a user select: the emulator accepts them, JDA reads each value and the uploaded file")
    void modalComponents() {
        EmulatedModal survey = this.world.as("alice").runs(SlashCommand.of("survey")).awaitModal(Timeouts.ANSWER);

        assertThat(survey.fields()).extracting(EmulatedModal.Field::customId, EmulatedModal.Field::type)
            .containsExactly(tuple("size", 21), tuple("agree", 23), tuple("days", 22), tuple("photo", 19));
        assertThat(survey.field("size").options()).containsExactly("s", "m", "l");
        assertThat(survey.json().path("components").path(0).path("type").asInt()).as("the text display").isEqualTo(10);
        EmulatedMessage answer = this.world.as("alice")
            .submits(survey,
                    Map.of("size", "m", "agree", true, "days", List.of("sat", "sun"), "photo",
                            this.world.file("cat.png", "image/png", new byte[] { 1, 2, 3, 4 })))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(answer.content()).isEqualTo("size=m agree=true days=[sat, sun] photo=[cat.png 4 bytes]");

        EmulatedModal skipped = this.world.as("bob").runs(SlashCommand.of("survey")).awaitModal(Timeouts.ANSWER);
        EmulatedMessage none = this.world.as("bob")
            .submits(skipped, Map.of("days", "sat"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(none.content()).as("an optional radio group and file upload left alone, the checkbox false")
            .isEqualTo("size=null agree=false days=[sat] photo=[]");

        EmulatedModal picks = this.world.as("carol").runs(SlashCommand.of("picks")).awaitModal(Timeouts.ANSWER);
        EmulatedMessage picked = this.world.as("carol")
            .submits(picks, Map.of("color", "blue", "buddy", "@bob"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(picked.content()).isEqualTo("color=[blue] buddy=[bob]");
        assertThat(this.handled).containsExactly("slash survey", "modal survey", "slash survey", "modal survey",
                "slash picks", "modal picks");
    }

    /** Asks the bot for its menu and waits for it. */
    private EmulatedMessage menu() {
        EmulatedMessage asked = this.world.as("alice").says(this.world.channel("general"), "!menu");
        return this.world
            .awaitMessage((message) -> message.author().bot() && message.id() > asked.id(), Timeouts.ANSWER)
            .orElseThrow(() -> new AssertionError("no menu"));
    }

    private static Modal ideaForm() {
        return Modal.create("idea-form", "Your idea")
            .addComponents(
                    Label.of("Idea",
                            TextInput.create("idea", TextInputStyle.SHORT)
                                .setRequiredRange(3, 50)
                                .setPlaceholder("an idea")
                                .build()),
                    Label.of("Details", "Anything else",
                            TextInput.create("details", TextInputStyle.PARAGRAPH)
                                .setRequired(false)
                                .setValue("none")
                                .build()))
            .build();
    }

    private static Modal survey() {
        return Modal.create("survey", "A survey")
            .addComponents(TextDisplay.of("A few questions, **all** quick."),
                    Label.of("Size",
                            RadioGroup.create("size")
                                .addOption("Small", "s")
                                .addOption("Medium", "m")
                                .addOption("Large", "l")
                                .setRequired(false)
                                .build()),
                    Label.of("I agree", Checkbox.of("agree")),
                    Label.of("Days",
                            CheckboxGroup.create("days")
                                .addOption("Saturday", "sat")
                                .addOption("Sunday", "sun")
                                .setRequiredRange(1, 2)
                                .build()),
                    Label.of("Photo", AttachmentUpload.create("photo").setRequired(false).build()))
            .build();
    }

    private static Modal picks() {
        return Modal.create("picks", "Pick some")
            .addComponents(
                    Label.of("Color",
                            StringSelectMenu.create("color").addOption("Red", "red").addOption("Blue", "blue").build()),
                    Label.of("Buddy", EntitySelectMenu.create("buddy", EntitySelectMenu.SelectTarget.USER).build()))
            .build();
    }

    /** The bot: a menu on "!menu", and an answer to everything done with it. */
    private final class Bot extends ListenerAdapter {

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            if (!event.getMessage().getContentRaw().equals("!menu")) {
                return;
            }
            JdaComponentsCompatibilityTests.this.handled.add("message !menu");
            event.getChannel()
                .sendMessage("Pick one")
                .addComponents(ActionRow.of(Button.primary("edit", "Edit"), Button.secondary("ask", "Ask"), Button
                    .danger("done", "Done"), Button.link("https://example.com", "Docs")), ActionRow
                        .of(StringSelectMenu.create("color").addOption("Red", "red").addOption("Blue", "blue").build()),
                        ActionRow.of(EntitySelectMenu.create("who", EntitySelectMenu.SelectTarget.USER)
                            .setRequiredRange(1, 3)
                            .build()))
                .queue();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            JdaComponentsCompatibilityTests.this.handled
                .add("button " + event.getComponentId() + " by " + event.getUser().getName());
            switch (event.getComponentId()) {
                case "edit" -> event.editMessage("Edited by " + event.getUser().getName()).queue();
                case "done" -> event.editButton(event.getButton().asDisabled()).queue();
                default -> event.replyModal(ideaForm()).queue();
            }
        }

        @Override
        public void onStringSelectInteraction(StringSelectInteractionEvent event) {
            JdaComponentsCompatibilityTests.this.handled
                .add("select " + event.getComponentId() + ": " + event.getValues());
            event.deferEdit().queue();
            event.getHook().editOriginal("Picked " + String.join(", ", event.getValues())).queue();
        }

        @Override
        public void onEntitySelectInteraction(EntitySelectInteractionEvent event) {
            JdaComponentsCompatibilityTests.this.handled.add("entity select " + event.getComponentId());
            List<String> users = event.getMentions().getUsers().stream().map((user) -> user.getName()).toList();
            List<String> members = event.getMentions()
                .getMembers()
                .stream()
                .map((member) -> member.getUser().getName())
                .toList();
            event.reply("You picked " + String.join(", ", users) + " (members: " + String.join(", ", members) + ")")
                .queue();
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            JdaComponentsCompatibilityTests.this.handled.add("slash " + event.getName());
            event.replyModal(switch (event.getName()) {
                case "survey" -> survey();
                case "picks" -> picks();
                default -> ideaForm();
            }).queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            JdaComponentsCompatibilityTests.this.handled.add("modal " + event.getModalId());
            if (event.getModalId().equals("survey")) {
                event
                    .reply("size=" + event.getValue("size").getAsOptionalString() + " agree="
                            + event.getValue("agree").getAsBoolean() + " days="
                            + event.getValue("days").getAsStringList() + " photo="
                            + event.getValue("photo")
                                .getAsAttachmentList()
                                .stream()
                                .map((Message.Attachment file) -> file.getFileName() + " " + file.getSize() + " bytes")
                                .toList())
                    .queue();
                return;
            }
            if (event.getModalId().equals("picks")) {
                event
                    .reply("color=" + event.getValue("color").getAsStringList() + " buddy="
                            + event.getValue("buddy").getAsMentions().getUsers().stream().map(User::getName).toList())
                    .queue();
                return;
            }
            event
                .reply("Thanks, " + event.getValue("idea").getAsString() + " (details: '"
                        + event.getValue("details").getAsString() + "')")
                .queue();
        }

    }

}
