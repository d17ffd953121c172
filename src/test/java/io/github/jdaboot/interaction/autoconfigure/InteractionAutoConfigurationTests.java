package io.github.jdaboot.interaction.autoconfigure;

import java.time.Duration;

import io.github.jdaboot.interaction.dispatch.InteractionDispatcher;
import io.github.jdaboot.interaction.handler.CommandHandlerMapping;
import io.github.jdaboot.interaction.handler.PrefixCommandMapping;
import io.github.jdaboot.interaction.help.HelpCommand;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.observation.InteractionMetrics;
import io.github.jdaboot.interaction.registration.CommandSynchronizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interaction framework's auto-configuration and each of its conditions, as Spring
 * Boot tests its own.
 */
@DisplayName("Command framework auto-configuration")
class InteractionAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class));

    @Test
    @DisplayName("by default: the help command, prefix commands, registration and the dispatcher")
    void defaults() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed()
                .hasSingleBean(HelpCommand.class)
                .hasSingleBean(PrefixCommandMapping.class)
                .hasSingleBean(CommandSynchronizer.class)
                .hasSingleBean(InteractionDispatcher.class);
            assertThat(context.getBean(CommandHandlerMapping.class).getCommand("help")).isPresent();
        });
    }

    @Test
    @DisplayName("discord.commands.help.enabled=false: no help command, and no /help registered")
    void helpOff() {
        this.runner.withPropertyValues("discord.commands.help.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(HelpCommand.class);
            assertThat(context.getBean(CommandHandlerMapping.class).getCommand("help")).isEmpty();
            assertThat(context.getBean(CommandSynchronizer.class).desired()).isEmpty();
        });
    }

    @Test
    @DisplayName("discord.commands.prefix-commands.enabled=false: messages are not read for commands")
    void prefixCommandsOff() {
        this.runner.withPropertyValues("discord.commands.prefix-commands.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(PrefixCommandMapping.class)
                .hasSingleBean(InteractionDispatcher.class));
    }

    @Test
    @DisplayName("discord.commands.register=false: nothing is registered with Discord")
    void registrationOff() {
        this.runner.withPropertyValues("discord.commands.register=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CommandSynchronizer.class));
    }

    @Test
    @DisplayName("a bean of the application's own replaces the framework's")
    void userBeanBacksOff() {
        ComponentCallbacks own = new ComponentCallbacks(5, Duration.ofMinutes(1));
        this.runner.withBean(ComponentCallbacks.class, () -> own).run((context) -> {
            assertThat(context).hasSingleBean(ComponentCallbacks.class);
            assertThat(context.getBean(ComponentCallbacks.class)).isSameAs(own);
        });
    }

    @Test
    @DisplayName("the interaction metrics are a MeterBinder: registered at 0 once bound")
    void metricsAtZero() {
        this.runner.run((context) -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(InteractionMetrics.class).bindTo(registry);
            assertThat(registry.get("discord.interactions.late").counters()).hasSize(2)
                .allSatisfy((counter) -> assertThat(counter.count()).isZero());
            assertThat(registry.get("discord.interactions.acknowledgement").timers()).hasSize(2);
        });
    }

    @Test
    @DisplayName("bad settings fail at startup with Spring Boot's message naming the property")
    void validated() {
        this.runner
            .withPropertyValues("discord.commands.prefix=two words", "discord.commands.defer-after=5s",
                    "discord.commands.max-concurrent=0")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("discord.commands.prefix")
                    .hasMessageContaining("must be 1 to 5 characters without spaces")
                    .hasMessageContaining("discord.commands.defer-after")
                    .hasMessageContaining("must be at most 2500ms")
                    .hasMessageContaining("discord.commands.max-concurrent");
            });
    }

}
