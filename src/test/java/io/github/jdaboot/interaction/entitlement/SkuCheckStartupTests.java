package io.github.jdaboot.interaction.entitlement;

import io.github.jdaboot.discord.DiscordStartupException;
import io.github.jdaboot.emulator.DefaultWorld;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import io.github.jdaboot.testing.BotLauncher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The required SKUs checked against the application's when the bot starts against the
 * emulator: an SKU it does not have fails startup with what to set; the application's
 * SKUs are read once, and not at all when no handler requires one.
 */
@DisplayName("The SKUs of @RequiresEntitlement at startup")
class SkuCheckStartupTests {

    private static final String SKUS_ROUTE = "GET /applications/{application_id}/skus";

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("an SKU the application does not have: startup fails naming it, the handler and the application's SKUs")
    void unknownSku() {
        Throwable failure = catchThrowable(
                () -> this.bot.start(new Class<?>[] { PremiumCommand.class }, "--premium.sku=1300000000000000999"));
        Throwable cause = failure;
        while (cause != null && !(cause instanceof DiscordStartupException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a DiscordStartupException behind %s", failure)
            .isInstanceOf(DiscordStartupException.class)
            .hasMessageStartingWith("@RequiresEntitlement names SKU 1300000000000000999, which the application does"
                    + " not have (required by skuCheckStartupTests.PremiumCommand.vip())")
            .hasMessageContaining(DefaultWorld.IDEA_PRO_SKU + " (Idea Pro, durable)");
        assertThat(((DiscordStartupException) cause).getAction()).contains("Developer Portal");
    }

    @Test
    @DisplayName("the application's SKUs are read once when a handler requires one, and the bot starts")
    void knownSku() {
        this.bot.start(new Class<?>[] { PremiumCommand.class }, "--premium.sku=" + DefaultWorld.IDEA_PRO_SKU);
        assertThat(this.bot.discord().rest().requests()).filteredOn((request) -> SKUS_ROUTE.equals(request.route()))
            .hasSize(1);
    }

    @Test
    @DisplayName("no handler requires an SKU: nothing is asked")
    void noSkuRequired() {
        this.bot.start();
        assertThat(this.bot.discord().rest().requests()).noneMatch((request) -> SKUS_ROUTE.equals(request.route()));
    }

    static class PremiumCommand {

        @Command(name = "vip", description = "For those who bought it")
        @RequiresEntitlement(sku = "${premium.sku}")
        String vip() {
            return "vip";
        }

    }

}
