package io.github.jdaboot.interaction;

import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Layouts (Components V2) end to end: the real application with test handlers, against
 * the emulator, which checks every layout as Discord does.
 */
@DiscordBotTest
@Import(LayoutTestCommands.class)
@DisplayName("Layouts (Components V2) against the Discord emulator")
class LayoutsEndToEndTests {

    private final World world;

    LayoutsEndToEndTests(DiscordEmulator discord) {
        this.world = discord.world();
    }

    @Test
    @DisplayName("every kind of component in one card: the V2 flag, no content, media unfurled to the files sent")
    void card() {
        EmulatedMessage card = this.world.as("alice").runs(SlashCommand.of("card")).awaitResponse(Timeouts.ANSWER);

        assertThat(card.isLayout()).isTrue();
        assertThat(card.content()).isEmpty();
        assertThat(card.text()).isEqualTo("## A card\ncount 0\nwith a thumbnail\n-# below the card");
        assertThat(types(card.components())).containsExactly(17, 9, 10, 10, 2, 9, 10, 11, 14, 12, 13, 14, 1, 3, 10);
        JsonNode container = card.components().getFirst();
        assertThat(container.path("accent_color").asInt()).isEqualTo(0x5865F2);
        assertThat(card.attachments()).extracting(EmulatedMessage.EmulatedAttachment::filename)
            .containsExactlyInAnyOrder("avatar.png", "chart.png", "notes.txt");
        JsonNode gallery = container.path("components").get(3);
        assertThat(gallery.path("items").get(0).path("media").path("url").asString()).contains("/chart.png")
            .startsWith("http");
        assertThat(gallery.path("items").get(0).path("description").asString()).isEqualTo("a chart");
        assertThat(gallery.path("items").get(1).path("spoiler").asBoolean()).isTrue();
        JsonNode file = container.path("components").get(4);
        assertThat(file.path("name").asString()).isEqualTo("notes.txt");
        assertThat(file.path("size").asInt()).isEqualTo("some notes".length());
    }

    @Test
    @DisplayName("a button in a section routes to its @ComponentHandler, whose update keeps the message a layout")
    void buttonInASection() {
        EmulatedMessage card = this.world.as("alice").runs(SlashCommand.of("card")).awaitResponse(Timeouts.ANSWER);

        this.world.as("bob").clicks(card, "card:count:0").awaitCallback(Timeouts.ANSWER);

        EmulatedMessage updated = current(card);
        assertThat(updated.isLayout()).isTrue();
        assertThat(updated.text()).isEqualTo("count 1");
        this.world.as("bob").clicks(updated, "card:count:1").awaitCallback(Timeouts.ANSWER);
        assertThat(current(card).text()).isEqualTo("count 2");
    }

    @Test
    @DisplayName("a select in a container's row routes to its @ComponentHandler")
    void selectInAContainer() {
        EmulatedMessage card = this.world.as("alice").runs(SlashCommand.of("card")).awaitResponse(Timeouts.ANSWER);

        EmulatedMessage answer = this.world.as("bob")
            .selects(card, "card:flavor", "mint")
            .awaitResponse(Timeouts.ANSWER);

        assertThat(answer.content()).isEqualTo("flavor mint");
        assertThat(answer.isEphemeral()).isTrue();
    }

    @Test
    @DisplayName("a callback on a section's button: its ~ id replaced by a fresh one, the click answered")
    void callbackInALayout() {
        EmulatedMessage ask = this.world
            .awaitReply(this.world.as("alice").says(this.world.channel("bot-lab"), ".confirm"), Timeouts.ANSWER);
        String id = ask.components().getFirst().path("accessory").path("custom_id").asString();
        assertThat(id).startsWith("~").isNotEqualTo("~yes").hasSize(25);

        this.world.as("carol").clicks(ask, id).awaitCallback(Timeouts.ANSWER);

        assertThat(current(ask).text()).isEqualTo("confirmed by carol");
        assertThat(current(ask).isLayout()).isTrue();
    }

    @Test
    @DisplayName("a text message updated with a layout becomes a Components V2 message")
    void upgrade() {
        EmulatedMessage text = this.world.as("alice").runs(SlashCommand.of("upgrade")).awaitResponse(Timeouts.ANSWER);
        assertThat(text.isLayout()).isFalse();

        this.world.as("alice").clicks(text, "card:upgrade").awaitCallback(Timeouts.ANSWER);

        EmulatedMessage card = current(text);
        assertThat(card.isLayout()).isTrue();
        assertThat(card.content()).isEmpty();
        assertThat(card.text()).isEqualTo("now a card");
    }

    @Test
    @DisplayName("a private layout, and a slow one filling its deferred reply, keep their flags")
    void ephemeralAndDeferred() {
        EmulatedMessage secret = this.world.as("alice")
            .runs(SlashCommand.of("private-card"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(secret.isEphemeral()).isTrue();
        assertThat(secret.isLayout()).isTrue();

        EmulatedInteraction slow = this.world.as("alice").runs(SlashCommand.of("slow-card"));
        EmulatedMessage card = slow.awaitResponse(Timeouts.ANSWER);
        assertThat(slow.isDeferred()).isTrue();
        assertThat(card.isLayout()).isTrue();
        assertThat(card.text()).isEqualTo("slow card");
    }

    @Test
    @DisplayName("over Discord's limits: the run fails before anything is sent, the error naming the handler and limit")
    void overTheLimits() {
        EmulatedInteraction tooBig = this.world.as("alice").runs(SlashCommand.of("too-big"));
        EmulatedMessage answer = tooBig.awaitResponse(Timeouts.ANSWER);
        assertThat(answer.content()).isEqualTo(
                "LayoutTestCommands.tooBig: a Components V2 message holds at most 40 components, this one has 41");
        assertThat(tooBig.responses()).as("nothing but the error's answer").containsExactly(answer);

        assertThat(this.world.as("alice").runs(SlashCommand.of("too-long")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("LayoutTestCommands.tooLong: a Components V2 message holds at most 4,000 characters of text"
                    + " in its text displays, this one has 4,001");
    }

    @Test
    @DisplayName("a layout updated with text: refused by the framework, the card left as it was")
    void textUpdateOfALayout() {
        EmulatedMessage card = this.world.as("alice").runs(SlashCommand.of("stubborn")).awaitResponse(Timeouts.ANSWER);

        EmulatedMessage answer = this.world.as("bob").clicks(card, "card:text").awaitResponse(Timeouts.ANSWER);

        assertThat(answer.content()).startsWith("LayoutTestCommands.text: the clicked message is a Components V2"
                + " message, which has no text of its own");
        assertThat(answer.isEphemeral()).isTrue();
        await().untilAsserted(() -> assertThat(current(card).text()).isEqualTo("a card"));
        assertThat(current(card).editedTimestamp()).isNull();
    }

    private EmulatedMessage current(EmulatedMessage message) {
        return this.world.message(message.id()).orElseThrow();
    }

    /** The types of the components, depth first, accessories after a section's texts. */
    private static List<Integer> types(List<JsonNode> components) {
        List<Integer> types = new ArrayList<>();
        components.forEach((component) -> types(component, types));
        return types;
    }

    private static void types(JsonNode component, List<Integer> types) {
        types.add(component.path("type").asInt());
        component.path("components").forEach((child) -> types(child, types));
        if (component.has("accessory")) {
            types(component.path("accessory"), types);
        }
    }

}
