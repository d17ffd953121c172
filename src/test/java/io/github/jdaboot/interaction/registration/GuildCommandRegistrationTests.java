package io.github.jdaboot.interaction.registration;

import io.github.jdaboot.emulator.RegisteredCommand;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code discord.commands.guilds}, slash commands are registered in those guilds
 * (instant updates while developing) and not globally.
 */
@DisplayName("Registering slash commands in a guild")
class GuildCommandRegistrationTests {

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("commands land in the listed guild, none globally, and work there")
    void guildCommands() {
        World world = this.bot.discord().world();
        this.bot.start("--discord.commands.guilds=" + world.guild().idString());

        await().until(() -> !world.commands(world.guild().id()).isEmpty());
        assertThat(world.commands(world.guild().id())).extracting(RegisteredCommand::name)
            .containsExactlyInAnyOrder("idea", "suggest", "idea-poll", "help", "Idea from this message");
        assertThat(world.commands(0)).isEmpty();
        assertThat(world.as("alice").runs(SlashCommand.of("idea")).awaitResponse(Timeouts.ANSWER).text())
            .startsWith("Okay, so how about this: ");
    }

}
