package io.github.jdaboot.testing;

import java.time.Duration;

import io.github.jdaboot.emulator.DiscordEmulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Runs a {@link DiscordEmulator} inside the test's application context and points the bot
 * at it, as Testcontainers does for a database, and records the JDA events the bot
 * receives. The emulator stops with the context, after the bot has closed its gateway
 * session (lifecycle beans stop before singletons are destroyed). Its heartbeat interval
 * is {@code emulator.heartbeat-interval}, 500 ms unless set: short, so that tests of
 * heartbeats and of zombie connections run in seconds, yet long enough that a loaded
 * machine does not miss two ACKs in a row (JDA's zombie threshold). Everything it sends
 * is checked against Discord's OpenAPI spec unless {@code emulator.traffic-checks=false}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DiscordEmulatorTestConfiguration {

    @Bean(destroyMethod = "close")
    DiscordEmulator discordEmulator(Environment environment) {
        Duration heartbeat = environment.getProperty("emulator.heartbeat-interval", Duration.class,
                Duration.ofMillis(500));
        return DiscordEmulator.builder()
            .heartbeatInterval(heartbeat)
            .trafficChecks(environment.getProperty("emulator.traffic-checks", Boolean.class, true))
            .build()
            .start();
    }

    @Bean
    DynamicPropertyRegistrar discordEmulatorProperties(DiscordEmulator emulator) {
        return (registry) -> {
            registry.add("discord.token", emulator::token);
            registry.add("discord.rest-url", emulator::restUrl);
            registry.add("discord.gateway-url", emulator::gatewayUrl);
        };
    }

    @Bean
    JdaEvents jdaEvents() {
        return new JdaEvents();
    }

}
