package io.github.jdaboot.discord;

import java.util.List;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.cache.ShardCacheView;

/**
 * The shards of a shard manager, safe to read at any time. Before {@code login()} JDA's
 * {@code DefaultShardManager} has no shard cache yet ({@code getShardCache()} returns
 * {@code null} although it is declared non-null), and Actuator may ask for health in that
 * window: the web server starts before the bot logs in.
 */
final class ShardList {

    private ShardList() {
    }

    static List<JDA> of(ShardManager shardManager) {
        @SuppressWarnings("ConstantValue")
        ShardCacheView cache = shardManager.getShardCache();
        return (cache != null) ? cache.asList() : List.of();
    }

}
