package io.github.jdaboot.interaction.observation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.discord.ObservationMeters;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * The meters of the {@code discord.commands} observations, the same as Micrometer's
 * {@link DefaultMeterObservationHandler} makes (a timer tagged with the low-cardinality
 * key values and {@code error}, and a long task timer {@code discord.commands.active} of
 * the runs in progress), but each meter looked up once: the default handler builds the
 * tags, and looks the meter up in the registry, twice for every run. Ordered first among
 * the meter handlers, so that it takes these observations and the default handler the
 * others.
 */
public class InteractionMeterObservationHandler
        implements MeterObservationHandler<InteractionObservationContext>, Ordered {

    private final MeterRegistry registry;

    private final Clock clock;

    private final boolean longTaskTimer;

    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private final ObservationMeters meters;

    /**
     * The handler.
     * @param registry where the meters are
     * @param longTaskTimer whether runs in progress are measured
     * ({@code management.metrics.observations.ignored-meters} without
     * {@code long-task-timer})
     */
    public InteractionMeterObservationHandler(MeterRegistry registry, boolean longTaskTimer) {
        this.registry = registry;
        this.meters = new ObservationMeters(registry);
        this.clock = registry.config().clock();
        this.longTaskTimer = longTaskTimer;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof InteractionObservationContext;
    }

    @Override
    public void onStart(InteractionObservationContext context) {
        if (this.longTaskTimer) {
            context.activeSample = this.meters.startActive(context);
        }
        context.startNanos = this.clock.monotonicTime();
    }

    @Override
    public void onStop(InteractionObservationContext context) {
        long duration = this.clock.monotonicTime() - context.startNanos;
        Throwable error = context.getError();
        TimerKey key = new TimerKey(context.getName(), context.getLowCardinalityKeyValues(),
                (error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE);
        Timer timer = this.timers.get(key);
        if (timer == null) {
            timer = this.timers.computeIfAbsent(key,
                    (unknown) -> Timer.builder(unknown.name())
                        .tags(ObservationMeters.tags(unknown.keyValues()).and("error", String.valueOf(unknown.error())))
                        .register(this.registry));
        }
        timer.record(duration, TimeUnit.NANOSECONDS);
        LongTaskTimer.Sample sample = context.activeSample;
        if (sample != null) {
            sample.stop();
            context.activeSample = null;
        }
    }

    @Override
    public void onEvent(Observation.Event event, InteractionObservationContext context) {
        this.meters.count(event, context);
    }

    /** First among the meter handlers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private record TimerKey(@Nullable String name, KeyValues keyValues, @Nullable String error) {
    }

}
