package io.github.jdaboot.interaction.guard;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedRole;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.FrameworkTestCommands;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards as beans: cooldowns per user, channel or server, and a guard a user writes, on
 * commands and on component handlers alike.
 */
@DiscordBotTest
@Import({ FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class })
@DisplayName("Guards: scoped cooldowns and a custom guard bean")
class GuardsEndToEndTests {

    private final World world;

    GuardsEndToEndTests(DiscordEmulator discord) {
        this.world = discord.world();
    }

    @Test
    @DisplayName("a channel cooldown: another user in that channel waits, the same user elsewhere does not")
    void channelCooldown() {
        assertThat(reply("general", "alice", ".channelcool")).isEqualTo("channel ok");
        assertThat(reply("general", "bob", ".channelcool"))
            .matches("Slow down, please: this channel can use \\.channelcool again in \\d+ seconds\\.");
        assertThat(reply("random", "bob", ".channelcool")).isEqualTo("channel ok");
    }

    @Test
    @DisplayName("a server cooldown: everyone in the server waits, whatever the channel")
    void guildCooldown() {
        assertThat(reply("general", "alice", ".guildcool")).isEqualTo("guild ok");
        assertThat(reply("bot-lab", "carol", ".guildcool"))
            .matches("Slow down, please: this server can use \\.guildcool again in \\d+ seconds\\.");
    }

    @Test
    @DisplayName("a guard bean of one's own, on a command and on a button: the clicker must have the role")
    void customGuard() {
        EmulatedRole fans = this.world.guild().role("Idea Fans");
        this.world.grantRole(this.world.guild(), this.world.user("dora"), fans);
        assertThat(reply("general", "erin", ".fanclub")).isEqualTo("You need the Idea Fans role for .fanclub.");
        EmulatedMessage club = this.world
            .awaitReply(this.world.as("dora").says(this.world.channel("general"), ".fanclub"), Timeouts.ANSWER);
        assertThat(club.content()).isEqualTo("welcome, fan");

        assertThat(this.world.as("erin").clicks(club, "fanclub:cheer").awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("You need the Idea Fans role for this button.");
        assertThat(this.world.as("dora").clicks(club, "fanclub:cheer").awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("dora cheers");
    }

    private String reply(String channel, String user, String content) {
        return this.world.awaitReply(this.world.as(user).says(this.world.channel(channel), content), Timeouts.ANSWER)
            .content();
    }

}
