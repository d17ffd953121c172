package io.github.jdaboot.discord;

import java.util.List;
import java.util.stream.Stream;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code discord} health contributor: one component per shard this process runs
 * ({@code shard-0}, {@code shard-1}, ...; see {@link DiscordShardHealthIndicator}),
 * aggregated by Spring Boot's {@code StatusAggregator} like any composite, so the worst
 * shard decides. Before the bot logs in there is no shard yet, and the one component
 * {@code connection} is OUT_OF_SERVICE. A process whose shards are assigned while it runs
 * ({@link ShardAssignment}) has the one component {@code assignment} while it runs none,
 * with the assignment's own health.
 */
class DiscordHealthContributor implements CompositeHealthContributor {

    private static final String PREFIX = "shard-";

    private static final HealthIndicator NOT_CONNECTED = () -> Health.outOfService()
        .withDetail("status", "not connected yet")
        .build();

    private final ShardManager shardManager;

    private final DiscordConnectionTracker tracker;

    private final DiscordProperties.Health properties;

    private final String idleName;

    private final HealthIndicator idle;

    DiscordHealthContributor(ShardManager shardManager, DiscordConnectionTracker tracker,
            DiscordProperties.Health properties, @Nullable ShardAssignment assignment) {
        this.shardManager = shardManager;
        this.tracker = tracker;
        this.properties = properties;
        this.idleName = (assignment != null) ? "assignment" : "connection";
        this.idle = (assignment != null) ? assignment::idleHealth : NOT_CONNECTED;
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        if (name.equals(this.idleName)) {
            return ShardList.of(this.shardManager).isEmpty() ? this.idle : null;
        }
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        int id;
        try {
            id = Integer.parseInt(name.substring(PREFIX.length()));
        }
        catch (NumberFormatException ex) {
            return null;
        }
        return ShardList.of(this.shardManager).stream().anyMatch((jda) -> jda.getShardInfo().getShardId() == id)
                ? shard(id) : null;
    }

    @Override
    public Stream<Entry> stream() {
        List<JDA> shards = ShardList.of(this.shardManager);
        if (shards.isEmpty()) {
            return Stream.of(new Entry(this.idleName, this.idle));
        }
        return shards.stream()
            .map((jda) -> jda.getShardInfo().getShardId())
            .sorted()
            .map((id) -> new Entry(PREFIX + id, shard(id)));
    }

    /**
     * A shard's health, reading its current JDA instance each time (a restarted shard is
     * a new one).
     */
    private HealthIndicator shard(int id) {
        return new DiscordShardHealthIndicator(() -> current(id), this.tracker, this.properties);
    }

    private @Nullable JDA current(int id) {
        return this.shardManager.getShardById(id);
    }

}
