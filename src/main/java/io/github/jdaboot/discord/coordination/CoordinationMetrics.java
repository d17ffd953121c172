package io.github.jdaboot.discord.coordination;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Metrics of this process's part of the bot, registered at startup: shards it runs,
 * leases it holds, leases it lost, and the session start budget left.
 */
final class CoordinationMetrics implements MeterBinder {

    private final ShardRange range;

    private final ShardLeases leases;

    private final IdentifyBudget budget;

    CoordinationMetrics(ShardRange range, ShardLeases leases, IdentifyBudget budget) {
        this.range = range;
        this.leases = leases;
        this.budget = budget;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("discord.coordination.shards", this.range::size)
            .description("Shards this process runs (its range of discord.shards)")
            .register(registry);
        Gauge
            .builder("discord.coordination.leases.held", this.leases,
                    (leases) -> leases.states().values().stream().filter(ShardLeases.State.HELD::equals).count())
            .description("Shard leases this process holds")
            .register(registry);
        FunctionCounter.builder("discord.coordination.leases.lost", this.leases, ShardLeases::lostCount)
            .description("Shard leases this process lost, each shutting its shard down")
            .register(registry);
        Gauge.builder("discord.coordination.identify.budget", this.budget, IdentifyBudget::left)
            .description("Discord's daily session starts left, as last seen (-1 before the first look)")
            .register(registry);
    }

}
