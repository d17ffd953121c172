package io.github.jdaboot.interaction.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * How fast interactions are acknowledged against Discord's 3-second deadline: the timer
 * {@code discord.interactions.acknowledgement} and the counter
 * {@code discord.interactions.late}, by type ({@code reply} or {@code defer}), registered
 * at 0 when bound to a registry. The handler runs themselves are observations
 * ({@link DefaultInteractionObservationConvention}). Unbound (no registry), it records
 * nothing.
 */
public class InteractionMetrics implements MeterBinder {

    static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);

    private volatile List<Meters> bound = List.of();

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        List<Meters> meters = new ArrayList<>(this.bound);
        meters.add(new Meters(timer(registry, "reply"), timer(registry, "defer"), late(registry, "reply"),
                late(registry, "defer")));
        this.bound = List.copyOf(meters);
    }

    private static Timer timer(MeterRegistry registry, String type) {
        return Timer.builder("discord.interactions.acknowledgement")
            .description("Time from an interaction's creation to its acknowledgement (Discord allows 3 s)")
            .tag("type", type)
            .serviceLevelObjectives(DISCORD_DEADLINE)
            .register(registry);
    }

    private static Counter late(MeterRegistry registry, String type) {
        return Counter.builder("discord.interactions.late")
            .description("Interactions acknowledged after Discord's 3 s deadline")
            .tag("type", type)
            .register(registry);
    }

    /**
     * An interaction was acknowledged: measured from its creation, as Discord's deadline
     * is.
     */
    public void acknowledged(GenericInteractionCreateEvent event, boolean deferred) {
        // the creation time is in the interaction's id (JDA's getTimeCreated() goes
        // through a Calendar)
        long createdMillis = (event.getIdLong() >>> 22) + TimeUtil.DISCORD_EPOCH;
        Duration latency = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - createdMillis));
        boolean late = latency.compareTo(DISCORD_DEADLINE) > 0;
        for (Meters meters : this.bound) {
            (deferred ? meters.deferred() : meters.replied()).record(latency);
            if (late) {
                (deferred ? meters.deferredLate() : meters.repliedLate()).increment();
            }
        }
    }

    private record Meters(Timer replied, Timer deferred, Counter repliedLate, Counter deferredLate) {
    }

}
