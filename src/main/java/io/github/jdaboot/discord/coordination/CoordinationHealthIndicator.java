package io.github.jdaboot.discord.coordination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code discordCoordination} health contributor, about this process only, read from
 * memory (no Redis command): whether it reaches Redis, the processes it sees, the shards
 * it holds and in which role, the session start budget, and its handovers and takeovers.
 * The other processes read {@code details.redis.reachable} while they cannot reach Redis
 * ({@link PeerWitness}). DOWN while Redis is unreachable; OUT_OF_SERVICE while it hands
 * its shards over or identifying stopped at the budget's reserve.
 */
final class CoordinationHealthIndicator implements HealthIndicator {

    private final ShardFleet fleet;

    private final CoordinationRedis redis;

    private final IdentifyBudget budget;

    CoordinationHealthIndicator(ShardFleet fleet, CoordinationRedis redis, IdentifyBudget budget) {
        this.fleet = fleet;
        this.redis = redis;
        this.budget = budget;
    }

    @Override
    public Health health() {
        boolean reachable = this.fleet.reachesRedis();
        Map<String, Object> redis = new LinkedHashMap<>();
        redis.put("url", this.redis.url());
        redis.put("reachable", reachable);
        redis.put("sinceMs", this.redis.stateAge().toMillis());
        if (!reachable && this.redis.error() != null) {
            redis.put("error", this.redis.error());
        }
        Map<String, Object> shards = new TreeMap<>();
        long now = System.nanoTime();
        this.fleet.leases().forEach((shard, lease) -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("role", lease.role().name());
            state.put("token", lease.token());
            state.put("ready", lease.ready());
            state.put("answers", lease.answers(now));
            state.put("deadlineMs", (lease.deadlineNanos() - now) / 1_000_000);
            shards.put(Integer.toString(shard), state);
        });
        Health.Builder health = Health.up()
            .withDetail("process", this.fleet.id())
            .withDetail("shardsTotal", this.fleet.total())
            .withDetail("processes", this.fleet.members().size())
            .withDetail("redis", redis)
            .withDetail("shards", shards)
            .withDetail("plannedGroups", this.fleet.planned())
            .withDetail("handovers", Map.of("in", this.fleet.handoversIn(), "out", this.fleet.handoversOut()))
            .withDetail("takeovers", this.fleet.takeovers())
            .withDetail("leasesLost", this.fleet.lost())
            .withDetail("identifyBudget", Map.of("left", this.budget.left(), "reserve", this.budget.reserve()));
        if (!reachable) {
            return health.down()
                .withDetail("reason",
                        "Redis at " + this.redis.url()
                                + " is unreachable: this process answers on the shards it owns only while the others"
                                + " cannot reach it either")
                .build();
        }
        if (this.budget.isExhausted()) {
            return health.outOfService()
                .withDetail("reason",
                        "Discord's daily session start budget is down to its reserve: no shard"
                                + " identifies until it resets")
                .build();
        }
        if (this.fleet.isLeaving()) {
            return health.outOfService().withDetail("reason", "handing its shards over").build();
        }
        return health.build();
    }

}
