package io.github.jdaboot.discord;

import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDA shard manager, built from {@link DiscordProperties}. Building it does not contact Discord:
 * {@link DiscordGatewayLifecycle} logs in when the context starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscordProperties.class)
class DiscordConfiguration {

    @Bean
    DiscordConnectionTracker discordConnectionTracker(DiscordProperties properties) {
        return new DiscordConnectionTracker(properties.getIntents());
    }

    @Bean(destroyMethod = "shutdown")
    ShardManager discordShardManager(DiscordProperties properties, ObjectProvider<EventListener> listeners) {
        String restUrl = properties.getRestUrl().toString();
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
            .createLight(DiscordToken.resolve(properties), properties.getIntents())
            .setRestConfig(new RestConfig().setBaseUrl(restUrl.endsWith("/") ? restUrl : restUrl + "/"))
            .setSessionController(new GatewayUrlSessionController(properties.getGatewayUrl()))
            .setMemberCachePolicy(properties.getMemberCachePolicy().policy())
            .enableCache(properties.getCacheFlags())
            .setStatus(properties.getPresence().getStatus())
            .setActivity(properties.getPresence().toActivity())
            .setShardsTotal((properties.getShardsTotal() != null) ? properties.getShardsTotal() : -1)
            .setEnableShutdownHook(false)
            .addEventListeners(listeners.orderedStream().toArray());
        return builder.build(false);
    }

    @Bean
    DiscordGatewayLifecycle discordGatewayLifecycle(ShardManager shardManager, DiscordConnectionTracker tracker,
            DiscordProperties properties) {
        return new DiscordGatewayLifecycle(shardManager, tracker, properties);
    }
}
