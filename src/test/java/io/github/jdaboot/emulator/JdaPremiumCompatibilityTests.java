package io.github.jdaboot.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Entitlement;
import net.dv8tion.jda.api.entities.SKU;
import net.dv8tion.jda.api.entities.SKUFlag;
import net.dv8tion.jda.api.entities.SKUType;
import net.dv8tion.jda.api.entities.SkuSnowflake;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.events.entitlement.EntitlementCreateEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementDeleteEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementUpdateEvent;
import net.dv8tion.jda.api.events.entitlement.GenericEntitlementEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.restaction.TestEntitlementCreateAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A plain JDA 6.5 client (no Spring) against the emulator's SKUs and entitlements: JDA
 * lists the SKUs, creates, finds and deletes a test entitlement, consumes a consumable
 * (and is refused for a durable one), hears ENTITLEMENT_CREATE, _UPDATE and _DELETE,
 * reads an interaction's entitlements and answers with a premium button. JDA drops what
 * it cannot parse with only a WARN, so each test asserts what JDA made of it.
 */
@DisplayName("JDA 6.5 with SKUs, entitlements and premium buttons against the emulator")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaPremiumCompatibilityTests {

    @RegisterExtension
    static final PlainJda plainJda = PlainJda.withIntents();

    private final List<GenericEntitlementEvent> events = new CopyOnWriteArrayList<>();

    private final List<List<String>> interactionSkus = new CopyOnWriteArrayList<>();

    private DiscordEmulator discord;

    private World world;

    private JDA jda;

    @BeforeAll
    void start() throws Exception {
        this.discord = plainJda.discord();
        this.world = this.discord.world();
        this.jda = plainJda.login(new Bot());
        this.jda.updateCommands().addCommands(Commands.slash("shop", "Shows the shop")).complete();
    }

    @BeforeEach
    void forget() {
        this.events.clear();
        this.interactionSkus.clear();
    }

    @Test
    @DisplayName("retrieveSKUList: each SKU with its type, name, slug and flags, a subscription with its group")
    void skus() {
        List<SKU> skus = this.jda.retrieveSKUList().complete();

        assertThat(skus).extracting(SKU::getId, SKU::getType, SKU::getName)
            .contains(tuple(DefaultWorld.IDEA_PRO_SKU, SKUType.DURABLE, "Idea Pro"),
                    tuple(DefaultWorld.SPOTLIGHT_SKU, SKUType.CONSUMABLE, "Spotlight"),
                    tuple(DefaultWorld.IDEA_CLUB_SKU, SKUType.SUBSCRIPTION, "Idea Club"));
        assertThat(skus).filteredOn((sku) -> sku.getType() == SKUType.SUBSCRIPTION_GROUP)
            .singleElement()
            .extracting(SKU::getName)
            .isEqualTo("Idea Club");
        SKU club = skus.stream().filter((sku) -> sku.getType() == SKUType.SUBSCRIPTION).findFirst().orElseThrow();
        assertThat(club.getSlug()).isEqualTo("idea-club");
        assertThat(club.getFlags()).contains(SKUFlag.AVAILABLE, SKUFlag.USER_SUBSCRIPTION);
        assertThat(club.isUserSKU()).isTrue();
    }

    @Test
    @DisplayName("a test entitlement: created, heard, listed, read by id, deleted (heard again), then gone from the list")
    void testEntitlement() {
        UserSnowflake alice = UserSnowflake.fromId(this.world.user("alice").id());
        Entitlement created = this.jda
            .createTestEntitlement(DefaultWorld.IDEA_PRO_SKU, alice.getId(),
                    TestEntitlementCreateAction.OwnerType.USER_SUBSCRIPTION)
            .complete();
        assertThat(created.getSkuId()).isEqualTo(DefaultWorld.IDEA_PRO_SKU);
        assertThat(created.getUserIdLong()).isEqualTo(alice.getIdLong());
        assertThat(created.getTimeStarting()).as("a test entitlement is valid for good").isNull();
        await().until(() -> this.events.stream()
            .anyMatch((event) -> event instanceof EntitlementCreateEvent
                    && event.getEntitlement().getIdLong() == created.getIdLong()));

        assertThat(this.jda.retrieveEntitlements().user(alice).skuIds(DefaultWorld.IDEA_PRO_SKU).complete())
            .extracting(Entitlement::getIdLong)
            .containsExactly(created.getIdLong());
        // JDA 6.5's retrieveEntitlementById has no response handler: it completes with
        // null whatever Discord answers (here 200 with the entitlement, checked against
        // the
        // spec)
        assertThat(this.jda.retrieveEntitlementById(created.getId()).complete()).isNull();
        assertThat(this.discord.rest().requests())
            .filteredOn((request) -> request.route() != null
                    && request.route().equals("GET /applications/{application_id}/entitlements/{entitlement_id}"))
            .last()
            .extracting(RecordedRequest::status)
            .isEqualTo(200);
        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(
                    () -> this.jda
                        .createTestEntitlement(DefaultWorld.IDEA_PRO_SKU, alice.getId(),
                                TestEntitlementCreateAction.OwnerType.USER_SUBSCRIPTION)
                        .complete())
            .satisfies((refused) -> assertThat(refused.getErrorCode()).isEqualTo(40074));

        this.jda.deleteTestEntitlement(created.getId()).complete();
        await().until(() -> this.events.stream()
            .anyMatch((event) -> event instanceof EntitlementDeleteEvent && event.getEntitlement().isDeleted()));
        assertThat(this.jda.retrieveEntitlements().user(alice).skuIds(DefaultWorld.IDEA_PRO_SKU).complete()).isEmpty();
    }

    @Test
    @DisplayName("a purchase heard as EntitlementCreateEvent: a consumable consumed, a durable one refused (40018), "
            + "a purchase not deletable as a test entitlement (40019)")
    void consume() {
        EmulatedEntitlement coin = this.world.as("bob").buys(this.world.sku("Spotlight"));
        EmulatedEntitlement pro = this.world.as("bob").buys(this.world.sku("Idea Pro"));
        await()
            .until(() -> this.events.stream().filter((event) -> event instanceof EntitlementCreateEvent).count() == 2);
        Entitlement heard = this.events.stream()
            .map(GenericEntitlementEvent::getEntitlement)
            .filter((entitlement) -> entitlement.getIdLong() == coin.id())
            .findFirst()
            .orElseThrow();
        assertThat(heard.getType()).isEqualTo(Entitlement.EntitlementType.PURCHASE);
        assertThat(heard.isConsumed()).isFalse();

        heard.consume().complete();

        assertThat(this.world.entitlement(coin.id())).get().extracting(EmulatedEntitlement::consumed).isEqualTo(true);
        List<Entitlement> bobs = this.jda.retrieveEntitlements()
            .user(UserSnowflake.fromId(this.world.user("bob").id()))
            .complete();
        assertThat(bobs).filteredOn((entitlement) -> entitlement.getIdLong() == coin.id())
            .singleElement()
            .extracting(Entitlement::isConsumed)
            .isEqualTo(true);
        Entitlement durable = bobs.stream()
            .filter((entitlement) -> entitlement.getIdLong() == pro.id())
            .findFirst()
            .orElseThrow();
        assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> durable.consume().complete())
            .satisfies((refused) -> assertThat(refused.getErrorCode()).isEqualTo(40018));
        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(() -> this.jda.deleteTestEntitlement(pro.id()).complete())
            .satisfies((refused) -> assertThat(refused.getErrorCode()).isEqualTo(40019));
    }

    @Test
    @DisplayName("a subscription that ends is heard as EntitlementUpdateEvent with its end")
    void subscriptionEnds() {
        EmulatedEntitlement club = this.world.as("carol").buys(this.world.sku("Idea Club"));
        this.world.endSubscription(club);
        await().until(() -> this.events.stream().anyMatch((event) -> event instanceof EntitlementUpdateEvent));
        Entitlement ended = this.events.stream()
            .filter((event) -> event instanceof EntitlementUpdateEvent)
            .findFirst()
            .orElseThrow()
            .getEntitlement();
        assertThat(ended.getType()).isEqualTo(Entitlement.EntitlementType.APPLICATION_SUBSCRIPTION);
        assertThat(ended.getTimeEnding()).isNotNull();
        assertThat(ended.getTimeStarting()).isNotNull().isBefore(ended.getTimeEnding());
    }

    @Test
    @DisplayName("an interaction's getEntitlements() are the user's; a reply with a premium button is kept, one with "
            + "an SKU the application lacks is refused (50057)")
    void interaction() {
        EmulatedUser dave = this.world.user("dave");
        this.world.as(dave).buys(this.world.sku("Idea Pro"));

        EmulatedMessage reply = this.world.as(dave).runs(SlashCommand.of("shop")).awaitResponse(Timeouts.ANSWER);

        assertThat(this.interactionSkus).containsExactly(List.of(DefaultWorld.IDEA_PRO_SKU));
        assertThat(reply.components().getFirst().path("components").path(0).path("style").asInt()).isEqualTo(6);
        assertThat(reply.components().getFirst().path("components").path(0).path("sku_id").asString())
            .isEqualTo(DefaultWorld.SPOTLIGHT_SKU);
        assertThatExceptionOfType(ErrorResponseException.class)
            .isThrownBy(() -> this.jda.getTextChannelById(this.world.channel("general").id())
                .sendMessage("buy")
                .setComponents(ActionRow.of(Button.premium(SkuSnowflake.fromId(1300000000000000999L))))
                .complete())
            .satisfies((refused) -> assertThat(refused.getErrorCode()).isEqualTo(50057));
    }

    /** The bot: hears entitlement events, and answers /shop with a premium button. */
    private final class Bot extends ListenerAdapter {

        @Override
        public void onGenericEntitlement(GenericEntitlementEvent event) {
            JdaPremiumCompatibilityTests.this.events.add(event);
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            JdaPremiumCompatibilityTests.this.interactionSkus
                .add(event.getEntitlements().stream().map(Entitlement::getSkuId).toList());
            Button spotlight = Button.premium(SkuSnowflake.fromId(DefaultWorld.SPOTLIGHT_SKU));
            event.reply("Get a spotlight:").addComponents(ActionRow.of(spotlight)).queue();
        }

    }

}
