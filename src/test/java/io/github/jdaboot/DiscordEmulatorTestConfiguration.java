package io.github.jdaboot;

import java.time.Duration;

import io.github.jdaboot.emulator.DiscordEmulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Runs a {@link DiscordEmulator} inside the test's application context and points the bot at it,
 * as Testcontainers does for a database. The emulator stops with the context, after the bot has
 * closed its gateway session. {@code emulator.heartbeat-interval} shortens the heartbeat for tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DiscordEmulatorTestConfiguration {

    @Bean(destroyMethod = "close")
    DiscordEmulator discordEmulator(Environment environment) {
        Duration heartbeat = environment.getProperty("emulator.heartbeat-interval", Duration.class,
                Duration.ofMillis(41_250));
        return DiscordEmulator.builder().heartbeatInterval(heartbeat).build().start();
    }

    @Bean
    DynamicPropertyRegistrar discordEmulatorProperties(DiscordEmulator emulator) {
        return (registry) -> {
            registry.add("discord.token", emulator::token);
            registry.add("discord.rest-url", emulator::restUrl);
            registry.add("discord.gateway-url", emulator::gatewayUrl);
        };
    }
}
