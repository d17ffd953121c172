package io.github.jdaboot.testing;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.World;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.awaitility.Awaitility.await;

/**
 * Before each test of a {@link DiscordBotTest}, waits until the bot registered its
 * application commands with the emulator (unless {@code discord.commands.register} is
 * off): the bot registers them after READY, while the context is already up, and a test
 * that runs a slash command first must not race that. A bulk overwrite stores the whole
 * list at once, so any command present means all are.
 */
class AwaitCommandsRegistered implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        if (!application.getEnvironment().getProperty("discord.commands.register", Boolean.class, true)) {
            return;
        }
        World world = application.getBean(DiscordEmulator.class).world();
        await("the bot's application commands registered with the emulator").atMost(Timeouts.RECOVERY)
            .until(() -> !world.commands(0).isEmpty()
                    || world.guilds().stream().anyMatch((guild) -> !world.commands(guild.id()).isEmpty()));
    }

}
