package io.github.jdaboot.interaction.observation;

import java.util.Map;
import java.util.TreeMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code discord.commands} convention and meter handler, made for speed, against what
 * they replace: the key values the convention built for every run, and the meters of
 * Micrometer's default handler.
 */
@DisplayName("discord.commands: the same key values and meters as before the cached convention and handler")
class InteractionMeterObservationHandlerTests {

    /** Runs: kind, command, guild, how it ends (null: still running), and a failure. */
    private static final Run[] RUNS = { new Run("slash", "idea", "1", CommandOutcome.SUCCESS, null),
            new Run("slash", "idea", null, CommandOutcome.SUCCESS, null),
            new Run("button", "idea:another", "1", CommandOutcome.SUCCESS, null),
            new Run("slash", "roll", "1", CommandOutcome.BAD_INPUT, null),
            new Run("prefix", "idea", "1", CommandOutcome.COOLDOWN, null),
            new Run("slash", "boom", "1", CommandOutcome.ERROR, new IllegalStateException("boom")),
            new Run("user-context", "Profile", "2", CommandOutcome.DENIED, null),
            new Run("slash", "idea", "1", null, null) };

    @Test
    @DisplayName("the convention gives what it gave before caching: kind, command, and the outcome once known")
    void keyValues() {
        DefaultInteractionObservationConvention convention = new DefaultInteractionObservationConvention();
        for (int pass = 0; pass < 2; pass++) { // the second from the cache
            for (Run run : RUNS) {
                InteractionObservationContext context = run.context();
                assertThat(convention.getLowCardinalityKeyValues(context)).as("%s while running", run)
                    .isEqualTo(KeyValues.of(KeyValue.of("kind", run.kind()), KeyValue.of("command", run.command())));
                run.end(context);
                KeyValues expected = KeyValues.of(KeyValue.of("kind", run.kind()),
                        KeyValue.of("command", run.command()));
                if (run.outcome() != null) {
                    expected = expected.and("outcome", run.outcome().tag());
                }
                assertThat(convention.getLowCardinalityKeyValues(context)).as("%s", run).isEqualTo(expected);
                assertThat(convention.getContextualName(context))
                    .isEqualTo("discord " + run.kind() + " " + run.command());
                assertThat(convention.getHighCardinalityKeyValues(context)).isEqualTo(
                        (run.guild() != null) ? KeyValues.of("discord.guild.id", run.guild()) : KeyValues.empty());
            }
        }
    }

    @Test
    @DisplayName("the handler makes the default handler's meters, with the same counts, running runs included")
    void meters() {
        MeterRegistry defaults = new SimpleMeterRegistry();
        MeterRegistry cached = new SimpleMeterRegistry();
        ObservationRegistry before = observations(new DefaultMeterObservationHandler(defaults));
        ObservationRegistry now = observations(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new InteractionMeterObservationHandler(cached, true), new DefaultMeterObservationHandler(cached)));
        DefaultInteractionObservationConvention convention = new DefaultInteractionObservationConvention();
        Observation runningBefore = null;
        Observation running = null;
        for (int pass = 0; pass < 3; pass++) {
            for (Run run : RUNS) {
                if (run.outcome() == null) {
                    runningBefore = observe(before, convention, run);
                    running = observe(now, convention, run);
                }
                else {
                    observe(before, convention, run).stop();
                    observe(now, convention, run).stop();
                }
            }
        }
        Observation.Event retried = Observation.Event.of("retried");
        runningBefore.event(retried);
        running.event(retried);

        assertThat(meters(cached)).isEqualTo(meters(defaults)).isNotEmpty();
        assertThat(cached.get(DefaultInteractionObservationConvention.NAME + ".active")
            .tags("kind", "slash", "command", "idea")
            .longTaskTimer()
            .activeTasks()).isEqualTo(3);
        assertThat(cached.get(DefaultInteractionObservationConvention.NAME)
            .tags("kind", "slash", "command", "boom", "outcome", "error", "error", "IllegalStateException")
            .timer()
            .count()).isEqualTo(3);
        runningBefore.stop();
        running.stop();
        assertThat(meters(cached)).isEqualTo(meters(defaults));
    }

    @Test
    @DisplayName("without the long task timer when Boot's ignored-meters says so")
    void withoutLongTaskTimer() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ObservationRegistry observations = observations(new InteractionMeterObservationHandler(registry, false));

        observe(observations, new DefaultInteractionObservationConvention(), RUNS[0]).stop();

        assertThat(registry.find(DefaultInteractionObservationConvention.NAME).timers()).hasSize(1);
        assertThat(registry.find(DefaultInteractionObservationConvention.NAME + ".active").longTaskTimers()).isEmpty();
    }

    @Test
    @DisplayName("takes only the handler runs' observations, leaving the others to the default handler")
    void onlyHandlerRuns() {
        InteractionMeterObservationHandler handler = new InteractionMeterObservationHandler(new SimpleMeterRegistry(),
                true);

        assertThat(handler.supportsContext(RUNS[0].context())).isTrue();
        assertThat(handler.supportsContext(new Observation.Context())).isFalse();
    }

    private static ObservationRegistry observations(ObservationHandler<?> handler) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(handler);
        return registry;
    }

    /**
     * A run's observation, started, ended unless the run is still running, not stopped.
     */
    private static Observation observe(ObservationRegistry registry, InteractionObservationConvention convention,
            Run run) {
        InteractionObservationContext context = run.context();
        Observation observation = Observation.createNotStarted(convention, () -> context, registry).start();
        run.end(context);
        if (context.getError() != null) {
            observation.error(context.getError());
        }
        return observation;
    }

    /** Every meter by type, name and tags, with its count. */
    private static Map<String, Double> meters(MeterRegistry registry) {
        Map<String, Double> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            double count = switch (meter) {
                case Timer timer -> timer.count();
                case LongTaskTimer timer -> timer.activeTasks();
                case Counter counter -> counter.count();
                default -> Double.NaN;
            };
            meters.put(meter.getId().getType() + " " + meter.getId().getName() + meter.getId().getTags(), count);
        }
        return meters;
    }

    private record Run(String kind, String command, @Nullable String guild, @Nullable CommandOutcome outcome,
            @Nullable Throwable error) {

        InteractionObservationContext context() {
            return new InteractionObservationContext(this.kind, this.command, this.guild);
        }

        void end(InteractionObservationContext context) {
            if (this.outcome != null) {
                context.setOutcome(this.outcome);
            }
            if (this.error != null) {
                context.setError(this.error);
            }
        }

    }

}
