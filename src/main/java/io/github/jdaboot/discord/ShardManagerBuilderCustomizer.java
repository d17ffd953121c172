package io.github.jdaboot.discord;

import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;

/**
 * Changes the JDA shard manager's builder, and the REST configuration it was given, before the shard
 * manager is built: beans of this type are applied in order after the settings from
 * {@link DiscordProperties}. The coordination of shards across processes is one.
 */
@FunctionalInterface
public interface ShardManagerBuilderCustomizer {

    void customize(DefaultShardManagerBuilder builder, RestConfig restConfig);

}
