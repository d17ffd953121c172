package io.github.jdaboot.discord;

import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;

/**
 * Changes JDA's shard manager builder before the shard manager is built: beans of this
 * type are applied in order, after the settings from {@link DiscordProperties}, so a
 * customizer can change anything JDA's builder offers (event pass-through, compression,
 * caches, which shards run...). JDA's REST settings and HTTP client are changed with a
 * {@link DiscordRestCustomizer}.
 */
@FunctionalInterface
public interface ShardManagerBuilderCustomizer {

    void customize(DefaultShardManagerBuilder builder);

}
