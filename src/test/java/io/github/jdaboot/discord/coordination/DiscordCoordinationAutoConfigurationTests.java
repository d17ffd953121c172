package io.github.jdaboot.discord.coordination;

import java.io.IOException;
import java.net.ServerSocket;

import io.github.jdaboot.discord.DiscordAutoConfiguration;
import io.github.jdaboot.discord.DiscordHealthContributorAutoConfiguration;
import io.github.jdaboot.discord.DiscordStartupException;
import io.github.jdaboot.discord.EventClaims;
import io.github.jdaboot.discord.ShardAssignment;
import io.github.jdaboot.emulator.DiscordEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coordination's auto-configuration and each of its conditions, as Spring Boot tests
 * its own: off without {@code discord.coordination.redis-url}; on with it, even with no
 * Redis to reach (the process starts and says so); bad settings fail with what to set.
 * The contexts start against the emulator and a Redis address where nothing listens.
 */
@DisplayName("Coordination auto-configuration")
class DiscordCoordinationAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(DiscordAutoConfiguration.class,
            DiscordHealthContributorAutoConfiguration.class, DiscordCoordinationAutoConfiguration.class);

    private DiscordEmulator discord;

    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        this.runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withPropertyValues("discord.token=" + this.discord.token(), "discord.rest-url=" + this.discord.restUrl(),
                    "discord.gateway-url=" + this.discord.gatewayUrl());
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    private static String nobodyListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "discord.coordination.redis-url=redis://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    @DisplayName("without discord.coordination.redis-url: no coordination, every event answered")
    void offWithoutRedisUrl() {
        this.runner.run((context) -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(ShardAssignment.class)
            .doesNotHaveBean(EventClaims.class)
            .doesNotHaveBean(CoordinationRedis.class));
    }

    @Test
    @DisplayName("discord.shards without coordination fails the start with what to set")
    void shardsNeedCoordination() {
        this.runner.withPropertyValues("discord.shards-total=2", "discord.shards=0-0")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(DiscordStartupException.class)
                .hasMessageContaining("discord.shards=0-0 is set, but this process runs alone"));
    }

    @Test
    @DisplayName("with Redis unreachable the process starts, and its only discord health component names Redis")
    void startsWithoutRedis() throws IOException {
        this.runner.withPropertyValues(nobodyListens(), "discord.shards-total=2").run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(ShardAssignment.class).hasSingleBean(EventClaims.class);
            CompositeHealthContributor discord = context.getBean("discordHealthContributor",
                    CompositeHealthContributor.class);
            HealthIndicator assignment = (HealthIndicator) discord.getContributor("assignment");
            assertThat(assignment).as("the one component while no shard runs").isNotNull();
            await().until(() -> assignment.health().getStatus().equals(Status.DOWN));
            assertThat(assignment.health().getDetails().get("reason").toString())
                .startsWith("Redis at redis://127.0.0.1:")
                .contains("is unreachable");
        });
    }

    @Test
    @DisplayName("a lease margin of more than half the lease's time to live fails the start with what to set")
    void leaseMarginChecked() throws IOException {
        this.runner
            .withPropertyValues(nobodyListens(), "discord.shards-total=2", "discord.coordination.lease-ttl=4s",
                    "discord.coordination.lease-margin=3s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(DiscordStartupException.class)
                .hasMessageContaining("is not between 0 and half of discord.coordination.lease-ttl"));
    }

}
