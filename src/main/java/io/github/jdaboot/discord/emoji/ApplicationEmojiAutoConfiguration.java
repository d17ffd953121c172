package io.github.jdaboot.discord.emoji;

import io.github.jdaboot.discord.DiscordAutoConfiguration;
import io.github.jdaboot.discord.DiscordProperties;
import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Auto-configuration of the application emojis: the images of
 * {@code discord.emojis.location}, checked against Discord's limits when the context is
 * created (a file Discord would refuse fails the start), the emojis by name, and their
 * synchronization with Discord at startup (read only when {@code discord.emojis.sync} is
 * false). Every bean backs off when the application declares its own.
 */
@AutoConfiguration(after = DiscordAutoConfiguration.class)
@ConditionalOnClass(ShardManager.class)
@ConditionalOnBean(ShardManager.class)
@EnableConfigurationProperties(ApplicationEmojiProperties.class)
public final class ApplicationEmojiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EmojiFiles emojiFiles(ApplicationEmojiProperties properties, ResourcePatternResolver resources) {
        return EmojiFiles.read(resources, properties.getLocation());
    }

    @Bean
    @ConditionalOnMissingBean
    ApplicationEmojis applicationEmojis() {
        return new ApplicationEmojis();
    }

    @Bean
    @ConditionalOnMissingBean
    ApplicationEmojiSynchronizer applicationEmojiSynchronizer(ObjectProvider<ShardManager> shardManager,
            EmojiFiles files, ApplicationEmojis emojis, ApplicationEmojiProperties properties,
            DiscordProperties discord) {
        return new ApplicationEmojiSynchronizer(shardManager, files, emojis, properties.isSync(),
                properties.isDeleteRemoved(), discord.getStartupTimeout());
    }

}
