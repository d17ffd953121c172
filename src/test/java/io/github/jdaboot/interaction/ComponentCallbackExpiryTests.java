package io.github.jdaboot.interaction;

import java.time.Duration;

import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A component sent with a callback expires after
 * {@code discord.commands.components.expire-after}: a click after that is told so,
 * instead of Discord's "This interaction failed".
 */
@DisplayName("Components with callbacks expire")
class ComponentCallbackExpiryTests {

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("a click after expire-after gets a polite \"this has expired\"")
    void expired() {
        this.bot.start(new Class<?>[] { FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class },
                "--discord.commands.components.expire-after=1s");
        World world = this.bot.discord().world();
        EmulatedMessage message = world.awaitReply(world.as("alice").says(world.channel("general"), ".mentionables"),
                Timeouts.ANSWER);
        String ping = message.components().get(1).path("components").get(0).path("custom_id").asString();
        long sent = System.nanoTime();

        await().pollDelay(Duration.ofMillis(1100)).until(() -> System.nanoTime() - sent > 1_000_000_000L);
        EmulatedMessage expired = world.as("bob").clicks(message, ping).awaitResponse(Timeouts.ANSWER);

        assertThat(expired.content()).isEqualTo("Sorry, this has expired. Run the command again to get a fresh one.");
        assertThat(expired.isEphemeral()).isTrue();
        assertThat(world.message(message.id()).orElseThrow().content()).isEqualTo("pick anyone");
    }

}
