package io.github.jdaboot.interaction;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forms with every kind of modal component, end to end: the real application with the
 * handlers of {@link FormTestCommands}, against the emulator, filled in as users do; and
 * forged submissions, each refused politely with nothing logged.
 */
@DiscordBotTest
@Import(FormTestCommands.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Forms with every kind of field against the Discord emulator")
class FormsEndToEndTests {

    private static final String FORGED = "Sorry, I can't make sense of that form. Please open it again.";

    private static final String STALE = "Sorry, I can't take this form any more. Please open it again.";

    private final World world;

    FormsEndToEndTests(DiscordEmulator discord) {
        this.world = discord.world();
    }

    @Test
    @DisplayName("text inputs, a text display, a radio group bound to an enum, a checkbox and a checkbox group")
    void profile() {
        EmulatedModal form = open("alice", "profile");
        assertThat(form.fields()).extracting(EmulatedModal.Field::customId)
            .containsExactly("name", "flavor", "news", "days");
        assertThat(form.json().path("components").path(1).path("content").asString())
            .isEqualTo("Tell us a little about yourself.");
        assertThat(form.field("flavor").options()).containsExactly("VANILLA", "SALTED_CARAMEL", "MINT");

        assertThat(reply(this.world.as("alice")
            .submits(form,
                    Map.of("name", "Ada", "flavor", "SALTED_CARAMEL", "news", true, "days", List.of("mon", "fri")))))
            .isEqualTo("name=Ada flavor=SALTED_CARAMEL news=true days=[mon, fri]");
        assertThat(reply(this.world.as("alice")
            .submits(open("alice", "profile"), Map.of("name", "Bo", "flavor", "MINT", "days", "wed"))))
            .as("a checkbox left alone is false")
            .isEqualTo("name=Bo flavor=MINT news=false days=[wed]");
    }

    @Test
    @DisplayName("user, role, channel and mentionable selects, bound to one User, a List<Member>, a Role, a "
            + "GuildChannel and a List<IMentionable>")
    void team() {
        EmulatedModal form = open("alice", "team");

        assertThat(reply(this.world.as("alice")
            .submits(form,
                    Map.of("buddy", "@bob", "members", List.of("@alice", "@carol"), "role", "Moderators", "channel",
                            "#general", "anyone", List.of("@bob", "Idea Fans")))))
            .isEqualTo("buddy=bob members=[alice, carol] role=Moderators channel=general anyone=2");
        assertThat(reply(this.world.as("alice")
            .submits(open("alice", "team"),
                    Map.of("buddy", "@carol", "members", "@bob", "channel", "#random", "anyone", "@alice"))))
            .as("an optional select left empty is null")
            .isEqualTo("buddy=carol members=[bob] role=none channel=random anyone=1");
    }

    @Test
    @DisplayName("file uploads bound to a List<Message.Attachment> and to one, an enum select and a string select")
    void sketch() {
        EmulatedModal form = open("alice", "sketch");

        EmulatedMessage.EmulatedAttachment first = this.world.file("first.png", "image/png", new byte[] { 1, 2, 3 });
        EmulatedMessage.EmulatedAttachment second = this.world.file("notes.txt", "text/plain",
                "some notes".getBytes(StandardCharsets.UTF_8));
        assertThat(reply(this.world.as("alice")
            .submits(form, Map.of("sketches", List.of(first, second), "flavor", "MINT", "tags", "fun,games"))))
            .isEqualTo("sketches=first.png:3,notes.txt:10 cover=none flavor=MINT tags=[fun, games]");
        EmulatedMessage.EmulatedAttachment cover = this.world.file("cover.gif", "image/gif", new byte[] { 7 });
        assertThat(reply(this.world.as("alice")
            .submits(open("alice", "sketch"), Map.of("sketches", first, "cover", cover, "flavor", "VANILLA"))))
            .isEqualTo("sketches=first.png:3 cover=cover.gif flavor=VANILLA tags=[]");
    }

    @Test
    @DisplayName("a form that does not fit its handler fails when it is opened, naming the field, with an error id")
    void misfit(CapturedOutput output) {
        EmulatedInteraction opened = this.world.as("alice").runs(SlashCommand.of("misfit"));

        EmulatedMessage apology = opened.awaitResponse(Timeouts.ANSWER);
        assertThat(opened.modal()).isEmpty();
        Matcher id = Pattern.compile("error id `([0-9a-f]{8})`").matcher(apology.content());
        assertThat(id.find()).as(apology.content()).isTrue();
        await().until(() -> output.getAll().contains("(error id " + id.group(1) + ")"));
        assertThat(output.getAll()).contains("The form 'form:misfit' does not fit")
            .contains("field 'agree' does not fit: a String takes a text input, a radio group or a string select, "
                    + "not a checkbox");
    }

    @Test
    @DisplayName("forged submissions: a value not offered, a missing required field, a text too long, an unknown "
            + "field, too many values, files and users Discord never resolved, a role for a channel, another user's "
            + "form, a replay: each refused politely, nothing logged as a warning or an error")
    void forged(CapturedOutput output) {
        int logged = output.getAll().length();
        EmulatedModal profile = open("mallory", "profile");
        Map<String, Object> valid = Map.of("name", "Mal", "flavor", "MINT", "news", true, "days", "mon");

        assertThat(forge(profile, with(valid, "flavor", "CHOCOLATE"))).as("a radio value not offered")
            .isEqualTo(FORGED);
        assertThat(forge(profile, with(valid, "days", "mon,sun"))).as("a checkbox group value not offered")
            .isEqualTo(FORGED);
        assertThat(forge(profile, with(valid, "name", ""))).as("a required field left empty")
            .isEqualTo("The form is missing **Name**. Please fill it in and send it again.");
        assertThat(forge(profile, with(valid, "name", "x".repeat(21)))).as("a text over the form's limit")
            .isEqualTo("**Name** is too long: at most 20 characters, please.");
        assertThat(forge(profile, with(valid, "admin", "yes"))).as("a field the form did not have").isEqualTo(FORGED);
        assertThat(forge(profile, with(valid, "days", "mon,wed,fri"))).as("more values than the form allows")
            .isEqualTo(FORGED);

        EmulatedModal sketch = open("mallory", "sketch");
        EmulatedMessage.EmulatedAttachment real = this.world.file("real.png", "image/png", new byte[] { 1 });
        assertThat(forge(sketch, Map.of("sketches", List.of(real, "1234567890"), "flavor", "MINT")))
            .as("a file never uploaded beside one that was")
            .isEqualTo(FORGED);
        assertThat(forge(sketch, Map.of("sketches", "1234567890", "flavor", "MINT")))
            .as("only files never uploaded: none that Discord knows")
            .isEqualTo("The form is missing **Sketches**. Please fill it in and send it again.");
        EmulatedModal team = open("mallory", "team");
        assertThat(
                forge(team, Map.of("buddy", "1234567890", "members", "@bob", "channel", "#general", "anyone", "@bob")))
            .as("a user Discord did not resolve")
            .isEqualTo(FORGED);
        assertThat(forge(team, Map.of("buddy", "@bob", "members", "@bob", "channel", "Moderators", "anyone", "@bob")))
            .as("a role where a channel was offered")
            .isEqualTo(FORGED);

        EmulatedModal alices = open("alice", "profile");
        assertThat(this.world.as("carol").forging().submits(alices, valid).awaitResponse(Timeouts.ANSWER).content())
            .as("a form opened for someone else")
            .isEqualTo(STALE);
        EmulatedModal submitted = open("mallory", "profile");
        assertThat(reply(this.world.as("mallory").submits(submitted, valid))).startsWith("name=Mal");
        assertThat(forge(submitted, valid)).as("a replay of a form submitted already").isEqualTo(STALE);

        assertThat(output.getAll().substring(logged)).doesNotContainPattern("\\b(WARN|ERROR)\\b");
    }

    private EmulatedModal open(String user, String command) {
        return this.world.as(user).runs(SlashCommand.of(command)).awaitModal(Timeouts.ANSWER);
    }

    private String forge(EmulatedModal form, Map<String, ?> values) {
        EmulatedMessage refusal = this.world.as("mallory")
            .forging()
            .submits(form, values)
            .awaitResponse(Timeouts.ANSWER);
        assertThat(refusal.isEphemeral()).isTrue();
        return refusal.content();
    }

    private static Map<String, Object> with(Map<String, Object> values, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(field, value);
        return changed;
    }

    private static String reply(EmulatedInteraction interaction) {
        return interaction.awaitResponse(Timeouts.ANSWER).content();
    }

}
