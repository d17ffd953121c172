package io.github.jdaboot.discord;

import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code discord} section of {@code /actuator/info}; switched
 * off with {@code management.info.discord.enabled=false}.
 */
@AutoConfiguration(after = DiscordAutoConfiguration.class)
@ConditionalOnClass({ ShardManager.class, InfoContributor.class })
@ConditionalOnBean(ShardManager.class)
@ConditionalOnEnabledInfoContributor("discord")
public final class DiscordInfoContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DiscordInfoContributor discordInfoContributor(ShardManager shardManager, DiscordProperties properties) {
        return new DiscordInfoContributor(shardManager, properties.getInvitePermissions());
    }

}
