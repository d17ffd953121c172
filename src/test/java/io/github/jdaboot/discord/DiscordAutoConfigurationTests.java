package io.github.jdaboot.discord;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.JdaEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Discord auto-configurations and each of their conditions, as Spring Boot tests its own: a
 * context per case, against the emulator (the context starts, so the bot logs in).
 */
@DisplayName("Discord auto-configuration")
class DiscordAutoConfigurationTests {

    private static final AutoConfigurations DISCORD = AutoConfigurations.of(DiscordAutoConfiguration.class,
            DiscordMetricsAutoConfiguration.class, DiscordHealthContributorAutoConfiguration.class,
            DiscordInfoContributorAutoConfiguration.class);

    private DiscordEmulator discord;

    private ApplicationContextRunner runner;

    @BeforeEach
    void start() {
        this.discord = DiscordEmulator.builder().build().start();
        this.runner = new ApplicationContextRunner().withConfiguration(DISCORD)
            .withPropertyValues("discord.rest-url=" + this.discord.restUrl(),
                    "discord.gateway-url=" + this.discord.gatewayUrl());
    }

    @AfterEach
    void stop() {
        this.discord.close();
    }

    private ApplicationContextRunner withToken() {
        return this.runner.withPropertyValues("discord.token=" + this.discord.token());
    }

    @Test
    @DisplayName("no token: startup fails saying what to set, before anything connects")
    void missingTokenFailsBeforeAnythingConnects() {
        this.runner.run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(DiscordStartupException.class)
                .hasMessageStartingWith("No Discord bot token is configured");
        });
        assertThat(this.discord.rest().requests()).isEmpty();
    }

    @Test
    @DisplayName("the shard manager is built from the properties, with every JDA listener bean")
    void shardManagerFromProperties() {
        withToken().withPropertyValues("discord.intents=guild-messages,message-content")
            .withBean(JdaEvents.class)
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(ShardManager.class);
                ShardManager shardManager = context.getBean(ShardManager.class);
                assertThat(shardManager.getGatewayIntents())
                    .contains(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                    .doesNotContain(GatewayIntent.DIRECT_MESSAGES, GatewayIntent.GUILD_MEMBERS);
                assertThat(shardManager.getShards().getFirst().getRegisteredListeners())
                    .contains(context.getBean(JdaEvents.class));
            });
    }

    @Test
    @DisplayName("a ShardManagerBuilderCustomizer changes the JDA builder after the properties")
    void builderCustomizer() {
        withToken().withPropertyValues("discord.shards-total=1")
            .withBean(ShardManagerBuilderCustomizer.class, () -> (builder) -> builder.setShardsTotal(3).setShards(2))
            .run((context) -> {
                ShardManager shardManager = context.getBean(ShardManager.class);
                assertThat(shardManager.getShardsTotal()).isEqualTo(3);
                assertThat(shardManager.getShards()).singleElement()
                    .satisfies((shard) -> assertThat(shard.getShardInfo().getShardId()).isEqualTo(2));
            });
    }

    @Test
    @DisplayName("a DiscordRestCustomizer sees JDA's REST settings and HTTP client; REST calls go through it")
    void restCustomizer() {
        List<String> seen = new CopyOnWriteArrayList<>();
        withToken()
            .withBean(DiscordRestCustomizer.class, () -> (restConfig, httpClient) -> httpClient.addInterceptor(
                    (chain) -> {
                        seen.add(chain.request().url().encodedPath());
                        return chain.proceed(chain.request());
                    }))
            .run((context) -> assertThat(seen).anyMatch((path) -> path.endsWith("/gateway/bot")
                    || path.endsWith("/users/@me") || path.endsWith("/applications/@me")));
    }

    @Test
    @DisplayName("a shard manager bean of the application's own replaces ours; the lifecycle logs it in")
    void userShardManager() {
        ShardManager own = DefaultShardManagerBuilder
            .createLight(this.discord.token(), EnumSet.of(GatewayIntent.GUILD_MESSAGES))
            .setRestConfig(new RestConfig().setBaseUrl(this.discord.restUrl()))
            .setSessionController(new GatewayUrlSessionController(URI.create(this.discord.gatewayUrl())))
            .build(false);
        try {
            this.runner.withBean("myShardManager", ShardManager.class, () -> own)
                .withPropertyValues("discord.token=unused")
                .run((context) -> {
                    assertThat(context).hasSingleBean(ShardManager.class);
                    assertThat(context.getBean(ShardManager.class)).isSameAs(own);
                    assertThat(own.getShards()).isNotEmpty();
                });
        }
        finally {
            own.shutdown();
        }
    }

    @Test
    @DisplayName("health: the discord contributor by default, none with management.health.discord.enabled=false")
    void healthContributorSwitch() {
        withToken().run((context) -> assertThat(context).hasSingleBean(DiscordHealthContributor.class));
        withToken().withPropertyValues("management.health.discord.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(DiscordHealthContributor.class)
                .hasSingleBean(ShardManager.class));
    }

    @Test
    @DisplayName("info: the discord section by default, none with management.info.discord.enabled=false")
    void infoContributorSwitch() {
        withToken().run((context) -> assertThat(context).hasSingleBean(DiscordInfoContributor.class));
        withToken().withPropertyValues("management.info.discord.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(DiscordInfoContributor.class));
    }

    @Test
    @DisplayName("metrics only with a MeterRegistry; then every gateway series exists at 0 from the start")
    void metricsNeedARegistry() {
        withToken().run((context) -> assertThat(context).doesNotHaveBean(DiscordMetrics.class));
        withToken().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(ObservationRegistry.class, ObservationRegistry::create)
            .run((context) -> {
                assertThat(context).hasSingleBean(DiscordMetrics.class).hasSingleBean(DiscordRateLimitMetrics.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("discord.rest.ratelimits").counters()).hasSize(3)
                    .allSatisfy((counter) -> assertThat(counter.count()).isZero());
            });
    }

    @Test
    @DisplayName("with Spring Boot's metrics and observations: REST calls observed, 429 counters at 0")
    void withBootsMetrics() {
        withToken().withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class))
            .run((context) -> {
                assertThat(context).hasNotFailed().hasSingleBean(DiscordRateLimitMetrics.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("discord.rest.ratelimits").counters()).hasSize(3);
                assertThat(registry.get("discord.rest.requests").tag("uri", "/gateway/bot").timers()).isNotEmpty();
            });
    }

    @Test
    @DisplayName("the token is masked in the env and configprops endpoints, by key and wherever its value appears")
    void tokenSanitized() {
        withToken().run((context) -> {
            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            String token = this.discord.token();
            assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "discord.token", token)).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "sun.java.command",
                    "app.jar --discord.token=" + token)).getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "discord.intents", "guild-messages"))
                .getValue()).isEqualTo("guild-messages");
        });
    }

}
