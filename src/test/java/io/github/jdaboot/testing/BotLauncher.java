package io.github.jdaboot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.jdaboot.DiscordBotApplication;
import io.github.jdaboot.emulator.DiscordEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For tests that start and stop the bot themselves (startup failures, fatal closes,
 * shutdown, several shards): a fresh {@link DiscordEmulator} before each test, the
 * application started against it on request, and both closed after the test, the bot
 * first.
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * final BotLauncher bot = BotLauncher.withEmulator();
 *
 *

&#64;Test
 * void stops() {
 *     ConfigurableApplicationContext context = this.bot.start("--discord.shards-total=2");
 *     this.bot.discord().gateway().close(4004);
 * }
 * }</pre>
 */
public final class BotLauncher implements BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<DiscordEmulator.Builder> emulator;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private @Nullable DiscordEmulator discord;

    private BotLauncher(UnaryOperator<DiscordEmulator.Builder> emulator) {
        this.emulator = emulator;
    }

    /** An emulator with its defaults for each test. */
    public static BotLauncher withEmulator() {
        return withEmulator(UnaryOperator.identity());
    }

    /** An emulator built with these settings for each test. */
    public static BotLauncher withEmulator(UnaryOperator<DiscordEmulator.Builder> settings) {
        return new BotLauncher(settings);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        this.discord = this.emulator.apply(DiscordEmulator.builder()).build().start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            this.contexts.reversed().forEach(ConfigurableApplicationContext::close);
            this.contexts.clear();
        }
        finally {
            discord().close();
        }
    }

    /** This test's emulator. */
    public DiscordEmulator discord() {
        if (this.discord == null) {
            throw new IllegalStateException("The emulator starts before each test; register BotLauncher with"
                    + " @RegisterExtension on an instance field");
        }
        return this.discord;
    }

    /**
     * Starts the application (no web server) against the emulator, with these arguments.
     */
    public ConfigurableApplicationContext start(String... args) {
        return start(new Class<?>[0], args);
    }

    /**
     * Starts the application with its web server on a free port (Actuator over HTTP),
     * against the emulator; the port is {@code local.server.port} in the context's
     * environment.
     */
    public ConfigurableApplicationContext startServing(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server.port=0");
        return start(new Class<?>[0], WebApplicationType.SERVLET, all.toArray(String[]::new));
    }

    /**
     * Starts the application with more configuration classes (test commands), against the
     * emulator. The token and the URLs are the emulator's unless the arguments set them
     * (or the token file, or a config tree).
     */
    public ConfigurableApplicationContext start(Class<?>[] sources, String... args) {
        return start(sources, WebApplicationType.NONE, args);
    }

    private ConfigurableApplicationContext start(Class<?>[] sources, WebApplicationType web, String... args) {
        DiscordEmulator emulator = discord();
        List<String> all = new ArrayList<>(List.of(args));
        for (String connection : List.of("--discord.token=" + emulator.token(),
                "--discord.rest-url=" + emulator.restUrl(), "--discord.gateway-url=" + emulator.gatewayUrl())) {
            String key = connection.substring(0, connection.indexOf('='));
            boolean configTree = key.equals("--discord.token") && all.stream()
                .anyMatch((arg) -> arg.startsWith("--spring.config.import=") && arg.contains("configtree:"));
            if (!configTree
                    && all.stream().noneMatch((arg) -> arg.startsWith(key + "=") || arg.startsWith(key + "-file="))) {
                all.add(connection);
            }
        }
        List<Class<?>> classes = new ArrayList<>(List.of(sources));
        classes.addFirst(DiscordBotApplication.class);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(classes.toArray(Class<?>[]::new)).web(web)
            .run(all.toArray(String[]::new));
        this.contexts.add(context);
        return context;
    }

}
