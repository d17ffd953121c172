package io.github.jdaboot.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.JdaEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
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
 * The Discord auto-configurations and each of their conditions, as Spring Boot tests its
 * own: a context per case, against the emulator (the context starts, so the bot logs in).
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
    @DisplayName("bad settings fail at startup with Spring Boot's message naming the property")
    void validated() {
        withToken().withPropertyValues("discord.shards-total=0", "discord.health.reconnect-grace-period=-1s")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("discord.shards-total")
                    .hasMessageContaining("reconnectGracePeriod");
            });
        assertThat(this.discord.rest().requests()).isEmpty();
    }

    @Test
    @DisplayName("by default: a shard manager from the properties, with every JDA listener bean; health and info; no metrics without a registry")
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
                assertThat(context).hasSingleBean(DiscordHealthContributor.class)
                    .hasSingleBean(DiscordInfoContributor.class)
                    .doesNotHaveBean(DiscordMetrics.class);
            });
    }

    @Test
    @DisplayName("JDA takes no stack trace per REST request unless discord.rest-call-sites is set (its own default is on)")
    void restCallSites() {
        try {
            RestAction.setPassContext(true);
            withToken().run((context) -> assertThat(RestAction.isPassContext()).isFalse());
            withToken().withPropertyValues("discord.rest-call-sites=true")
                .run((context) -> assertThat(RestAction.isPassContext()).isTrue());
        }
        finally {
            RestAction.setPassContext(false);
        }
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
        withToken().withBean(DiscordRestCustomizer.class,
                () -> (restConfig, httpClient) -> httpClient.addInterceptor((chain) -> {
                    seen.add(chain.request().url().encodedPath());
                    return chain.proceed(chain.request());
                }))
            .run((context) -> assertThat(seen).anyMatch((path) -> path.endsWith("/gateway/bot")
                    || path.endsWith("/users/@me") || path.endsWith("/applications/@me")));
    }

    @Test
    @DisplayName("a shard manager of the application's own replaces ours; the application logs it in itself")
    void userShardManager() {
        ShardManager own = DefaultShardManagerBuilder.createLight("own", EnumSet.of(GatewayIntent.GUILD_MESSAGES))
            .build(false);
        try {
            this.runner.withBean("myShardManager", ShardManager.class, () -> own).run((context) -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(ShardManager.class)
                    .doesNotHaveBean(DiscordGatewayLifecycle.class);
                assertThat(context.getBean(ShardManager.class)).isSameAs(own);
            });
        }
        finally {
            own.shutdown();
        }
        assertThat(this.discord.rest().requests()).isEmpty();
    }

    @Test
    @DisplayName("management.health.discord.enabled=false: no discord health contributor")
    void healthContributorSwitch() {
        withToken().withPropertyValues("management.health.discord.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(DiscordHealthContributor.class)
                .hasSingleBean(ShardManager.class));
    }

    @Test
    @DisplayName("management.info.discord.enabled=false: no discord section in info")
    void infoContributorSwitch() {
        withToken().withPropertyValues("management.info.discord.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(DiscordInfoContributor.class));
    }

    @Test
    @DisplayName("with a MeterRegistry: the Discord metrics, the 429 counters at 0")
    void metricsNeedARegistry() {
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
        withToken()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
            .run((context) -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(DiscordRateLimitMetrics.class)
                    .hasSingleBean(DiscordRestMeterObservationHandler.class)
                    .hasSingleBean(DefaultMeterObservationHandler.class);
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
            assertThat(sanitizer
                .applyUnlessFiltered(new SanitizableData(null, "sun.java.command", "app.jar --discord.token=" + token))
                .getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
            assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, "discord.intents", "guild-messages"))
                .getValue()).isEqualTo("guild-messages");
        });
    }

}
