package io.github.jdaboot.command;

import java.time.Duration;

import io.github.jdaboot.DiscordEmulatorTestConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.RegisteredCommand;
import io.github.jdaboot.emulator.SlashCommand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code discord.commands.guilds}, slash commands are registered in those guilds (instant updates
 * while developing) and not globally.
 */
@SpringBootTest
@Import({ DiscordEmulatorTestConfiguration.class, GuildCommandRegistrationTests.InTheEmulatorsGuild.class })
@DisplayName("Registering slash commands in a guild")
class GuildCommandRegistrationTests {

    @Autowired
    private DiscordEmulator discord;

    @Test
    @DisplayName("commands land in the listed guild, none globally, and work there")
    void guildCommands() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !this.discord.commands(this.discord.guild().id()).isEmpty());

        assertThat(this.discord.commands(this.discord.guild().id())).extracting(RegisteredCommand::name)
            .containsExactlyInAnyOrder("idea", "help");
        assertThat(this.discord.commands(0)).isEmpty();
        assertThat(this.discord.slashCommand(SlashCommand.of("idea")).awaitResponse(Duration.ofSeconds(10)).content())
            .startsWith("Okay, so how about this: ");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InTheEmulatorsGuild {

        @Bean
        DynamicPropertyRegistrar commandGuilds(DiscordEmulator emulator) {
            return (registry) -> registry.add("discord.commands.guilds", () -> emulator.guild().idString());
        }
    }
}
