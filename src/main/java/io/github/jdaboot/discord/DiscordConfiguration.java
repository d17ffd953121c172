package io.github.jdaboot.discord;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDA shard manager, built from {@link DiscordProperties}, and what watches it: the connection
 * tracker, the {@code discord} health contributor, the info contributor and the metrics. Building the
 * shard manager does not contact Discord: {@link DiscordGatewayLifecycle} logs in when the context starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordConfiguration {

    @Bean
    DiscordConnectionTracker discordConnectionTracker(DiscordProperties properties,
            ApplicationEventPublisher events) {
        return new DiscordConnectionTracker(properties.getIntents(), events);
    }

    @Bean
    DiscordMetrics discordMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DiscordMetrics(registry.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    DiscordRestMetrics discordRestMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DiscordRestMetrics(registry.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    ShardStartGate discordShardStartGate() {
        return new ShardStartGate();
    }

    @Bean(destroyMethod = "shutdown")
    ShardManager discordShardManager(DiscordProperties properties, ObjectProvider<EventListener> listeners,
            DiscordRestMetrics restMetrics, ShardStartGate startGate,
            ObjectProvider<ShardManagerBuilderCustomizer> customizers) {
        String restUrl = properties.getRestUrl().toString();
        RestConfig restConfig = new RestConfig().setBaseUrl(restUrl.endsWith("/") ? restUrl : restUrl + "/")
            .setRateLimiterFactory((config) -> new DiscordRestRateLimiter(new SequentialRestRateLimiter(config)));
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
            .createLight(DiscordToken.resolve(properties), properties.getIntents())
            .setRestConfig(restConfig)
            .setSessionController(new GatewayUrlSessionController(properties.getGatewayUrl()))
            .setThreadFactory(startGate)
            .setHttpClientBuilder(httpClient(restMetrics))
            .setMemberCachePolicy(properties.getMemberCachePolicy().policy())
            .enableCache(properties.getCacheFlags())
            .setStatus(properties.getPresence().getStatus())
            .setActivity(properties.getPresence().toActivity())
            .setShardsTotal((properties.getShardsTotal() != null) ? properties.getShardsTotal() : -1)
            .setRawEventsEnabled(true)
            .setEnableShutdownHook(false)
            .addEventListeners(listeners.orderedStream().toArray());
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder, restConfig));
        return builder.build(false);
    }

    /** JDA's own HTTP client settings (25 requests in parallel to Discord, a small pool), plus the REST metrics. */
    private static OkHttpClient.Builder httpClient(DiscordRestMetrics restMetrics) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder().dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
            .addInterceptor(restMetrics);
    }

    @Bean
    DiscordGatewayLifecycle discordGatewayLifecycle(ShardManager shardManager, ShardStartGate startGate,
            DiscordConnectionTracker tracker, DiscordProperties properties) {
        return new DiscordGatewayLifecycle(shardManager, startGate, tracker, properties);
    }

    @Bean
    DiscordHealthIndicator discordHealthIndicator(ShardManager shardManager, DiscordConnectionTracker tracker,
            DiscordProperties properties) {
        return new DiscordHealthIndicator(shardManager, tracker, properties.getHealth());
    }

    @Bean
    DiscordTokenSanitizer discordTokenSanitizer(DiscordProperties properties) {
        return new DiscordTokenSanitizer(DiscordToken.resolve(properties));
    }

    @Bean
    DiscordInfoContributor discordInfoContributor(ShardManager shardManager) {
        return new DiscordInfoContributor(shardManager);
    }
}
