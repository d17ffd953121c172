package io.github.jdaboot.bench.jmh;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.jdaboot.bench.samefeature.SameFeatureBot;
import io.github.jdaboot.interaction.observation.InteractionObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One interaction's way from the gateway frame to the answer handed to JDA, without the
 * network: {@code /idea} and a click on its answer's "Another" button, through this
 * project's framework (the application context as packaged, with metrics on, running the
 * peers' feature of {@link SameFeatureBot}) and, for comparison, through a plain JDA
 * listener sending the same payload.
 * <p>
 * Each operation receives one captured {@code INTERACTION_CREATE} frame
 * ({@link GatewayCapture}) on a JDA that never connects ({@link OfflineJda}): JDA parses
 * it, builds the event and fires it to the listeners, as on its event thread. The
 * framework then maps it, hands the run to its virtual thread, starts the deferral timer,
 * runs the guards, resolves the arguments and the locale, calls the handler, turns its
 * {@code Reply} into JDA's reply action and queues it, and stops the run's observation
 * ({@code discord.commands}: a Prometheus timer, as in the application). The operation
 * ends once the answer is handed over (JDA's requester gives the request, body
 * serialized, to its rate limiter, where {@link HandedOver} counts it instead of sending
 * it) and the observation has stopped. What the run's virtual thread does after that (the
 * executor's bookkeeping, the thread's end) overlaps the next operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class InteractionPipelineBenchmark {

    /** The project's framework with the peers' feature, in its application context. */
    @State(Scope.Benchmark)
    public static class Framework {

        private ConfigurableApplicationContext context;

        private OfflineJda jda;

        private final HandedOver rest = new HandedOver();

        private final CannedDiscord discord = new CannedDiscord();

        private GatewayCapture capture;

        private Finished finished;

        @Setup(Level.Trial)
        public void start() throws Exception {
            this.capture = GatewayCapture.fromEmulator();
            this.context = new SpringApplicationBuilder(SameFeatureBot.class, Offline.class)
                .web(WebApplicationType.NONE)
                .run("--spring.main.banner-mode=off", "--logging.level.root=warn",
                        "--discord.token=bench-token-never-sent");
            this.finished = this.context.getBean(Finished.class);
            this.jda = new OfflineJda(this.capture, (config) -> this.rest,
                    new OkHttpClient.Builder().addInterceptor(this.discord).build(),
                    this.context.getBeanProvider(EventListener.class).orderedStream().toArray());
            Answers.check("the framework's answer to /idea", run(this.capture.slash()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":4", "Okay, so how about this: ", "\"idea:another\"");
            Answers.check("the framework's answer to a click", run(this.capture.click()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":7", "Okay, so how about this: ");
        }

        /**
         * Receives the frame and waits until the run's observation has stopped, after its
         * answer was handed to JDA's rate limiter.
         */
        RestRateLimiter.Work run(String frame) {
            long handed = this.rest.count() + 1;
            long stopped = this.finished.count() + 1;
            this.jda.receive(frame);
            this.finished.await(stopped);
            if (this.rest.count() != handed) {
                throw new IllegalStateException(
                        "The framework handed " + (this.rest.count() - handed + 1) + " requests to JDA, not 1");
            }
            return this.rest.last();
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.jda.close();
            this.context.close();
        }

    }

    /** A plain JDA listener answering with the framework's payload, on JDA's thread. */
    @State(Scope.Benchmark)
    public static class PlainJda {

        private OfflineJda jda;

        private final HandedOver rest = new HandedOver();

        private final CannedDiscord discord = new CannedDiscord();

        private GatewayCapture capture;

        @Setup(Level.Trial)
        public void start() throws Exception {
            this.capture = GatewayCapture.fromEmulator();
            this.jda = new OfflineJda(this.capture, (config) -> this.rest,
                    new OkHttpClient.Builder().addInterceptor(this.discord).build(), new PlainListener());
            Answers.check("the plain listener's answer to /idea", run(this.capture.slash()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":4", "Okay, so how about this: ", "\"idea:another\"");
            Answers.check("the plain listener's answer to a click", run(this.capture.click()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":7", "Okay, so how about this: ");
        }

        RestRateLimiter.Work run(String frame) {
            long handed = this.rest.count() + 1;
            this.jda.receive(frame);
            if (this.rest.count() != handed) {
                throw new IllegalStateException(
                        "The plain listener handed " + (this.rest.count() - handed + 1) + " requests to JDA, not 1");
            }
            return this.rest.last();
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.jda.close();
        }

    }

    @Benchmark
    public RestRateLimiter.Work slash(Framework framework) {
        return framework.run(framework.capture.slash());
    }

    @Benchmark
    public RestRateLimiter.Work click(Framework framework) {
        return framework.run(framework.capture.click());
    }

    @Benchmark
    public RestRateLimiter.Work slashPlainJda(PlainJda plain) {
        return plain.run(plain.capture.slash());
    }

    @Benchmark
    public RestRateLimiter.Work clickPlainJda(PlainJda plain) {
        return plain.run(plain.capture.click());
    }

    /**
     * What the benchmark adds to the application: a shard manager of its own, never
     * logged in, so that the framework's own (which would connect) backs off; and a count
     * of the runs' observations that have stopped.
     */
    @Configuration(proxyBeanMethods = false)
    static class Offline {

        @Bean(destroyMethod = "shutdown")
        ShardManager benchShardManager() {
            return DefaultShardManagerBuilder.createLight("bench-token-never-sent").build(false);
        }

        @Bean
        Finished finishedRuns() {
            return new Finished();
        }

    }

    /**
     * Counts the stopped observations of handler runs, and wakes the benchmark's thread
     * waiting for one.
     */
    static final class Finished implements ObservationHandler<InteractionObservationContext> {

        /**
         * How long the waiting thread spins before it parks: on a machine with a core to
         * spare the run ends within it, and a parked thread takes longer to wake than the
         * run takes.
         */
        private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

        private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

        private final AtomicLong count = new AtomicLong();

        private volatile @Nullable Thread waiting;

        @Override
        public void onStop(InteractionObservationContext context) {
            this.count.incrementAndGet();
            Thread thread = this.waiting;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof InteractionObservationContext;
        }

        long count() {
            return this.count.get();
        }

        /** Waits until {@code target} observations have stopped. */
        void await(long target) {
            long start = System.nanoTime();
            while (this.count.get() < target) {
                long waited = System.nanoTime() - start;
                if (waited < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                if (waited > TIMEOUT_NANOS) {
                    throw new IllegalStateException("No run finished within 10 s");
                }
                this.waiting = Thread.currentThread();
                if (this.count.get() < target) {
                    LockSupport.parkNanos(this, TIMEOUT_NANOS);
                }
                this.waiting = null;
            }
        }

    }

    /** The plain JDA bot's answers, with the framework's payload. */
    static final class PlainListener extends ListenerAdapter {

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            event
                .reply(new MessageCreateBuilder().setContent("Okay, so how about this: a habit tracker")
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .mentionRepliedUser(false)
                    .setComponents(ActionRow.of(Button.primary(GatewayCapture.CUSTOM_ID, "Another")))
                    .build())
                .setEphemeral(false)
                .queue(null, (failure) -> {
                });
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event
                .editMessage(new MessageEditBuilder().setContent("Okay, so how about this: a meal planner")
                    .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                    .build())
                .queue(null, (failure) -> {
                });
        }

    }

    /** Checks once, before measuring, what is handed to JDA. */
    static final class Answers {

        private Answers() {
        }

        static void check(String what, RestRateLimiter.Work work, CannedDiscord discord, String... expected) {
            work.execute();
            String sent = discord.last();
            for (String part : expected) {
                if (sent == null || !sent.contains(part)) {
                    throw new IllegalStateException(what + " is not as expected (" + part + "): " + sent);
                }
            }
        }

    }

}
