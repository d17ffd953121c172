package io.github.jdaboot.bench.jmh;

import java.util.Arrays;
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
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
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
import org.openjdk.jmh.annotations.Param;
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
 * One interaction's or command message's way from the gateway frame to the answer handed
 * to JDA, without the network: {@code /idea}, a click on its answer's "Another" button
 * and the prefix command {@code .idea}, through this project's framework (the application
 * context as packaged, with metrics on, running the peers' feature of
 * {@link SameFeatureBot}) and, for comparison, through a plain JDA listener sending the
 * same payload.
 * <p>
 * Each operation receives one captured {@code INTERACTION_CREATE} or
 * {@code MESSAGE_CREATE} frame ({@link GatewayCapture}) on a JDA that never connects
 * ({@link OfflineJda}): JDA parses it, builds the event and fires it to the listeners, as
 * on its event thread. The framework then maps it (a message is taken as a command once,
 * by its id, which each frame gets afresh), runs the handler on the event thread (its
 * handlers are {@code @NonBlocking}; the framework-only variants measure the virtual
 * thread every other handler gets too, {@link FrameworkOnly#eventThread}), starts the
 * deferral timer, runs the guards, resolves the arguments and the locale, calls the
 * handler, turns its {@code Reply} into JDA's reply action (for {@code .idea}, a message
 * replying to the user's) and queues it, and stops the run's observation
 * ({@code discord.commands}: a Prometheus timer, as in the application). The operation
 * ends once the answer is handed over (JDA's requester gives the request, body
 * serialized, to its rate limiter, where {@link HandedOver} counts it instead of sending
 * it) and the observation has stopped. What a run's virtual thread does after that (the
 * executor's bookkeeping, the thread's end) overlaps the next operation. The framework
 * counts a prefix command as running until its reply is sent: after each {@code .idea}
 * operation, out of the measured time, the reply is taken as sent
 * ({@link PrefixAnswered}), and the executor's bookkeeping for it runs on JDA's callback
 * pool, overlapping the next operation too.
 * <p>
 * Two variants: the end-to-end ones ({@code slash}, {@code click}, {@code prefix}, and
 * the plain listener's {@code slashPlainJda}, {@code clickPlainJda},
 * {@code prefixPlainJda}) include JDA's part, which alone costs more than the framework's
 * (parsing the frame, building the interaction or message and its entities, firing the
 * event); the framework-only ones ({@code slashFrameworkOnly},
 * {@code clickFrameworkOnly}, {@code prefixFrameworkOnly}) have JDA build the event from
 * the same frame before each operation, outside the measured time ({@link NextSlash}),
 * and measure from the event handed to the framework's listeners (its dispatcher) to the
 * answer handed to JDA's requester and the observation stopped: the framework's own cost,
 * which the 15 us target is about.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class InteractionPipelineBenchmark {

    /**
     * The application's arguments: no banner, warnings only, a token never sent, and no
     * application emoji synchronizer (it needs a shard that started, and the peers'
     * feature has no emoji).
     */
    static final String[] APPLICATION_ARGUMENTS = { "--spring.main.banner-mode=off", "--logging.level.root=warn",
            "--discord.token=bench-token-never-sent",
            "--spring.autoconfigure.exclude=io.github.jdaboot.discord.emoji.ApplicationEmojiAutoConfiguration" };

    /** The project's framework with the peers' feature, in its application context. */
    @State(Scope.Benchmark)
    public static class Framework {

        private ConfigurableApplicationContext context;

        private OfflineJda jda;

        private final HandedOver rest = new HandedOver();

        private CannedDiscord discord;

        private GatewayCapture capture;

        private Finished finished;

        @Setup(Level.Trial)
        public void start() throws Exception {
            this.capture = GatewayCapture.fromEmulator();
            this.discord = new CannedDiscord(this.capture);
            this.context = new SpringApplicationBuilder(SameFeatureBot.class, Offline.class)
                .web(WebApplicationType.NONE)
                .run(APPLICATION_ARGUMENTS);
            this.finished = this.context.getBean(Finished.class);
            this.jda = new OfflineJda(this.capture, (config) -> this.rest,
                    new OkHttpClient.Builder().addInterceptor(this.discord).build(),
                    this.context.getBeanProvider(EventListener.class).orderedStream().toArray());
            Answers.check("the framework's answer to /idea", run(this.capture.slash()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":4", "Okay, so how about this: ", "\"idea:another\"");
            Answers.check("the framework's answer to a click", run(this.capture.click()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":7", "Okay, so how about this: ");
            Answers.check("the framework's answer to .idea", run(this.capture.prefix()), this.discord,
                    "POST /api/v10/channels/", "/messages", "Okay, so how about this: ", "\"idea:another\"");
        }

        /**
         * Receives the frame and waits until the run's observation has stopped, after its
         * answer was handed to JDA's rate limiter.
         */
        RestRateLimiter.Work run(String frame) {
            long handed = this.rest.count() + 1;
            long stopped = this.finished.count() + 1;
            this.jda.receive(frame);
            return oneHandedOver(this.rest, this.finished, handed, stopped);
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

        private CannedDiscord discord;

        private GatewayCapture capture;

        @Setup(Level.Trial)
        public void start() throws Exception {
            this.capture = GatewayCapture.fromEmulator();
            this.discord = new CannedDiscord(this.capture);
            this.jda = new OfflineJda(this.capture, (config) -> this.rest,
                    new OkHttpClient.Builder().addInterceptor(this.discord).build(), new PlainListener());
            Answers.check("the plain listener's answer to /idea", run(this.capture.slash()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":4", "Okay, so how about this: ", "\"idea:another\"");
            Answers.check("the plain listener's answer to a click", run(this.capture.click()), this.discord,
                    "POST /api/v10/interactions/", "\"type\":7", "Okay, so how about this: ");
            Answers.check("the plain listener's answer to .idea", run(this.capture.prefix()), this.discord,
                    "POST /api/v10/channels/", "/messages", "Okay, so how about this: ", "\"idea:another\"");
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

    /**
     * The framework alone: its application context and listeners, and a JDA that only
     * builds the events it is handed ({@link NextSlash}, {@link NextClick},
     * {@link NextPrefix}) and takes their answers.
     */
    @State(Scope.Benchmark)
    public static class FrameworkOnly {

        /**
         * Whether the peers' feature's {@code @NonBlocking} handlers run on the event
         * thread ({@code true}, as packaged) or each on a virtual thread of its own, as
         * every handler without the annotation ({@code false}:
         * {@code discord.commands.non-blocking-on-event-thread=false}).
         */
        @Param({ "true", "false" })
        public boolean eventThread;

        private ConfigurableApplicationContext context;

        private OfflineJda jda;

        private final HandedOver rest = new HandedOver();

        private CannedDiscord discord;

        private GatewayCapture capture;

        private Finished finished;

        /** The framework's JDA listeners (its interaction dispatcher among them). */
        private EventListener[] listeners;

        /**
         * The last interaction or message event JDA built, for the next operation: what
         * JDA fires to the listeners from the frame, not the raw event after it.
         */
        private @Nullable GenericEvent built;

        @Setup(Level.Trial)
        public void start() throws Exception {
            this.capture = GatewayCapture.fromEmulator();
            this.discord = new CannedDiscord(this.capture);
            String[] arguments = Arrays.copyOf(APPLICATION_ARGUMENTS, APPLICATION_ARGUMENTS.length + 1);
            arguments[APPLICATION_ARGUMENTS.length] = "--discord.commands.non-blocking-on-event-thread="
                    + this.eventThread;
            this.context = new SpringApplicationBuilder(SameFeatureBot.class, Offline.class)
                .web(WebApplicationType.NONE)
                .run(arguments);
            this.finished = this.context.getBean(Finished.class);
            this.listeners = this.context.getBeanProvider(EventListener.class)
                .orderedStream()
                .toArray(EventListener[]::new);
            this.jda = new OfflineJda(this.capture, (config) -> this.rest,
                    new OkHttpClient.Builder().addInterceptor(this.discord).build(), (EventListener) this::built);
            Answers.check("the framework's answer to /idea, from the event", run(event(this.capture.slash())),
                    this.discord, "POST /api/v10/interactions/", "\"type\":4", "Okay, so how about this: ",
                    "\"idea:another\"");
            Answers.check("the framework's answer to a click, from the event", run(event(this.capture.click())),
                    this.discord, "POST /api/v10/interactions/", "\"type\":7", "Okay, so how about this: ");
            Answers.check("the framework's answer to .idea, from the event", run(event(this.capture.prefix())),
                    this.discord, "POST /api/v10/channels/", "/messages", "Okay, so how about this: ",
                    "\"idea:another\"");
        }

        private void built(GenericEvent event) {
            if (event instanceof GenericInteractionCreateEvent || event instanceof MessageReceivedEvent) {
                this.built = event;
            }
        }

        /** Has JDA build the event of a frame (not measured). */
        GenericEvent event(String frame) {
            this.built = null;
            this.jda.receive(frame);
            GenericEvent event = this.built;
            if (event == null) {
                throw new IllegalStateException("JDA built no interaction or message event from the frame");
            }
            return event;
        }

        /**
         * Hands the event to the framework's listeners and waits until the run's
         * observation has stopped, after its answer was handed to JDA's rate limiter.
         */
        RestRateLimiter.Work run(GenericEvent event) {
            long handed = this.rest.count() + 1;
            long stopped = this.finished.count() + 1;
            for (EventListener listener : this.listeners) {
                listener.onEvent(event);
            }
            return oneHandedOver(this.rest, this.finished, handed, stopped);
        }

        @TearDown(Level.Trial)
        public void stop() {
            this.jda.close();
            this.context.close();
        }

    }

    /**
     * The {@code /idea} event of the next operation, built by JDA from the captured frame
     * before it, out of the measured time (an interaction is answered once, so each
     * operation needs its own): {@code Level.Invocation}, whose timestamps around each
     * call cost well under a microsecond here. The profilers' allocation and CPU per
     * operation do count this setup: {@link #slashEvent} measures it alone, to take away.
     */
    @State(Scope.Thread)
    public static class NextSlash {

        GenericEvent event;

        @Setup(Level.Invocation)
        public void build(FrameworkOnly framework) {
            this.event = framework.event(framework.capture.slash());
        }

        @TearDown(Level.Invocation)
        public void acknowledge(FrameworkOnly framework) {
            framework.jda.acknowledgeLast();
        }

    }

    /** The click event of the next operation, as {@link NextSlash}. */
    @State(Scope.Thread)
    public static class NextClick {

        GenericEvent event;

        @Setup(Level.Invocation)
        public void build(FrameworkOnly framework) {
            this.event = framework.event(framework.capture.click());
        }

        @TearDown(Level.Invocation)
        public void acknowledge(FrameworkOnly framework) {
            framework.jda.acknowledgeLast();
        }

    }

    /**
     * The {@code .idea} message event of the next operation, as {@link NextSlash} (the
     * framework takes a message as a command once, so each operation needs its own); and,
     * after the operation, out of the measured time, its reply taken as sent
     * ({@link PrefixAnswered}).
     */
    @State(Scope.Thread)
    public static class NextPrefix {

        GenericEvent event;

        @Setup(Level.Invocation)
        public void build(FrameworkOnly framework) {
            this.event = framework.event(framework.capture.prefix());
        }

        @TearDown(Level.Invocation)
        public void answer(FrameworkOnly framework) {
            framework.rest.answerLast();
        }

    }

    /**
     * Each end-to-end {@code /idea} and click taken as acknowledged by Discord after it,
     * out of the measured time ({@link OfflineJda#acknowledgeLast}), as {@link NextSlash}
     * and {@link NextClick} do for the framework alone: unacknowledged, JDA keeps every
     * interaction for 10 s.
     */
    @State(Scope.Thread)
    public static class Acknowledged {

        @TearDown(Level.Invocation)
        public void acknowledge(Framework framework) {
            framework.jda.acknowledgeLast();
        }

    }

    /** The same for the plain listener's {@code /idea} and click. */
    @State(Scope.Thread)
    public static class PlainAcknowledged {

        @TearDown(Level.Invocation)
        public void acknowledge(PlainJda plain) {
            plain.jda.acknowledgeLast();
        }

    }

    /** The same for the interaction events built alone. */
    @State(Scope.Thread)
    public static class EventAcknowledged {

        @TearDown(Level.Invocation)
        public void acknowledge(FrameworkOnly framework) {
            framework.jda.acknowledgeLast();
        }

    }

    /**
     * The reply of each end-to-end {@code .idea} operation taken as sent after it, out of
     * the measured time ({@link HandedOver#answerLast}): the framework counts a prefix
     * command as running until its reply is sent (an interaction's first answer is not
     * waited for), so unanswered replies would keep every run, and past
     * {@code discord.commands.max-concurrent} (10 000) the framework would refuse the
     * commands. The plain listener keeps nothing, and its variant has no such step.
     */
    @State(Scope.Thread)
    public static class PrefixAnswered {

        @TearDown(Level.Invocation)
        public void answer(Framework framework) {
            framework.rest.answerLast();
        }

    }

    /**
     * The framework alone for {@code /idea}: from the event handed to its listeners to
     * the answer handed to JDA's requester and the observation stopped.
     */
    @Benchmark
    public RestRateLimiter.Work slashFrameworkOnly(FrameworkOnly framework, NextSlash next) {
        return framework.run(next.event);
    }

    /** The framework alone for a click on "Another", as {@link #slashFrameworkOnly}. */
    @Benchmark
    public RestRateLimiter.Work clickFrameworkOnly(FrameworkOnly framework, NextClick next) {
        return framework.run(next.event);
    }

    /** The framework alone for {@code .idea}, as {@link #slashFrameworkOnly}. */
    @Benchmark
    public RestRateLimiter.Work prefixFrameworkOnly(FrameworkOnly framework, NextPrefix next) {
        return framework.run(next.event);
    }

    /**
     * What the framework-only variants' setup costs each operation: JDA building the
     * {@code /idea} event from the frame, nothing answered.
     */
    @Benchmark
    public GenericEvent slashEvent(FrameworkOnly framework, EventAcknowledged acknowledged) {
        return framework.event(framework.capture.slash());
    }

    /** The same for the click's event. */
    @Benchmark
    public GenericEvent clickEvent(FrameworkOnly framework, EventAcknowledged acknowledged) {
        return framework.event(framework.capture.click());
    }

    /** The same for the message event of {@code .idea}. */
    @Benchmark
    public GenericEvent prefixEvent(FrameworkOnly framework) {
        return framework.event(framework.capture.prefix());
    }

    @Benchmark
    public RestRateLimiter.Work slash(Framework framework, Acknowledged acknowledged) {
        return framework.run(framework.capture.slash());
    }

    @Benchmark
    public RestRateLimiter.Work click(Framework framework, Acknowledged acknowledged) {
        return framework.run(framework.capture.click());
    }

    @Benchmark
    public RestRateLimiter.Work prefix(Framework framework, PrefixAnswered answered) {
        return framework.run(framework.capture.prefix());
    }

    @Benchmark
    public RestRateLimiter.Work slashPlainJda(PlainJda plain, PlainAcknowledged acknowledged) {
        return plain.run(plain.capture.slash());
    }

    @Benchmark
    public RestRateLimiter.Work clickPlainJda(PlainJda plain, PlainAcknowledged acknowledged) {
        return plain.run(plain.capture.click());
    }

    @Benchmark
    public RestRateLimiter.Work prefixPlainJda(PlainJda plain) {
        return plain.run(plain.capture.prefix());
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
            event.reply(idea()).setEphemeral(false).queue(null, (failure) -> {
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

        /**
         * The framework's answer to {@code /idea} and {@code .idea}: the idea, one
         * "Another" button, nobody pinged; built in each operation, as the framework
         * builds its own.
         */
        private static MessageCreateData idea() {
            return new MessageCreateBuilder().setContent("Okay, so how about this: a habit tracker")
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false)
                .setComponents(ActionRow.of(Button.primary(GatewayCapture.CUSTOM_ID, "Another")))
                .build();
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            if (event.getAuthor().isBot() || !event.getMessage().getContentRaw().equals(".idea")) {
                return;
            }
            event.getMessage().reply(idea()).setNonce("r" + event.getMessageId() + "-0").queue(null, (failure) -> {
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

    /**
     * Waits until the run's observation has stopped and returns the one request the run
     * handed to JDA's rate limiter; fails when it handed none or several.
     */
    static RestRateLimiter.Work oneHandedOver(HandedOver rest, Finished finished, long handed, long stopped) {
        finished.await(stopped);
        if (rest.count() != handed) {
            throw new IllegalStateException(
                    "The framework handed " + (rest.count() - handed + 1) + " requests to JDA, not 1");
        }
        return rest.last();
    }

}
