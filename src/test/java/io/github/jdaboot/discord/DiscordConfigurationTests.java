package io.github.jdaboot.discord;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.JdaEvents;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DiscordConfigurationTests {

    private DiscordEmulator discord;

    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        this.runner = new ApplicationContextRunner().withUserConfiguration(DiscordConfiguration.class)
            .withPropertyValues("discord.rest-url=" + this.discord.restUrl(),
                    "discord.gateway-url=" + this.discord.gatewayUrl());
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    @Test
    void missingTokenFailsBeforeAnythingConnects() {
        this.runner.run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(DiscordStartupException.class)
                .hasMessageStartingWith("No Discord bot token is configured");
        });
        assertThat(this.discord.rest().requests()).isEmpty();
    }

    @Test
    void shardManagerUsesTheConfiguredIntents() {
        this.runner.withPropertyValues("discord.token=" + this.discord.token(),
                "discord.intents=guild-messages,message-content")
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(ShardManager.class);
                assertThat(context.getBean(ShardManager.class).getGatewayIntents())
                    .contains(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                    .doesNotContain(GatewayIntent.DIRECT_MESSAGES, GatewayIntent.GUILD_MEMBERS);
            });
    }

    @Test
    void beansThatAreJdaListenersAreRegistered() {
        this.runner.withPropertyValues("discord.token=" + this.discord.token())
            .withBean(JdaEvents.class)
            .run((context) -> assertThat(context.getBean(ShardManager.class).getShards().getFirst()
                .getRegisteredListeners()).contains(context.getBean(JdaEvents.class)));
    }
}
