package io.github.jdaboot.discord.emoji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.jdaboot.discord.DiscordAutoConfiguration;
import io.github.jdaboot.emulator.DiscordEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.FileSystemUtils;

/**
 * The start of the application emoji tests, each test its own: a fresh emulator, an empty
 * folder of emoji images, and a runner of the Discord and application emoji
 * auto-configurations connecting to the emulator and reading that folder. Register on an
 * instance field:
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * final EmojiStartup startup = new EmojiStartup();
 * }</pre>
 */
final class EmojiStartup implements BeforeEachCallback, AfterEachCallback {

    private @Nullable DiscordEmulator discord;

    private @Nullable Path folder;

    private @Nullable ApplicationContextRunner runner;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        this.folder = Files.createTempDirectory("emojis");
        this.discord = DiscordEmulator.builder().build().start();
        this.runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(DiscordAutoConfiguration.class, ApplicationEmojiAutoConfiguration.class))
            .withPropertyValues("discord.rest-url=" + this.discord.restUrl(),
                    "discord.gateway-url=" + this.discord.gatewayUrl(), "discord.token=" + this.discord.token(),
                    "discord.emojis.location=file:" + this.folder + "/");
    }

    /** The emulator the application connects to. */
    DiscordEmulator discord() {
        return started(this.discord);
    }

    /** The folder of emoji images ({@code discord.emojis.location}). */
    Path folder() {
        return started(this.folder);
    }

    /** Runs the application against the emulator, reading the folder. */
    ApplicationContextRunner runner() {
        return started(this.runner);
    }

    /** Writes an image into the folder. */
    void write(String name, byte[] content) throws IOException {
        Files.write(folder().resolve(name), content);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (this.discord != null) {
                this.discord.close();
            }
        }
        finally {
            if (this.folder != null) {
                FileSystemUtils.deleteRecursively(this.folder);
            }
            this.discord = null;
            this.folder = null;
            this.runner = null;
        }
    }

    private static <T> T started(@Nullable T part) {
        if (part == null) {
            throw new IllegalStateException(
                    "EmojiStartup starts before each test; register it with" + " @RegisterExtension");
        }
        return part;
    }

}
