package io.github.jdaboot;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.jdaboot.emulator.DefaultWorld;
import io.github.jdaboot.emulator.DiscordEmulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the bot against the built-in Discord emulator, with no Discord account or token:
 * {@code ./mvnw spring-boot:test-run}. The idea's premium offers are on, sold as the
 * emulator's SKUs. The emulator listens on port 8090 ({@code --emulator.port=N} to change
 * it, 0 for a free port) and serves a chat page for talking to the bot.
 * <p>
 * With Spring Boot DevTools on the class path, {@code ./mvnw compile} (or an IDE's build)
 * restarts the bot in a few seconds once it has finished; the emulator keeps running,
 * with its messages.
 * <p>
 * With {@code --emulator-only} it starts just the emulator, for a bot that runs elsewhere
 * (a jar or a container) pointed at it with {@code DISCORD_REST_URL},
 * {@code DISCORD_GATEWAY_URL} and {@code DISCORD_TOKEN=emulator-bot-token}.
 */
public final class TestDiscordBotApplication {

    private static final Logger log = LoggerFactory.getLogger(TestDiscordBotApplication.class);

    /**
     * Set once the emulator runs: a Spring Boot DevTools restart runs main() again, in
     * the same JVM.
     */
    private static final String RUNNING = "discord.emulator.running-port";

    private TestDiscordBotApplication() {
    }

    public static void main(String[] args) throws InterruptedException {
        // DevTools restarts once a build has finished (the build touches the file), not
        // halfway through it
        System.setProperty("spring.devtools.restart.trigger-file", ".reloadtrigger");
        String running = System.getProperty(RUNNING);
        if (running != null) {
            // a DevTools restart after a code change: the emulator (and its chat history)
            // carries on
            run(args, Integer.parseInt(running));
            return;
        }
        // the check of its traffic against Discord's spec is the test suite's
        DiscordEmulator emulator = DiscordEmulator.builder()
            .port(Integer.parseInt(option(args, "emulator.port", "8090")))
            .trafficChecks(false)
            .build()
            .start();
        System.setProperty(RUNNING, Integer.toString(emulator.port()));
        if (Arrays.asList(args).contains("--emulator-only")) {
            log.info("""

                    ----------------------------------------------------------------------
                      The Discord emulator is running (no bot). Chat page: {}
                      Point a bot at it with this environment (paste it before the command):

                      DISCORD_REST_URL={} DISCORD_GATEWAY_URL={} DISCORD_TOKEN={}
                    ----------------------------------------------------------------------""", emulator.chatUrl(),
                    emulator.restUrl(), emulator.gatewayUrl(), emulator.token());
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
            new CountDownLatch(1).await();
            return;
        }
        // on Ctrl+C the bot closes its session first, then the emulator goes: no
        // "Reconnect failed" on the way out
        SpringApplication.getShutdownHandlers().add(emulator::close);
        run(args, emulator.port());
    }

    /** Runs the bot against the emulator on this port. */
    private static void run(String[] args, int port) {
        String base = "http://127.0.0.1:" + port + "/";
        SpringApplication application = new SpringApplication(DiscordBotApplication.class);
        // Highest precedence: a DISCORD_TOKEN in the shell must not reach (and be
        // rejected by) the emulator.
        application.addInitializers((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("discordEmulator",
                    Map.of("discord.token", DiscordEmulator.DEFAULT_TOKEN, "discord.rest-url", base + "api/v10/",
                            "discord.gateway-url", "ws://127.0.0.1:" + port + "/",
                            // the idea's premium offers, sold as the emulator's SKUs
                            "idea.premium.sku", DefaultWorld.IDEA_PRO_SKU, "idea.premium.spotlight-sku",
                            DefaultWorld.SPOTLIGHT_SKU))));
        application.addListeners((ApplicationReadyEvent event) -> {
            String serverPort = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
            log.info("""

                    ----------------------------------------------------------------------
                      The bot is running against the Discord emulator (no Discord needed).
                      Chat with it:  {}emulator/
                      Health:        http://localhost:{}/actuator/health
                      Emulator API:  POST {}emulator/messages  {"content": ".idea"}
                    ----------------------------------------------------------------------""", base, serverPort, base);
        });
        application.run(args);
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

}
