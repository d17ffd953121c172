package io.github.jdaboot.discord;

import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code discord} health contributor, one component per shard;
 * switched off with {@code management.health.discord.enabled=false}.
 */
@AutoConfiguration(after = DiscordAutoConfiguration.class)
@ConditionalOnClass({ ShardManager.class, HealthContributor.class })
@ConditionalOnBean(ShardManager.class)
@ConditionalOnEnabledHealthIndicator("discord")
public final class DiscordHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "discordHealthContributor")
    DiscordHealthContributor discordHealthContributor(ShardManager shardManager, DiscordConnectionTracker tracker,
            DiscordProperties properties, ObjectProvider<ShardAssignment> assignment) {
        return new DiscordHealthContributor(shardManager, tracker, properties.getHealth(), assignment.getIfUnique());
    }

}
