package io.github.jdaboot.interaction;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedSku;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prefix commands while the application's entitlements are not in memory (here: never,
 * the application's own {@link ApplicationEntitlements} lists nothing): each run looks
 * its entitlements up from Discord, on a virtual thread of its own.
 */
@DiscordBotTest(properties = { PremiumTestCommands.PRO, PremiumTestCommands.SPOTLIGHT })
@Import({ PremiumTestCommands.class, EntitlementsLookedUpEndToEndTests.NeverListed.class })
@DisplayName("Entitlements not in memory: a prefix command looks them up from Discord")
class EntitlementsLookedUpEndToEndTests {

    private static final String LIST = "GET /applications/{application_id}/entitlements";

    private final DiscordEmulator discord;

    private final World world;

    EntitlementsLookedUpEndToEndTests(DiscordEmulator discord) {
        this.discord = discord;
        this.world = discord.world();
    }

    @Test
    @DisplayName(".pro: the user's and the server's entitlements are asked of Discord, on a thread of the run's own")
    void lookedUp() {
        long userId = this.world.user("abe").id();
        assertThat(
                this.world.awaitReply(this.world.as("abe").says(this.world.channel("general"), ".pro"), Timeouts.ANSWER)
                    .content())
            .isEqualTo(".pro is a premium feature: you can get it with the button below.");
        assertThat(this.discord.rest().requests()).filteredOn((request) -> LIST.equals(request.route()))
            .extracting((request) -> request.request().query())
            .anySatisfy((query) -> assertThat(query).containsEntry("user_id", Long.toUnsignedString(userId))
                .containsEntry("exclude_ended", "true"))
            .anySatisfy((query) -> assertThat(query).containsEntry("guild_id", this.world.guild().idString()));

        this.world.as("abe").buys(this.world.sku("Idea Pro"));
        assertThat(
                this.world.awaitReply(this.world.as("abe").says(this.world.channel("general"), ".pro"), Timeouts.ANSWER)
                    .content())
            .isEqualTo("pro for abe");
        assertThat(this.world
            .awaitReply(this.world.as("abe").says(this.world.directChannel(this.world.user("abe")), ".where"),
                    Timeouts.ANSWER)
            .content()).isEqualTo("own thread, 1 entitlement(s)");
    }

    @Test
    @DisplayName("in a direct message, only the user's own: not a server's subscription the user bought")
    void onlyTheUsersOwnInADirectMessage() {
        EmulatedSku boost = this.world.skus()
            .stream()
            .filter((sku) -> sku.name().equals("Server Boost") && sku.isSubscription())
            .findFirst()
            .orElseGet(() -> this.world.addGuildSubscription("Server Boost", "$4.99"));
        this.world.as("bea").buys(boost, this.world.guild());
        assertThat(this.world
            .awaitReply(this.world.as("bea").says(this.world.channel("general"), ".mine"), Timeouts.ANSWER)
            .content()).contains(boost.idString());
        assertThat(this.world
            .awaitReply(this.world.as("bea").says(this.world.directChannel(this.world.user("bea")), ".mine"),
                    Timeouts.ANSWER)
            .content()).isEqualTo("none");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class NeverListed {

        @Bean
        ApplicationEntitlements applicationEntitlements() {
            return new ApplicationEntitlements(() -> false);
        }

    }

}
