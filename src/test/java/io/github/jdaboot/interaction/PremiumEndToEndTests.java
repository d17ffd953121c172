package io.github.jdaboot.interaction;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.emulator.DefaultWorld;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedEntitlement;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedModal;
import io.github.jdaboot.emulator.EmulatedSku;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.events.entitlement.EntitlementCreateEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementDeleteEvent;
import net.dv8tion.jda.api.events.entitlement.EntitlementUpdateEvent;
import net.dv8tion.jda.api.events.entitlement.GenericEntitlementEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Premium features over the wire: {@code @RequiresEntitlement} on slash and prefix
 * commands, buttons and forms answers a user without the SKU with Discord's premium
 * button and runs for one with it; entitlements bought, granted through the control API,
 * ended and taken back; consumables used up; the entitlement events at
 * {@code @EventListener} methods. Each test acts as users of its own.
 */
@DiscordBotTest(properties = { PremiumTestCommands.PRO, PremiumTestCommands.SPOTLIGHT })
@Import(PremiumTestCommands.class)
@DisplayName("Premium features: the entitlement guard, entitlements, consumables and events")
class PremiumEndToEndTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DiscordEmulator discord;

    private final World world;

    private final PremiumTestCommands commands;

    private final ApplicationEntitlements entitlements;

    PremiumEndToEndTests(DiscordEmulator discord, PremiumTestCommands commands, ApplicationEntitlements entitlements) {
        this.discord = discord;
        this.world = discord.world();
        this.commands = commands;
        this.entitlements = entitlements;
    }

    @Test
    @DisplayName("/pro without Idea Pro: Discord's premium button for it, only to the user; once bought, it runs")
    void slashCommand() {
        EmulatedMessage refused = this.world.as("priya").runs(SlashCommand.of("pro")).awaitResponse(Timeouts.ANSWER);
        assertThat(refused.content()).isEqualTo("/pro is a premium feature: you can get it with the button below.");
        assertThat(refused.isEphemeral()).isTrue();
        assertPremiumButton(refused, DefaultWorld.IDEA_PRO_SKU);

        this.world.as("priya").buys(this.world.sku("Idea Pro"));
        assertThat(this.world.as("priya").runs(SlashCommand.of("pro")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("pro for priya");
    }

    @Test
    @DisplayName(".pro: the entitlements come from the application's list in memory, not from a request per command")
    void prefixCommand() {
        // listed when the session started, beside the commands' registration the test
        // waited for
        await().atMost(Timeouts.ANSWER).until(this.entitlements::isWhole);
        int before = this.discord.rest().requests().size();
        EmulatedMessage refused = this.world
            .awaitReply(this.world.as("quinn").says(this.world.channel("general"), ".pro"), Timeouts.ANSWER);
        assertThat(refused.content()).isEqualTo(".pro is a premium feature: you can get it with the button below.");
        assertPremiumButton(refused, DefaultWorld.IDEA_PRO_SKU);

        this.world.as("quinn").buys(this.world.sku("Idea Pro"));
        assertThat(this.world
            .awaitReply(this.world.as("quinn").says(this.world.channel("general"), ".pro"), Timeouts.ANSWER)
            .content()).isEqualTo("pro for quinn");
        List<RecordedRequest> requests = this.discord.rest().requests();
        assertThat(requests.subList(before, requests.size())).extracting(RecordedRequest::route)
            .doesNotContain("GET /applications/{application_id}/entitlements");
    }

    @Test
    @DisplayName("a prefix command that asks for its entitlements stays on JDA's event thread when they are in memory")
    void prefixCommandOnTheEventThread() {
        await().atMost(Timeouts.ANSWER).until(this.entitlements::isWhole);
        this.world.as("quentin").buys(this.world.sku("Idea Club"));
        assertThat(this.world
            .awaitReply(this.world.as("quentin").says(this.world.directChannel(this.world.user("quentin")), ".where"),
                    Timeouts.ANSWER)
            .content()).isEqualTo("event thread, 1 entitlement(s)");
    }

    @Test
    @DisplayName("any of several SKUs: a subscription runs /club until it ends, then the premium button offers the first")
    void anyOfSeveral() {
        EmulatedEntitlement club = this.world.as("rosa").buys(this.world.sku("Idea Club"));
        assertThat(this.world.as("rosa").runs(SlashCommand.of("club")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("welcome to the club");

        this.world.endSubscription(club);
        EmulatedMessage refused = this.world.as("rosa").runs(SlashCommand.of("club")).awaitResponse(Timeouts.ANSWER);
        assertPremiumButton(refused, DefaultWorld.IDEA_CLUB_SKU);
    }

    @Test
    @DisplayName("a button and a form behind Idea Pro: the clicker's and the submitter's entitlements count")
    void componentsAndForms() {
        EmulatedMessage panel = this.world.as("sam").runs(SlashCommand.of("propanel")).awaitResponse(Timeouts.ANSWER);
        EmulatedMessage refused = this.world.as("tess").clicks(panel, "pro:button").awaitResponse(Timeouts.ANSWER);
        assertThat(refused.content())
            .isEqualTo("This button is a premium feature: you can get it with the button below.");
        assertThat(refused.isEphemeral()).isTrue();
        assertPremiumButton(refused, DefaultWorld.IDEA_PRO_SKU);
        EmulatedModal form = this.world.as("tess").clicks(panel, "pro:form").awaitModal(Timeouts.ANSWER);
        EmulatedMessage refusedForm = this.world.as("tess")
            .submits(form, Map.of("wish", "a pony"))
            .awaitResponse(Timeouts.ANSWER);
        assertThat(refusedForm.content())
            .isEqualTo("This form is a premium feature: you can get it with the button below.");
        assertPremiumButton(refusedForm, DefaultWorld.IDEA_PRO_SKU);

        this.world.as("tess").buys(this.world.sku("Idea Pro"));
        assertThat(this.world.as("tess").clicks(panel, "pro:button").awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("button for tess");
        EmulatedModal again = this.world.as("tess").clicks(panel, "pro:form").awaitModal(Timeouts.ANSWER);
        assertThat(
                this.world.as("tess").submits(again, Map.of("wish", "a pony")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("wished a pony");
    }

    @Test
    @DisplayName("an SKU granted through the emulator's control API, then taken back")
    void grantedThenRevoked() throws Exception {
        HttpResponse<String> granted = control("POST", "entitlements",
                "{\"user\":\"ugo\",\"sku_id\":\"" + DefaultWorld.IDEA_PRO_SKU + "\"}");
        assertThat(granted.statusCode()).isEqualTo(201);
        JsonNode entitlement = JSON.readTree(granted.body());
        assertThat(entitlement.path("active").asBoolean()).isTrue();
        assertThat(this.world.as("ugo").runs(SlashCommand.of("pro")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("pro for ugo");

        assertThat(control("DELETE", "entitlements/" + entitlement.path("id").asString(), null).statusCode())
            .isEqualTo(200);
        assertPremiumButton(this.world.as("ugo").runs(SlashCommand.of("pro")).awaitResponse(Timeouts.ANSWER),
                DefaultWorld.IDEA_PRO_SKU);
    }

    @Test
    @DisplayName("a consumable is used up once, on either surface, and can then be bought again")
    void consume() {
        EmulatedSku spotlight = this.world.sku("Spotlight");
        EmulatedEntitlement coin = this.world.as("vic").buys(spotlight);
        assertThat(this.world.as("vic").runs(SlashCommand.of("coin")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("coin used");
        assertThat(this.world.entitlement(coin.id())).get().extracting(EmulatedEntitlement::consumed).isEqualTo(true);
        assertThat(this.world.as("vic").runs(SlashCommand.of("coin")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("no coin");

        EmulatedEntitlement second = this.world.as("vic").buys(spotlight);
        assertThat(this.world
            .awaitReply(this.world.as("vic").says(this.world.channel("general"), ".coin"), Timeouts.ANSWER)
            .content()).isEqualTo("coin used");
        assertThat(this.world.entitlement(second.id())).get().extracting(EmulatedEntitlement::consumed).isEqualTo(true);
    }

    @Test
    @DisplayName("a server's subscription counts for every member, in interactions and in prefix commands")
    void guildSubscription() {
        EmulatedSku boost = this.world.skus()
            .stream()
            .filter((sku) -> sku.name().equals("Server Boost") && sku.isSubscription())
            .findFirst()
            .orElseGet(() -> this.world.addGuildSubscription("Server Boost", "$4.99"));
        this.world.as("wes").buys(boost, this.world.guild());
        String expected = boost.idString();
        assertThat(this.world.as("xena").runs(SlashCommand.of("mine")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo(expected);
        assertThat(this.world
            .awaitReply(this.world.as("xena").says(this.world.channel("general"), ".mine"), Timeouts.ANSWER)
            .content()).isEqualTo(expected);
        assertThat(this.world
            .awaitReply(this.world.as("xena").says(this.world.directChannel(this.world.user("xena")), ".mine"),
                    Timeouts.ANSWER)
            .content()).as("in a direct message, only the user's own").isEqualTo("none");
    }

    @Test
    @DisplayName("ENTITLEMENT_CREATE, _UPDATE and _DELETE reach @EventListener methods")
    void events() {
        EmulatedEntitlement club = this.world.as("yara").buys(this.world.sku("Idea Club"));
        this.world.endSubscription(club);
        this.world.revoke(club);
        await().untilAsserted(() -> assertThat(this.commands.events)
            .filteredOn((event) -> event.getEntitlement().getIdLong() == club.id())
            .extracting((event) -> event.getClass().getSimpleName())
            .containsExactly(EntitlementCreateEvent.class.getSimpleName(), EntitlementUpdateEvent.class.getSimpleName(),
                    EntitlementDeleteEvent.class.getSimpleName()));
        List<GenericEntitlementEvent> events = this.commands.events.stream()
            .filter((event) -> event.getEntitlement().getIdLong() == club.id())
            .toList();
        assertThat(events.getFirst().getEntitlement().getSkuId()).isEqualTo(DefaultWorld.IDEA_CLUB_SKU);
        assertThat(events.getFirst().getEntitlement().getUserIdLong()).isEqualTo(this.world.user("yara").id());
        assertThat(events.get(1).getEntitlement().getTimeEnding()).isNotNull();
        assertThat(events.get(2).getEntitlement().isDeleted()).isTrue();
    }

    private static void assertPremiumButton(EmulatedMessage message, String sku) {
        assertThat(message.components()).singleElement().satisfies((row) -> {
            JsonNode button = row.path("components").path(0);
            assertThat(button.path("type").asInt()).isEqualTo(2);
            assertThat(button.path("style").asInt()).as("Discord's premium style").isEqualTo(6);
            assertThat(button.path("sku_id").asString()).isEqualTo(sku);
            assertThat(button.has("custom_id") || button.has("label")).as("no custom id, no label").isFalse();
        });
    }

    private HttpResponse<String> control(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.discord.chatUrl() + path))
            .timeout(Timeouts.ANSWER)
            .method(method,
                    (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

}
