package io.github.jdaboot.discord;

import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the JDA shard manager, built from {@link DiscordProperties} and
 * changed by {@link ShardManagerBuilderCustomizer} and {@link DiscordRestCustomizer}
 * beans; the connection tracker that health reads; and the lifecycle that logs in when
 * the context starts (building the shard manager does not contact Discord). Every bean
 * backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(ShardManager.class)
@EnableConfigurationProperties(DiscordProperties.class)
public final class DiscordAutoConfiguration {

    /** JDA's own default: 25 requests in parallel to Discord. */
    private static final int MAX_REQUESTS_PER_HOST = 25;

    /**
     * Sets whether JDA takes a stack trace of where each REST request was queued
     * ({@code discord.rest-call-sites}); JDA's switch is one for the whole JVM. Off, a
     * failed request is still logged with the handler it answered.
     */
    DiscordAutoConfiguration(DiscordProperties properties) {
        RestAction.setPassContext(properties.isRestCallSites());
    }

    @Bean
    @ConditionalOnMissingBean
    DiscordConnectionTracker discordConnectionTracker(DiscordProperties properties, ApplicationEventPublisher events) {
        return new DiscordConnectionTracker(properties.getIntents(), events);
    }

    @Bean
    @ConditionalOnMissingBean
    DiscordShardRestarter discordShardRestarter() {
        return new DiscordShardRestarter();
    }

    @Bean
    @ConditionalOnMissingBean
    ShardStartGate discordShardStartGate() {
        return new ShardStartGate();
    }

    /**
     * The shard manager and the lifecycle that logs it in. An application that declares
     * its own {@code ShardManager} builds it and logs it in itself (it can add the
     * framework's JDA listeners, which are beans: {@code ObjectProvider<EventListener>}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(ShardManager.class)
    static class ShardManagerConfiguration {

        @Bean(destroyMethod = "shutdown")
        ShardManager discordShardManager(DiscordProperties properties, ObjectProvider<EventListener> listeners,
                ShardStartGate startGate, ObjectProvider<ShardManagerBuilderCustomizer> builderCustomizers,
                ObjectProvider<DiscordRestCustomizer> restCustomizers, ObjectProvider<ShardAssignment> assignment) {
            if (properties.getShards() != null && assignment.getIfUnique() == null) {
                throw new DiscordStartupException(
                        "discord.shards=" + properties.getShards() + " is set, but this process runs alone: a range of"
                                + " shards is for a bot whose processes coordinate through Redis.",
                        "Remove discord.shards to run every shard here, or set discord.coordination.redis-url in"
                                + " every process of the bot.");
            }
            String restUrl = properties.getRestUrl().toString();
            RestConfig restConfig = new RestConfig().setBaseUrl(restUrl.endsWith("/") ? restUrl : restUrl + "/")
                .setRateLimiterFactory((config) -> new DiscordRestRateLimiter(new SequentialRestRateLimiter(config)));
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
            OkHttpClient.Builder httpClient = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS));
            restCustomizers.orderedStream().forEach((customizer) -> customizer.customize(restConfig, httpClient));
            DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
                .createLight(DiscordToken.resolve(properties), properties.getIntents())
                .setRestConfig(restConfig)
                .setHttpClientBuilder(httpClient)
                .setSessionController(new GatewayUrlSessionController(properties.getGatewayUrl()))
                .setThreadFactory(startGate)
                .setMemberCachePolicy(properties.getMemberCachePolicy().policy())
                .enableCache(properties.getCacheFlags())
                .setStatus(properties.getPresence().getStatus())
                .setActivity(properties.getPresence().toActivity())
                .setShardsTotal((properties.getShardsTotal() != null) ? properties.getShardsTotal() : -1)
                .setRawEventsEnabled(true)
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.orderedStream().toArray());
            builderCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            return builder.build(false);
        }

        @Bean
        @ConditionalOnMissingBean
        DiscordGatewayLifecycle discordGatewayLifecycle(ShardManager shardManager, ShardStartGate startGate,
                DiscordConnectionTracker tracker, DiscordProperties properties,
                ObjectProvider<ShardAssignment> assignment) {
            return new DiscordGatewayLifecycle(shardManager, startGate, tracker, properties, assignment.getIfUnique());
        }

    }

    /**
     * Keeps the token out of the {@code env} and {@code configprops} endpoints, even with
     * values shown.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class TokenSanitizingConfiguration {

        @Bean
        SanitizingFunction discordTokenSanitizingFunction(DiscordProperties properties) {
            SanitizingFunction byKey = SanitizingFunction.sanitizeValue().ifKeyContains("token");
            if (properties.getToken() == null && properties.getTokenFile() == null) {
                return byKey; // an application's own shard manager, with a token of its
                              // own
            }
            String token = DiscordToken.resolve(properties);
            return byKey.ifValueStringMatches((value) -> value.contains(token));
        }

    }

}
