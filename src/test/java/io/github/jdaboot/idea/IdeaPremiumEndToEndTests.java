package io.github.jdaboot.idea;

import java.util.List;
import java.util.Map;

import io.github.jdaboot.emulator.DefaultWorld;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedEntitlement;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedModal;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.PremiumTestCommands;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The idea's premium offers against the emulator's SKUs: Idea Pro's topics behind the
 * entitlement (the "More topics" menu guarded, the topics checked with the run's
 * entitlements), the spotlight bought and used up by a suggestion, purchases counted from
 * the events. Shares its context with {@code PremiumEndToEndTests}.
 */
@DiscordBotTest(properties = { PremiumTestCommands.PRO, PremiumTestCommands.SPOTLIGHT })
@Import(PremiumTestCommands.class)
@DisplayName("The idea's premium offers: Idea Pro and the spotlight")
class IdeaPremiumEndToEndTests {

    private final World world;

    private final IdeaPurchases purchases;

    IdeaPremiumEndToEndTests(DiscordEmulator discord, IdeaPurchases purchases) {
        this.world = discord.world();
        this.purchases = purchases;
    }

    @Test
    @DisplayName("\"More topics\": Discord's premium button without Idea Pro; with it, a menu of its topics and their ideas")
    void moreTopics() {
        EmulatedMessage idea = this.world.as("abby").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER);
        assertThat(labels(idea)).containsExactly("Another", "Suggest one", "Let the channel vote", "More topics");
        EmulatedMessage refused = this.world.as("abby").clicks(idea, "idea:pro-topics").awaitResponse(Timeouts.ANSWER);
        assertThat(refused.content())
            .isEqualTo("This button is a premium feature: you can get it with the button below.");
        assertPremiumButton(refused, DefaultWorld.IDEA_PRO_SKU);

        this.world.as("abby").buys(this.world.sku("Idea Pro"));
        EmulatedMessage menu = this.world.as("abby").clicks(idea, "idea:pro-topics").awaitResponse(Timeouts.ANSWER);
        assertThat(menu.isEphemeral()).isTrue();
        assertThat(menu.components().getFirst().path("components").path(0).path("options"))
            .extracting((option) -> option.path("value").asString())
            .containsExactly("space", "music");
        EmulatedInteraction picked = this.world.as("abby").selects(menu, "idea:topic", "space");
        picked.awaitCallback(Timeouts.ANSWER);
        assertThat(this.world.message(menu.id()).orElseThrow().text()).startsWith("Okay, so how about this: ")
            .containsAnyOf("space", "satellite");
    }

    @Test
    @DisplayName("/idea on an Idea Pro topic: the premium button without it, an idea on the topic with it")
    void proTopic() {
        EmulatedMessage refused = this.world.as("bert")
            .runs(SlashCommand.of("idea").option("topic", "music"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(refused.content())
            .isEqualTo("\u201Cmusic\u201D is an Idea Pro topic: you can get Idea Pro with the button below.");
        assertPremiumButton(refused, DefaultWorld.IDEA_PRO_SKU);

        this.world.as("bert").buys(this.world.sku("Idea Pro"));
        assertThat(this.world.as("bert")
            .runs(SlashCommand.of("idea").option("topic", "music"))
            .awaitResponse(Timeouts.ANSWER)
            .text()).startsWith("Okay, so how about this: ").containsAnyOf("music", "band");
        assertThat(this.world
            .awaitReply(this.world.as("bert").says(this.world.channel("general"), ".idea music"), Timeouts.ANSWER)
            .text()).as("looked up for the prefix command").containsAnyOf("music", "band");
    }

    @Test
    @DisplayName("a suggestion with a spotlight bought uses it up and is the next idea; without one, the thanks offer it")
    void spotlight() {
        EmulatedModal form = this.world.as("cleo").runs(SlashCommand.of("suggest")).awaitModal(Timeouts.ANSWER);
        EmulatedMessage thanks = this.world.as("cleo")
            .submits(form, Map.of("idea", "a kite weather forecaster"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(withoutEmoji(thanks.content()))
            .isEqualTo("Thanks, added: a kite weather forecaster\nWant your next one to be the"
                    + " next idea anyone gets? Put it in the spotlight:");
        assertPremiumButton(thanks, DefaultWorld.SPOTLIGHT_SKU);

        EmulatedEntitlement spotlight = this.world.as("cleo").buys(this.world.sku("Spotlight"));
        EmulatedModal again = this.world.as("cleo").runs(SlashCommand.of("suggest")).awaitModal(Timeouts.ANSWER);
        assertThat(withoutEmoji(this.world.as("cleo")
            .submits(again, Map.of("idea", "a lighthouse log for sailing clubs"))
            .awaitResponse(Timeouts.ANSWER)
            .content()))
            .isEqualTo("Thanks, added, and in the spotlight: the next idea anyone gets is a lighthouse log"
                    + " for sailing clubs");
        assertThat(this.world.entitlement(spotlight.id())).get()
            .extracting(EmulatedEntitlement::consumed)
            .isEqualTo(true);
        assertThat(this.world.as("dora").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER).text())
            .isEqualTo("Okay, so how about this: a lighthouse log for sailing clubs");
    }

    @Test
    @DisplayName("purchases are counted by offer from ENTITLEMENT_CREATE")
    void purchasesCounted() {
        double before = this.purchases.purchases("spotlight").count();
        this.world.as("eddie").buys(this.world.sku("Spotlight"));
        await().untilAsserted(() -> assertThat(this.purchases.purchases("spotlight").count()).isEqualTo(before + 1));
    }

    /** The labels of the message's buttons, anywhere in its layout, in order. */
    private static List<String> labels(EmulatedMessage message) {
        return message.components()
            .stream()
            .flatMap((component) -> component.findParents("type").stream())
            .filter((component) -> component.path("type").asInt() == 2)
            .map((button) -> button.path("label").asString())
            .toList();
    }

    private static void assertPremiumButton(EmulatedMessage message, String sku) {
        assertThat(message.isEphemeral()).isTrue();
        JsonNode button = message.components().getFirst().path("components").path(0);
        assertThat(button.path("style").asInt()).isEqualTo(6);
        assertThat(button.path("sku_id").asString()).isEqualTo(sku);
    }

    /** A thanks without the application emoji {@code idea} that starts it. */
    private static String withoutEmoji(String content) {
        assertThat(content).as("starts with the idea emoji").matches("(?s)<:idea_[0-9a-f]{6}:\\d+> .*");
        return content.substring(content.indexOf("> ") + 2);
    }

}
