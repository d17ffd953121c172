package io.github.jdaboot.interaction.entitlement;

import java.util.List;

import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import io.github.jdaboot.interaction.autoconfigure.InteractionAutoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The SKUs that handlers require, read and checked at startup: placeholders resolved, on
 * methods and classes, and every declaration that cannot work failing startup with the
 * bean and the method.
 */
@DisplayName("@RequiresEntitlement declarations at startup")
class RequiredSkusTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class))
        .withPropertyValues("discord.commands.help.enabled=false");

    @Test
    @DisplayName("SKUs on commands, components and forms, from properties or literal, on the method or its class")
    void read() {
        this.runner.withPropertyValues("shop.pro=1088510058284990888")
            .withBean("premium", Premium.class)
            .withBean("allPremium", AllPremium.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(RequiredSkus.class).handlersBySku()).containsOnly(
                        entry("1088510058284990888",
                                List.of("premium.pro()", "premium.proButton()", "allPremium.form()")),
                        entry("1088510058284990999", List.of("premium.either()")), entry("1088510058284990777",
                                List.of("premium.either()", "allPremium.vip()", "allPremium.form()")));
            });
    }

    @Test
    @DisplayName("no handler requires an SKU: nothing to check")
    void none() {
        this.runner.run((context) -> assertThat(context.getBean(RequiredSkus.class).handlersBySku()).isEmpty());
    }

    @Test
    @DisplayName("a placeholder with no value fails startup, naming the method and the property")
    void unresolved() {
        this.runner.withBean("premium", Premium.class)
            .run((context) -> assertThat(context).getFailure()
                .hasMessageContaining("Invalid @RequiresEntitlement method premium.pro()")
                .hasMessageContaining("sku \"${shop.pro}\" cannot be resolved")
                .hasMessageContaining("shop.pro"));
    }

    @Test
    @DisplayName("an SKU that is not a snowflake fails startup, naming the method and what was given")
    void notASnowflake() {
        this.runner.withPropertyValues("shop.pro=pro-monthly")
            .withBean("premium", Premium.class)
            .run((context) -> assertThat(context).getFailure()
                .hasMessageContaining("Invalid @RequiresEntitlement method premium.pro()")
                .hasMessageContaining("sku \"${shop.pro}\" (\"pro-monthly\") is not an SKU id"));
        this.runner.withBean("empty", NoSku.class)
            .run((context) -> assertThat(context).getFailure()
                .hasMessageContaining("Invalid @RequiresEntitlement method empty.free()")
                .hasMessageContaining("it names no SKU"));
    }

    static class Premium {

        @Command(name = "pro", description = "A premium command")
        @RequiresEntitlement(sku = "${shop.pro}")
        String pro() {
            return "pro";
        }

        @ComponentHandler("pro:button")
        @RequiresEntitlement(sku = "${shop.pro}")
        String proButton() {
            return "pro";
        }

        @Command(name = "either", description = "Any of two SKUs")
        @RequiresEntitlement(sku = { "1088510058284990999", " 1088510058284990777 ", "1088510058284990999" })
        String either() {
            return "either";
        }

        @Command(name = "free", description = "No SKU")
        String free() {
            return "free";
        }

    }

    @RequiresEntitlement(sku = "1088510058284990777")
    static class AllPremium {

        @ModalHandler("pro:form")
        @RequiresEntitlement(sku = { "1088510058284990888", "1088510058284990777" })
        String form() {
            return "form";
        }

        @Command(name = "vip", description = "Every handler of the class")
        String vip() {
            return "vip";
        }

    }

    static class NoSku {

        @Command(name = "free", description = "Names none")
        @RequiresEntitlement(sku = {})
        String free() {
            return "free";
        }

    }

}
