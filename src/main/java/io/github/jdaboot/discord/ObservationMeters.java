package io.github.jdaboot.discord;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The meters that the project's meter observation handlers (of JDA's REST requests and of
 * the interaction framework's commands) make as Micrometer's
 * {@link DefaultMeterObservationHandler} does: tags from the low-cardinality key values,
 * a counter {@code <name>.<event>} per event, and the long task timer
 * {@code <name>.active} of what is in progress, looked up once per name and key values.
 */
public final class ObservationMeters {

    private final MeterRegistry registry;

    private final ConcurrentMap<ActiveKey, LongTaskTimer> active = new ConcurrentHashMap<>();

    /**
     * Meters in this registry.
     * @param registry where the meters are
     */
    public ObservationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts a sample of the long task timer {@code <name>.active}, tagged with the
     * context's low-cardinality key values.
     * @param context the observation that starts
     * @return the sample, to stop when the observation stops
     */
    public LongTaskTimer.Sample startActive(Observation.Context context) {
        // keyed by the observation's name: the timer's name (with ".active") is made
        // once,
        // when it is registered, not on every run
        ActiveKey key = new ActiveKey(context.getName(), context.getLowCardinalityKeyValues());
        LongTaskTimer timer = this.active.get(key);
        if (timer == null) {
            timer = this.active.computeIfAbsent(key,
                    (unknown) -> LongTaskTimer.builder(unknown.name() + ".active")
                        .tags(tags(unknown.keyValues()))
                        .register(this.registry));
        }
        return timer.start();
    }

    /**
     * Counts an event of an observation: the counter {@code <name>.<event>}, tagged with
     * the context's low-cardinality key values.
     * @param event the event
     * @param context the observation it happened in
     */
    public void count(Observation.Event event, Observation.Context context) {
        Counter.builder(context.getName() + "." + event.getName())
            .tags(tags(context.getLowCardinalityKeyValues()))
            .register(this.registry)
            .increment();
    }

    /**
     * The tags of key values, one each.
     * @param keyValues the key values
     * @return their tags
     */
    public static Tags tags(KeyValues keyValues) {
        Tags tags = Tags.empty();
        for (KeyValue keyValue : keyValues) {
            tags = tags.and(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        return tags;
    }

    private record ActiveKey(@Nullable String name, KeyValues keyValues) {
    }

}
