package io.github.jdaboot.discord;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;

/**
 * The meters of the {@code discord.rest.requests} observations (JDA's requests through
 * OkHttp), the same as Micrometer's {@link DefaultMeterObservationHandler} makes (a timer
 * tagged with the key values and {@code error}, and a long task timer
 * {@code discord.rest.requests.active} of the requests in flight), but each meter looked
 * up once: the default handler builds the tags and looks the meters up in the registry
 * twice for every request JDA sends. Ordered first among the meter handlers, so that it
 * takes these observations and the default handler the others. (The interaction framework
 * has its own, for its {@code discord.commands}; both make their tags, event counters and
 * long task timers through {@link ObservationMeters}.)
 */
class DiscordRestMeterObservationHandler implements MeterObservationHandler<OkHttpContext>, Ordered {

    private final MeterRegistry registry;

    private final Clock clock;

    private final boolean longTaskTimer;

    private final ObservationMeters meters;

    private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();

    DiscordRestMeterObservationHandler(MeterRegistry registry, boolean longTaskTimer) {
        this.registry = registry;
        this.meters = new ObservationMeters(registry);
        this.clock = registry.config().clock();
        this.longTaskTimer = longTaskTimer;
    }

    /**
     * OkHttp's observations: JDA's requests (any other OkHttp client observed in the
     * application gets its meters the same way, under its own name).
     */
    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof OkHttpContext;
    }

    @Override
    public void onStart(OkHttpContext context) {
        LongTaskTimer.Sample sample = null;
        if (this.longTaskTimer) {
            sample = this.meters.startActive(context);
        }
        context.put(Started.class, new Started(this.clock.monotonicTime(), sample));
    }

    @Override
    public void onStop(OkHttpContext context) {
        Started started = context.getRequired(Started.class);
        long duration = this.clock.monotonicTime() - started.nanos();
        Throwable error = context.getError();
        MeterKey key = new MeterKey(context.getName(), context.getLowCardinalityKeyValues(),
                (error != null) ? error.getClass().getSimpleName() : KeyValue.NONE_VALUE);
        Timer timer = this.timers.get(key);
        if (timer == null) {
            timer = this.timers.computeIfAbsent(key,
                    (unknown) -> Timer.builder(unknown.name())
                        .tags(ObservationMeters.tags(unknown.keyValues()).and("error", String.valueOf(unknown.error())))
                        .register(this.registry));
        }
        timer.record(duration, TimeUnit.NANOSECONDS);
        if (started.sample() != null) {
            started.sample().stop();
        }
    }

    @Override
    public void onEvent(Observation.Event event, OkHttpContext context) {
        this.meters.count(event, context);
    }

    /** First among the meter handlers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private record Started(long nanos, LongTaskTimer.@Nullable Sample sample) {
    }

    private record MeterKey(@Nullable String name, KeyValues keyValues, @Nullable String error) {
    }

}
