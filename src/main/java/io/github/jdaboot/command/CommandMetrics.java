package io.github.jdaboot.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * Micrometer metrics for commands: {@code discord.commands} (a timer by command, surface and
 * outcome), {@code discord.commands.active} (handlers in flight), and how fast slash commands are
 * acknowledged against Discord's 3-second deadline ({@code discord.interactions.acknowledgement},
 * {@code discord.interactions.late}). Tags are bounded: declared command names, never users,
 * channels or content.
 */
class CommandMetrics {

    static final Duration DISCORD_DEADLINE = Duration.ofSeconds(3);

    /** A run timer's tags: declared handlers, surfaces and outcomes, so the timers are bounded. */
    private record RunTags(String handler, String surface, CommandOutcome outcome) {
    }

    private final MeterRegistry registry;

    /** The timers made so far, rather than building an id and tags for every run. */
    private final Map<RunTags, Timer> runs = new ConcurrentHashMap<>();

    /** The acknowledgement timers by type, {@code reply} and {@code defer}. */
    private final Map<String, Timer> acknowledgements = new ConcurrentHashMap<>();

    CommandMetrics(MeterRegistry registry, CommandExecutor executor) {
        this.registry = registry;
        Gauge.builder("discord.commands.active", executor, CommandExecutor::active)
            .description("Command handlers running now")
            .register(registry);
    }

    /**
     * A run ended.
     * @param handler the command's name, or the id template of a component or form handler
     * @param surface slash, prefix, component or modal
     */
    void finished(String handler, String surface, CommandOutcome outcome, long durationNanos) {
        this.runs.computeIfAbsent(new RunTags(handler, surface, outcome), (tags) -> Timer.builder("discord.commands")
            .description("Handler runs (commands, clicks and forms), from the event to the handler's end")
            .tag("command", tags.handler())
            .tag("surface", tags.surface())
            .tag("outcome", tags.outcome().tag())
            .register(this.registry))
            .record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** An interaction was acknowledged: measured from its creation, as Discord's deadline is. */
    void acknowledged(GenericInteractionCreateEvent event, boolean deferred) {
        // the creation time is in the interaction's id (JDA's getTimeCreated() goes through a Calendar)
        long createdMillis = (event.getIdLong() >>> 22) + TimeUtil.DISCORD_EPOCH;
        long latencyMillis = Math.max(0, System.currentTimeMillis() - createdMillis);
        Duration latency = Duration.ofMillis(latencyMillis);
        String type = deferred ? "defer" : "reply";
        this.acknowledgements.computeIfAbsent(type, (tag) -> Timer.builder("discord.interactions.acknowledgement")
            .description("Time from an interaction's creation to its acknowledgement (Discord allows 3 s)")
            .tag("type", tag)
            .serviceLevelObjectives(DISCORD_DEADLINE)
            .register(this.registry))
            .record(latency);
        if (latency.compareTo(DISCORD_DEADLINE) > 0) {
            Counter.builder("discord.interactions.late")
                .description("Interactions acknowledged after Discord's 3 s deadline")
                .tag("type", type)
                .register(this.registry)
                .increment();
        }
    }
}
