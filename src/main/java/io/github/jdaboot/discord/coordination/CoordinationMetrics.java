package io.github.jdaboot.discord.coordination;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Metrics of this process's part of the bot, registered at startup with every tag value:
 * the shards it runs and the leases it owns, the processes it sees, handovers in and out,
 * takeovers of crashed processes' shards, leases lost, event claims by outcome, whether
 * it reaches Redis, REST turns taken without it, and the session start budget left.
 */
final class CoordinationMetrics implements MeterBinder {

    private final ShardFleet fleet;

    private final RedisEventClaims claims;

    private final IdentifyBudget budget;

    private final SharedRateLimit rateLimit;

    CoordinationMetrics(ShardFleet fleet, RedisEventClaims claims, IdentifyBudget budget, SharedRateLimit rateLimit) {
        this.fleet = fleet;
        this.claims = claims;
        this.budget = budget;
        this.rateLimit = rateLimit;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("discord.coordination.shards", this.fleet, (fleet) -> fleet.leases().size())
            .description("Shards this process runs (leases it owns, and shards it is taking over)")
            .register(registry);
        Gauge.builder("discord.coordination.shards.configured", this.fleet, ShardFleet::total)
            .description("The shard total this process runs: its generation")
            .register(registry);
        Gauge
            .builder("discord.coordination.leases.held", this.fleet,
                    (fleet) -> fleet.leases()
                        .values()
                        .stream()
                        .filter((lease) -> lease.role() == ShardLeases.Role.OWNER)
                        .count())
            .description("Shard leases this process owns")
            .register(registry);
        Gauge.builder("discord.coordination.processes", this.fleet, (fleet) -> fleet.members().size())
            .description("Processes of the bot this process saw in Redis last")
            .register(registry);
        Gauge.builder("discord.coordination.redis.reachable", this.fleet, (fleet) -> fleet.reachesRedis() ? 1 : 0)
            .description("1 while this process reaches Redis, else 0")
            .register(registry);
        FunctionCounter.builder("discord.coordination.handovers", this.fleet, ShardFleet::handoversIn)
            .tag("direction", "in")
            .description("Shards handed over to this process by their owner, after its session was ready")
            .register(registry);
        FunctionCounter.builder("discord.coordination.handovers", this.fleet, ShardFleet::handoversOut)
            .tag("direction", "out")
            .description("Shards this process handed over, closing its session after the successor's was ready")
            .register(registry);
        FunctionCounter.builder("discord.coordination.takeovers", this.fleet, ShardFleet::takeovers)
            .description("Shards this process took over because their owner's lease ran out")
            .register(registry);
        FunctionCounter.builder("discord.coordination.leases.lost", this.fleet, ShardFleet::lost)
            .description("Leases this process lost (taken, or not renewed before its deadline), each closing a shard")
            .register(registry);
        for (RedisEventClaims.Outcome outcome : RedisEventClaims.Outcome.values()) {
            FunctionCounter.builder("discord.coordination.claims", this.claims, (claims) -> claims.outcomes(outcome))
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .description("Events this process claimed before answering, by outcome")
                .register(registry);
        }
        FunctionCounter.builder("discord.coordination.rest.local.turns", this.rateLimit, SharedRateLimit::localTurns)
            .description("REST requests that kept to this process's share of the global limit, Redis giving no turn")
            .register(registry);
        Gauge.builder("discord.coordination.identify.budget", this.budget, IdentifyBudget::left)
            .description("Discord's daily session starts left, as last seen (-1 before the first look)")
            .register(registry);
    }

}
