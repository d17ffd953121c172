package io.github.jdaboot.discord.coordination;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The {@code discordCoordination} health contributor, about this process only: its shard
 * range, the lease of each of its shards, and Discord's session start budget. UP when
 * every lease is held; OUT_OF_SERVICE while some shard waits for its lease, or
 * identifying stopped at the budget's reserve; DOWN when Redis cannot be reached.
 */
final class CoordinationHealthIndicator implements HealthIndicator {

    private final ShardRange range;

    private final ShardLeases leases;

    private final IdentifyBudget budget;

    private final StringRedisTemplate redis;

    CoordinationHealthIndicator(ShardRange range, ShardLeases leases, IdentifyBudget budget,
            StringRedisTemplate redis) {
        this.range = range;
        this.leases = leases;
        this.budget = budget;
        this.redis = redis;
    }

    @Override
    public Health health() {
        Map<String, String> leaseStates = new TreeMap<>();
        this.leases.states().forEach((shard, state) -> leaseStates.put(Integer.toString(shard), state.name()));
        Health.Builder health = Health.up()
            .withDetail("shards", this.range + " of " + this.range.total())
            .withDetail("leases", leaseStates)
            .withDetail("identifyBudget", Map.of("left", this.budget.left(), "reserve", this.budget.reserve()));
        try {
            this.redis.execute(RedisConnection::ping);
        }
        catch (DataAccessException ex) {
            return health.down().withDetail("reason", "Redis unreachable: " + ex.getMessage()).build();
        }
        if (this.budget.isExhausted()) {
            return health.outOfService()
                .withDetail("reason",
                        "Discord's daily session start budget is down to its reserve: no shard"
                                + " identifies until it resets")
                .build();
        }
        if (!leaseStates.values().stream().allMatch(ShardLeases.State.HELD.name()::equals)) {
            return health.outOfService().withDetail("reason", "waiting for the leases of some shards").build();
        }
        return health.build();
    }

}
