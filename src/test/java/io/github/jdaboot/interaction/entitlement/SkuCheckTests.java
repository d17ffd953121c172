package io.github.jdaboot.interaction.entitlement;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.jdaboot.discord.DiscordStartupException;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import io.github.jdaboot.interaction.autoconfigure.InteractionAutoConfiguration;
import net.dv8tion.jda.api.entities.SKU;
import net.dv8tion.jda.api.entities.SKUFlag;
import net.dv8tion.jda.api.entities.SKUType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the check of the required SKUs finds in the application's SKUs as JDA reads them;
 * the failure of a real startup is in {@code PremiumEndToEndTests}.
 */
@DisplayName("The required SKUs against the application's")
class SkuCheckTests {

    private static final SKU PRO = new TestSku(1088510058284990888L, SKUType.DURABLE, "Idea Pro");

    private static final SKU GROUP = new TestSku(1088510058284990001L, SKUType.SUBSCRIPTION_GROUP, "Monthly");

    private static final SKU MONTHLY = new TestSku(1088510058284990002L, SKUType.SUBSCRIPTION, "Monthly");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class))
        .withPropertyValues("discord.commands.help.enabled=false")
        .withBean("premium", Premium.class);

    @Test
    @DisplayName("every required SKU is the application's: nothing to say")
    void known() {
        this.runner.withPropertyValues("shop.sku=1088510058284990888")
            .run((context) -> assertThat(check(context.getBean(RequiredSkus.class)).problem(List.of(GROUP, PRO)))
                .isEmpty());
    }

    @Test
    @DisplayName("an SKU the application lacks: the SKU, the handler, the application's SKUs and what to set")
    void unknown() {
        this.runner.withPropertyValues("shop.sku=1088510058284990555").run((context) -> {
            DiscordStartupException problem = check(context.getBean(RequiredSkus.class))
                .problem(List.of(PRO, GROUP, MONTHLY))
                .orElseThrow();
            assertThat(problem.getMessage()).isEqualTo("@RequiresEntitlement names SKU 1088510058284990555, which the"
                    + " application does not have (required by premium.pro()). The application's SKUs:"
                    + " 1088510058284990888 (Idea Pro, durable), 1088510058284990001 (Monthly, subscription_group),"
                    + " 1088510058284990002 (Monthly, subscription).");
            assertThat(problem.getAction()).startsWith("Set the SKU id (or the property it is read from) to one of the"
                    + " application's SKUs, listed in the Developer Portal");
            assertThat(check(context.getBean(RequiredSkus.class)).problem(List.of()).orElseThrow().getMessage())
                .endsWith("The application has no SKUs.");
        });
    }

    @Test
    @DisplayName("the group Discord makes for a subscription: use the subscription's own SKU")
    void subscriptionGroup() {
        this.runner.withPropertyValues("shop.sku=1088510058284990001").run((context) -> {
            DiscordStartupException problem = check(context.getBean(RequiredSkus.class))
                .problem(List.of(PRO, GROUP, MONTHLY))
                .orElseThrow();
            assertThat(problem.getMessage()).contains("SKU 1088510058284990001 (Monthly), the group Discord makes");
            assertThat(problem.getAction()).startsWith("Use the subscription's SKU, 1088510058284990002, instead");
        });
    }

    private static SkuCheck check(RequiredSkus skus) {
        return new SkuCheck(skus, Duration.ofSeconds(1), List::of);
    }

    static class Premium {

        @Command(name = "pro", description = "A premium command")
        @RequiresEntitlement(sku = "${shop.sku}")
        String pro() {
            return "pro";
        }

    }

    /** An SKU as JDA reads it from Discord's JSON. */
    record TestSku(long id, SKUType type, String name) implements SKU {

        @Override
        public long getIdLong() {
            return this.id;
        }

        @Override
        public SKUType getType() {
            return this.type;
        }

        @Override
        public String getName() {
            return this.name;
        }

        @Override
        public String getSlug() {
            return this.name.toLowerCase(Locale.ROOT);
        }

        @Override
        public Set<SKUFlag> getFlags() {
            return EnumSet.of(SKUFlag.AVAILABLE);
        }

    }

}
