package io.github.jdaboot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedGuild;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.GatewayActivity;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import org.jspecify.annotations.Nullable;

/**
 * This project against a plain JDA bot and against the frameworks a user would pick
 * instead (BotCommands, jda-commands: the peers), in one run on one machine:
 * {@code ./mvnw -Pbench verify}.
 * <p>
 * The emulator runs in this JVM; each bot runs as its own JVM process against a fresh
 * emulator, with the emulator's rate limits lifted and a one-second heartbeat interval
 * for the project and the two plain baselines (Discord's 41.25 s for the others). Runs
 * alternate (project, baseline, the baseline sending the project's payload, the project
 * with its AOT cache, the project with the peers' feature, BotCommands, jda-commands, and
 * every other run the other way round; then the ingest and guild phases of each bot);
 * each run of a bot measures, in this order:
 * <ol>
 * <li>startup: process start to {@code Logged on as} and, for the project, to
 * {@code /actuator/health} UP;</li>
 * <li>memory after startup: live heap (after a full GC, {@code jcmd}) and resident set
 * size;</li>
 * <li>where the bot has prefix commands: {@code bench.warmup} {@code .idea} messages
 * (twice as many as measured) at four times the pace, then rounds of a fifth of
 * {@code bench.messages} at the pace until the JIT compiler is quiet, not measured;
 * {@code bench.messages} over 20 channels from 100 users paced at {@code bench.rate} per
 * second (below saturation), for latency (from the emulator dispatching MESSAGE_CREATE to
 * it receiving the reply) and CPU; {@code bench.messages} more sent at once, for
 * throughput and CPU; the bot's CPU time is {@code utime + stime} from
 * {@code /proc/<pid>/stat}, per 1,000 replies; memory after the run;</li>
 * <li>slash commands: twice {@code bench.interactions} {@code /idea} at four times the
 * pace and rounds of a fifth at the pace, not measured, {@code bench.interactions} paced
 * (latency from INTERACTION_CREATE to the answer the user sees, and CPU), as many at once
 * (CPU);</li>
 * <li>where the bot answers a button: clicks on the first button of those replies, one a
 * reply, in the same three runs;</li>
 * <li>for the project and the plain baseline, the seed's lesson: {@code bench.slow}
 * {@code .wait} commands (each waits one second) arrive at once: wall time until all
 * replies are in (the baseline, which sleeps on JDA's event thread, is cut off after
 * {@code bench.baseline-cap} and its total extrapolated), and what happened to the
 * heartbeats meanwhile: as the bot saw them (JDA's missed-heartbeat warnings, reconnects)
 * and as the emulator saw them (heartbeats received against one per interval, gaps over
 * 1.5 intervals).</li>
 * </ol>
 * The baseline runs a second time sending the project's reply payload (its buttons and
 * menu, no mentions allowed, a nonce), for the reply phases only, to tell what the
 * payload costs from what the framework costs. The peers' bots are built by the bench
 * profile from src/bench/peers, each on its own class path ({@code bench.peers=false}
 * leaves them out).
 * <p>
 * The ingest phase ({@link #ingest}) floods the project and the plain baseline with
 * {@code bench.ingest-messages} messages they do not answer over 1,000 channels, with
 * typing and reactions, and measures CPU, wall time and allocation per event. The guild
 * phase ({@link #guilds}) starts a bot in {@code bench.guilds} guilds on 4 shards and
 * measures the time until every shard is ready and the heap per guild.
 * <p>
 * Besides, each run starts the project once more with its AOT cache (made by a training
 * run, as in the Dockerfile, from the extracted jar since the cache needs a class path of
 * jars) for startup and memory after startup; before the runs, a check counts the classes
 * actually loaded from the cache. Figures are medians over the runs, with min and max.
 * {@code bench.phases} ({@code replies,ingest,guilds} by default) selects phases for a
 * quicker look. Output: the tables on standard output and in
 * {@code target/bench/results.md}, and a chart in {@code target/bench/results.png}.
 */
public final class Benchmark {

    static final String LOGGED_ON = "Logged on as";

    static final String MISSED_HEARTBEATS = "Missed";

    /**
     * Intents of the ingest phase: the usual ones, and typing and reactions so that those
     * events arrive.
     */
    static final String INGEST_INTENTS = "guild-messages, direct-messages, message-content, guild-message-typing,"
            + " guild-message-reactions";

    static final int INGEST_CHANNELS = 1_000;

    static final int SHARDS = 4;

    static final Duration DISCORD_HEARTBEAT_INTERVAL = Duration.ofMillis(41_250);

    private final Path jar = Path.of(System.getProperty("bench.jar", "target/discord-bot-0.1.0-SNAPSHOT.jar"));

    private final int messages = Integer.getInteger("bench.messages", 10_000);

    private final int interactions = Integer.getInteger("bench.interactions", 5_000);

    private final int runs = Integer.getInteger("bench.runs", 5);

    private final int rate = Integer.getInteger("bench.rate", 250);

    /**
     * Each warm-up is this many times what is measured after it (the {@code .idea}
     * default, the {@code /idea} and click warm-ups)...
     */
    private static final int WARMUP_TIMES = 2;

    /** ... at this many times the measured pace. */
    private static final int WARMUP_PACE = 4;

    /**
     * ... then rounds of a fifth of what is measured at the measured pace, each after a
     * wait for an idle JIT compiler, until the compiler takes under
     * {@link #SETTLED_SHARE} of the bot's CPU in one. C2 compiles a method once its
     * counters pass a threshold that grows with the compiler's queue, checked when the
     * method is called: after a warm-up at four times the pace the queue empties while
     * the bot waits, and the first paced calls set off hundreds of compilations (in the
     * paced {@code .idea} phase, 573 of the project's in its first 10 s, a third of its
     * CPU there), and a round that sets them off leaves some for the next.
     */
    private static final int SETTLE_PART = 5;

    /** At most this many rounds at the pace. */
    private static final int SETTLE_ROUNDS = 6;

    /** The compiler's share of the bot's CPU in a round at the pace that ends them. */
    private static final double SETTLED_SHARE = 0.05;

    /**
     * The {@code .idea} warm-up: twice as many as measured by default, at four times the
     * pace, as the {@code /idea} and click warm-ups (an empty {@code bench.warmup}, as
     * the POM passes it by default, means that). The JIT compiler reaches a method's last
     * tier after thousands of its calls: after 2,000 {@code .idea} at 1,000/s its threads
     * took 35-45 % of every bot's CPU in the paced phase.
     */
    private final int warmup = blankOr(System.getProperty("bench.warmup"), WARMUP_TIMES * this.messages);

    private final int slow = Integer.getInteger("bench.slow", 200);

    private final int ingestMessages = Integer.getInteger("bench.ingest-messages", 200_000);

    private final int guildCount = Integer.getInteger("bench.guilds", 10_000);

    private final List<String> phases = List.of(System.getProperty("bench.phases", "replies,ingest,guilds").split(","));

    private final Duration baselineCap = Duration.ofSeconds(Integer.getInteger("bench.baseline-cap", 20));

    /**
     * Every bot's heap, fixed ({@code -Xms} and {@code -Xmx}): 1 GB unless
     * {@code bench.heap} says otherwise ({@code jvm}: the JVM's own sizing). With the
     * JVM's sizing, G1 shrank the heap at each concurrent cycle's remark to about three
     * times what is live, which started the next cycle: the project (27 MB live) ran one
     * every second or two through the {@code /idea} and click phases once the harness's
     * full GC had shrunk its heap, the plain baselines (11 MB) none, so the heap's
     * history and not the bot decided part of the figures.
     */
    private final List<String> heap = heapOptions(System.getProperty("bench.heap"));

    /**
     * Whether the peers (BotCommands, jda-commands) run too: {@code bench.peers}, true by
     * default.
     */
    private final boolean peers = Boolean.parseBoolean(System.getProperty("bench.peers", "true"));

    /**
     * The bots to run, by name ({@code project}, {@code baseline},
     * {@code baseline-same-payload}, {@code project-aot}, {@code project-same-feature},
     * {@code botcommands}, {@code jda-commands}), comma-separated: {@code bench.bots},
     * all by default. With a selection, the targets are not checked and no chart is
     * drawn.
     */
    private final List<String> bots = Stream.of(System.getProperty("bench.bots", "").split(","))
        .map(String::strip)
        .filter((name) -> !name.isEmpty())
        .toList();

    /** Where the bench profile built the peers' bots (src/bench/peers). */
    private final Path peersBuilt = Path.of(System.getProperty("bench.peers-dir", "target/peers"));

    private final Duration heartbeatInterval = Duration.ofSeconds(1);

    /**
     * Extra JVM options for the project's process, e.g. {@code -XX:StartFlightRecording}
     * to profile it.
     */
    private final List<String> projectJvmOptions = options("bench.project-jvm-options");

    /** Extra JVM options for the baseline's process. */
    private final List<String> baselineJvmOptions = options("bench.baseline-jvm-options");

    /**
     * Extra JVM options for every bot's process, e.g. {@code -Xlog:gc:file=...} to see
     * each one's pauses next to its latency trace.
     */
    private final List<String> everyJvmOptions = options("bench.jvm-options");

    /**
     * An async-profiler event ({@code cpu}, {@code alloc}, {@code wall}, {@code lock}) to
     * profile the measured phases with.
     */
    private final String profile = System.getProperty("bench.profile", "");

    /**
     * The most of the machine's CPU time its hypervisor may take (steal) during a paced
     * phase, in percent: {@code bench.max-steal}, 5 by default. A phase with more is
     * measured again, see {@link MachineSteal}.
     */
    private final double maxSteal = Double.parseDouble(System.getProperty("bench.max-steal", "5"));

    /**
     * How many times in all a paced phase is measured while the steal is too high:
     * {@code bench.steal-attempts}, 3 by default; the last is kept whatever its steal.
     */
    private final int stealAttempts = Integer.getInteger("bench.steal-attempts", 3);

    /** The steal during each paced phase kept, 0 to 1. */
    private final List<Double> keptSteal = new ArrayList<>();

    /** Paced phases measured again for the steal during them. */
    private int remeasured;

    private final Path out = Path.of("target", "bench");

    private @Nullable Path profiler;

    private final Path app = this.out.resolve("app");

    private final Path aotCache = this.out.resolve("app.aot");

    private Path applicationJar;

    private Path commandsJar;

    /** The project's application emoji image, for the baseline sending its payload. */
    private final Path emojiImage = this.out.resolve("idea.png");

    private String aotCheck = "";

    private final List<String> payloadCheck = new ArrayList<>();

    /** When the harness stood still, for the pacer. */
    private final HarnessStops stops = HarnessStops.start();

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        new Benchmark().run();
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        String load = loadAverage();
        prepare();
        if (runs("interleaved")) {
            new Interleaved(this, this.bots.stream().map(Bot::named).toList()).run();
            return;
        }
        Results results = new Results();
        for (int run = 1; run <= this.runs; run++) {
            BotRun project = new BotRun(Bot.PROJECT);
            BotRun baseline = new BotRun(Bot.BASELINE);
            BotRun botCommands = new BotRun(Bot.BOTCOMMANDS);
            BotRun jdaCommands = new BotRun(Bot.JDA_COMMANDS);
            if (this.phases.contains("replies")) {
                replies(run, results, project, baseline, botCommands, jdaCommands);
            }
            if (this.phases.contains("ingest")) {
                for (BotRun bot : List.of(project, baseline)) {
                    if (selected(bot.bot)) {
                        ingest(bot, run);
                    }
                }
            }
            if (this.phases.contains("guilds")) {
                for (BotRun bot : this.peers ? List.of(project, baseline, botCommands, jdaCommands)
                        : List.of(project, baseline)) {
                    if (selected(bot.bot)) {
                        guilds(bot, run);
                    }
                }
            }
            for (BotRun bot : List.of(project, baseline)) {
                if (selected(bot.bot)) {
                    ((bot == project) ? results.project : results.baseline).add(bot);
                }
            }
            if (this.peers) {
                if (selected(Bot.BOTCOMMANDS)) {
                    results.botCommands.add(botCommands);
                }
                if (selected(Bot.JDA_COMMANDS)) {
                    results.jdaCommands.add(jdaCommands);
                }
            }
        }
        String machine = String.format(Locale.ROOT, "Run %s to %s; load average before the run %s, after it %s. %s",
                started.truncatedTo(ChronoUnit.SECONDS), Instant.now().truncatedTo(ChronoUnit.SECONDS), load,
                loadAverage(), steal());
        Report report = new Report(this, results, this.aotCheck, String.join(" ", this.payloadCheck), machine,
                peerVersions());
        String table = report.markdown();
        System.out.println();
        System.out.println(table);
        Files.writeString(this.out.resolve("results.md"), table);
        if (!this.bots.isEmpty()) {
            System.out.println("Written: " + this.out.resolve("results.md") + " (no chart: bench.bots=" + this.bots
                    + " ran only some bots)");
            return;
        }
        try {
            ResultsChart.write(results, this, this.out.resolve("results.png"));
        }
        catch (RuntimeException ex) {
            // a bot that did not finish leaves figures out; the table above says which
            System.out.println("Written: " + this.out.resolve("results.md") + "; no chart: " + ex);
            return;
        }
        System.out.println("Written: " + this.out.resolve("results.md") + ", " + this.out.resolve("results.png"));
    }

    /**
     * The reply phases of one run, bot after bot: every other run in the reverse order,
     * so that no bot is always measured early or late in a run (a machine that slows or
     * speeds up over a run).
     */
    private void replies(int run, Results results, BotRun project, BotRun baseline, BotRun botCommands,
            BotRun jdaCommands) throws Exception {
        List<Measurement> replies = new ArrayList<>();
        replies.add(() -> measureIfSelected(project, run, true));
        replies.add(() -> measureIfSelected(baseline, run, true));
        if (selected(Bot.BASELINE_SAME_PAYLOAD)) {
            replies.add(() -> results.samePayload.add(measure(new BotRun(Bot.BASELINE_SAME_PAYLOAD), run, true)));
        }
        if (selected(Bot.PROJECT_AOT)) {
            replies.add(() -> results.projectAot.add(measure(new BotRun(Bot.PROJECT_AOT), run, false)));
        }
        if (this.peers) {
            // the peers' feature in this project, for the peers' comparison
            if (selected(Bot.PROJECT_SAME_FEATURE)) {
                replies.add(() -> results.sameFeature.add(measure(new BotRun(Bot.PROJECT_SAME_FEATURE), run, true)));
            }
            replies.add(() -> measureIfSelected(botCommands, run, true));
            replies.add(() -> measureIfSelected(jdaCommands, run, true));
        }
        if (run % 2 == 0) {
            Collections.reverse(replies);
        }
        for (Measurement measurement : replies) {
            measurement.run();
        }
    }

    /** Whether {@code bench.bots} selects the bot (all are, without it). */
    private boolean selected(Bot bot) {
        return this.bots.isEmpty() || this.bots.contains(bot.benchName());
    }

    private void measureIfSelected(BotRun result, int run, boolean full) throws Exception {
        if (selected(result.bot)) {
            measure(result, run, full);
        }
    }

    /**
     * A phase did not finish: the bot is killed, the phase recorded as "did not finish
     * (reason)" (the table shows that instead of its figures, and those of the phases
     * after it), and a line says so with the last lines of the bot's output.
     */
    private void didNotFinish(BotRun result, BotProcess process, DidNotFinish ex) throws InterruptedException {
        Path dump = this.out.resolve("logs")
            .resolve(result.bot.name().toLowerCase(Locale.ROOT) + "-" + process.pid() + "-threads.txt");
        if (process.isAlive()) {
            process.threadDump(dump);
        }
        process.kill();
        result.unfinished.add(ex.phase() + ": " + ex.reason());
        System.out.printf(Locale.ROOT,
                "   %s did not finish (%s): %s killed, the phases after it skipped%s; its last lines:%n", ex.phase(),
                ex.reason(), result.bot.label, Files.exists(dump) ? " (its threads: " + dump + ")" : "");
        process.lastLines().forEach((line) -> System.out.println("      | " + line));
    }

    /**
     * Fails the phase unless every message sent got its reply within the bound; the
     * reason names the first messages left unanswered and those answered twice (a bot
     * that mixes up two messages it handles at once answers one twice and the other
     * never).
     */
    static Traffic.Outcome replies(String phase, Traffic traffic, Duration bound) throws InterruptedException {
        Traffic.Outcome outcome = traffic.awaitReplies(bound);
        if (!outcome.complete()) {
            String twice = (outcome.duplicates() > 0) ? String.format(Locale.ROOT, "; %,d answered twice: #%s",
                    outcome.duplicates(), first(outcome, (answers) -> answers.size() > 1)) : "";
            throw new DidNotFinish(phase,
                    String.format(Locale.ROOT, "%,d of %,d unanswered after %d s; the first: #%s%s", outcome.lost(),
                            outcome.sent().size(), bound.toSeconds(), first(outcome, List::isEmpty), twice));
        }
        return outcome;
    }

    /** The numbers (from 1) of the first five messages whose answers match. */
    private static String first(Traffic.Outcome outcome, Predicate<List<EmulatedMessage>> matching) {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < outcome.answers().size() && first.size() < 5; i++) {
            if (matching.test(outcome.answers().get(i))) {
                first.add(String.valueOf(i + 1));
            }
        }
        return String.join(", #", first);
    }

    /**
     * Fails the phase unless the interactions were answered or given up within the bound,
     * and at least one was answered.
     */
    static void answers(String phase, DiscordEmulator discord, List<EmulatedInteraction> interactions, Duration bound)
            throws InterruptedException {
        int pending = Traffic.awaitAnswers(discord, interactions, bound);
        if (pending > 0) {
            throw new DidNotFinish(phase, String.format(Locale.ROOT, "%,d of %,d still pending after %d s", pending,
                    interactions.size(), bound.toSeconds()));
        }
        if (!interactions.isEmpty() && Traffic.answerLatenciesMicros(discord, interactions).isEmpty()) {
            throw new DidNotFinish(phase, String.format(Locale.ROOT, "none of %,d answered", interactions.size()));
        }
    }

    /**
     * The peers' framework and JDA versions, read from the class paths they ran with, and
     * the settings that differ from their defaults.
     */
    private String peerVersions() throws IOException {
        return "BotCommands " + version("botcommands", "BotCommands-core-") + " on JDA "
                + version("botcommands", "JDA-")
                + " (3.0.0 is the current release, but two of its runtime modules are not on the Maven Central this"
                + " machine reaches; this beta is the newest with all of them, and it needs the JDA it declares:"
                + " on 6.5.0 every command fails with NoSuchMethodError), started with BotCommands.create, text"
                + " prefix `.`, application commands cache off (so that every start registers `/idea` with its fresh"
                + " emulator; BotCommands then updates each guild's commands at startup, as on a first start), its"
                + " event manager on one thread instead of four (with four it now and then gave two messages received"
                + " at once to the same run: one answered twice, the other never, 2 and 3 of 20,000 in one warm-up);"
                + " jda-commands " + version("jda-commands", "guice-extension-")
                + " (core and guice-extension, which make"
                + " io.github.kaktushose:jda-commands; the aggregate and the 5.x releases are not on the Maven Central"
                + " this machine reaches) on JDA " + version("jda-commands", "JDA-")
                + " (it is built on JDA 5's component classes, which JDA 6 moved), started with JDACommands.start,"
                + " defaults otherwise, among them its runtimes' expiry after 15 minutes without activity: it checks"
                + " every live runtime (one per interaction) on JDA's event thread at each interaction, so its cost"
                + " per interaction grows with the interactions of the last 15 minutes. This project and the"
                + " baselines on JDA 6.5.0. Each bot: a light DefaultShardManagerBuilder with no member cache, the"
                + " same intents, logback at INFO.";
    }

    private String version(String peer, String jarPrefix) throws IOException {
        Path lib = this.peersBuilt.resolve(peer).resolve("target/lib");
        if (!Files.isDirectory(lib)) {
            return "?";
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map((jar) -> jar.getFileName().toString())
                .filter((name) -> name.startsWith(jarPrefix) && name.endsWith(".jar")
                        && Character.isDigit(name.charAt(jarPrefix.length())))
                .map((name) -> name.substring(jarPrefix.length(), name.length() - ".jar".length()))
                .findFirst()
                .orElse("?");
        }
    }

    int messages() {
        return this.messages;
    }

    int interactions() {
        return this.interactions;
    }

    int rate() {
        return this.rate;
    }

    int slow() {
        return this.slow;
    }

    int runs() {
        return this.runs;
    }

    boolean peers() {
        return this.peers;
    }

    int ingestMessages() {
        return this.ingestMessages;
    }

    int guildCount() {
        return this.guildCount;
    }

    Duration baselineCap() {
        return this.baselineCap;
    }

    /** The heap options every bot runs with (none: the JVM's own sizing). */
    List<String> heap() {
        return this.heap;
    }

    /** Where the benchmark writes its results. */
    Path out() {
        return this.out;
    }

    /** The most steal, in percent, a paced phase is kept with. */
    double maxSteal() {
        return this.maxSteal;
    }

    boolean runs(String phase) {
        return this.phases.contains(phase);
    }

    /**
     * The 1, 5 and 15 minute load averages ({@code /proc/loadavg}): how busy the machine
     * was.
     */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    /**
     * Extracts the application (the AOT cache needs jars), packs the slow command, trains
     * the AOT cache.
     */
    private void prepare() throws Exception {
        if (!Files.isRegularFile(this.jar)) {
            throw new IllegalStateException("No application jar at " + this.jar + ": run ./mvnw -Pbench verify");
        }
        Files.createDirectories(this.out);
        if (!this.profile.isEmpty()) {
            this.profiler = Profiler.library(this.out);
            System.out.println("Profiling the measured phases (" + this.profile + ") with " + this.profiler);
        }
        exec(List.of(java(), "-Djarmode=tools", "-jar", this.jar.toString(), "extract", "--destination",
                this.app.toString(), "--force"));
        this.applicationJar = this.app.resolve(this.jar.getFileName());
        this.commandsJar = this.out.resolve("bench-commands.jar");
        Path classes = Path.of("target", "bench-classes");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(this.commandsJar));
                Stream<Path> files = Stream.concat(Files.walk(classes.resolve("io/github/jdaboot/bench/commands")),
                        Files.walk(classes.resolve("io/github/jdaboot/bench/samefeature")))) {
            // directory entries too: Spring's component scanning finds packages in a jar
            // through them
            for (String directory : List.of("io/", "io/github/", "io/github/jdaboot/", "io/github/jdaboot/bench/",
                    "io/github/jdaboot/bench/commands/", "io/github/jdaboot/bench/samefeature/")) {
                jar.putNextEntry(new JarEntry(directory));
                jar.closeEntry();
            }
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        try (var image = Benchmark.class.getResourceAsStream("/discord/emojis/idea.png")) {
            if (image == null) {
                throw new IllegalStateException("No discord/emojis/idea.png on the class path");
            }
            Files.write(this.emojiImage, image.readAllBytes());
        }
        Files.writeString(this.out.resolve("baseline-logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} : %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        if (!runs("replies") || !selected(Bot.PROJECT_AOT)) {
            System.out.println("Prepared " + this.applicationJar + " and " + this.commandsJar);
            return;
        }
        Files.deleteIfExists(this.aotCache);
        List<String> training = new ArrayList<>(List.of(java(), "-XX:AOTCacheOutput=" + this.aotCache,
                "-Xlog:aot=error", "-Dspring.context.exit=onRefresh", "-Ddiscord.token=aot-training-run-placeholder",
                "-Ddiscord.rest-url=http://127.0.0.1:9/api/v10/", "-Ddiscord.gateway-url=ws://127.0.0.1:9/",
                "-Dlogging.level.root=warn"));
        training.addAll(projectClassPath());
        exec(training);
        System.out.printf(Locale.ROOT, "Prepared %s, %s and the AOT cache %s (%.0f MB)%n", this.applicationJar,
                this.commandsJar, this.aotCache, Files.size(this.aotCache) / 1e6);
        this.aotCheck = checkAotCache();
        System.out.println(this.aotCheck);
    }

    /**
     * Proves the AOT cache is used rather than trusting it: the context is started once
     * more with the cache and {@code -Xlog:class+load}, and the classes loaded from it
     * ("shared objects file") are counted. The measured runs add {@code -XX:AOTMode=on}
     * besides, so a cache the JVM cannot use stops them.
     */
    private String checkAotCache() throws IOException, InterruptedException {
        List<String> check = new ArrayList<>(List.of(java(), "-XX:AOTCache=" + this.aotCache, "-XX:AOTMode=on",
                "-Xlog:class+load=info", "-Dspring.context.exit=onRefresh",
                "-Ddiscord.token=aot-training-run-placeholder", "-Ddiscord.rest-url=http://127.0.0.1:9/api/v10/",
                "-Ddiscord.gateway-url=ws://127.0.0.1:9/", "-Dlogging.level.root=warn"));
        check.addAll(projectClassPath());
        List<String> loaded = exec(check).lines().filter((line) -> line.contains("[class,load]")).toList();
        long fromCache = loaded.stream().filter((line) -> line.contains("source: shared objects file")).count();
        if (fromCache == 0) {
            throw new IllegalStateException("The AOT cache " + this.aotCache + " was not used");
        }
        return String.format(Locale.ROOT,
                "AOT cache check: %,d of %,d classes loaded up to the refreshed context" + " came from the cache",
                fromCache, loaded.size());
    }

    private List<String> projectClassPath() {
        // the application scans only its own package, so the benchmark's command package
        // is added as a source, as a user adds a command jar to a packaged bot
        return List.of("-cp", this.applicationJar + ":" + this.commandsJar, "io.github.jdaboot.DiscordBotApplication",
                "--spring.main.sources=io.github.jdaboot.bench.commands");
    }

    /**
     * The reply phases of one run of one bot (only startup and memory when not
     * {@code full}).
     */
    private BotRun measure(BotRun result, int run, boolean full) throws Exception {
        Bot bot = result.bot;
        System.out.printf(Locale.ROOT, "%n== run %d: %s%n", run, bot.label);
        try (DiscordEmulator discord = emulator(bot)) {
            Traffic traffic = traffic(discord);
            try (BotProcess process = start(bot, "replies", run, discord, Map.of(), List.of())) {
                try {
                    startup(process, result);
                    Thread.sleep(1000);
                    result.heapAfterStartup = process.liveHeapMegabytes();
                    result.rssAfterStartup = process.rssMegabytes();
                    System.out.printf(Locale.ROOT, "   after startup: live heap %.1f MB, RSS %.0f MB%n",
                            result.heapAfterStartup, result.rssAfterStartup);
                    if (!full) {
                        return result;
                    }
                    if (bot.prefixCommands) {
                        prefix(discord, traffic, process, result, run);
                    }
                    List<EmulatedInteraction> answered = slash(discord, traffic, process, result, run);
                    if (bot.clicks) {
                        clicks(discord, process, result, run, answered);
                    }
                    if (bot == Bot.PROJECT || bot == Bot.BASELINE) {
                        concurrency(discord, traffic, process, result);
                    }
                }
                catch (DidNotFinish ex) {
                    didNotFinish(result, process, ex);
                }
                return result;
            }
        }
    }

    /**
     * An emulator for the reply phases of a bot, without rate limits, on the bot's
     * heartbeat interval (see {@link #measure}).
     */
    DiscordEmulator emulator(Bot bot) throws Exception {
        // the one-second heartbeat interval is for the seed's lesson (.wait), which only
        // the project and the plain baseline run; the baseline sending the project's
        // payload, which the project's figures are held against, gets it too, so that
        // the pair answers under the same heartbeats. With it, the 10,000 .idea of a
        // burst sent at once queue the heartbeat ACKs behind them for more than two
        // intervals on a loaded machine, and a bot whose gateway thread reads slower
        // (BotCommands on its JDA 6.0.0-rc.5) takes its connection for a zombie and never
        // comes back: the peers, and the project with their feature which is held
        // against them, get Discord's interval
        Duration heartbeat = (bot == Bot.PROJECT || bot == Bot.BASELINE || bot == Bot.BASELINE_SAME_PAYLOAD)
                ? this.heartbeatInterval : DISCORD_HEARTBEAT_INTERVAL;
        DiscordEmulator discord = DiscordEmulator.builder()
            .port(0)
            .trafficChecks(false)
            .heartbeatInterval(heartbeat)
            .build()
            .start();
        discord.rest().rateLimits(false);
        return discord;
    }

    /** The reply phases' traffic: 100 users in 20 channels of the emulator's guild. */
    Traffic traffic(DiscordEmulator discord) {
        List<EmulatedChannel> channels = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            channels.add(discord.world().addTextChannel(discord.world().guild(), "bench-" + i));
        }
        return new Traffic(discord, channels, users(discord, 100), this.stops);
    }

    /**
     * The {@code .idea} warm-up: {@code bench.warmup} at four times the pace, then rounds
     * at the pace until the JIT compiler has caught up; the reply's payload checked.
     */
    void warmPrefix(DiscordEmulator discord, Traffic traffic, BotProcess process, Bot bot) throws Exception {
        traffic.send(".idea", this.warmup, this.rate * WARMUP_PACE);
        replies("`.idea` warm-up", traffic, Bounds.traffic(this.warmup, this.rate * WARMUP_PACE));
        int perRound = this.messages / SETTLE_PART;
        settle(process, "`.idea`", () -> {
            traffic.send(".idea", perRound, this.rate);
            return replies("`.idea` warm-up at the pace", traffic, Bounds.traffic(perRound, this.rate)).replies();
        });
        checkPayload(discord, bot);
    }

    /**
     * Prefix commands: {@code .idea} warm-up, then paced (latency and CPU), then a burst
     * (throughput and CPU).
     */
    private void prefix(DiscordEmulator discord, Traffic traffic, BotProcess process, BotRun result, int run)
            throws Exception {
        Bot bot = result.bot;
        warmPrefix(discord, traffic, process, bot);

        Traffic.Outcome[] latency = new Traffic.Outcome[1];
        Cost paced = paced(process, bot, "prefix-paced", run, () -> {
            if (latency[0] != null) {
                // an attempt measured again: what it lost still counts
                result.lost += latency[0].lost();
                result.duplicates += latency[0].duplicates();
            }
            traffic.takeHeldUp();
            latency[0] = replies("`.idea` paced", traffic.send(".idea", this.messages, this.rate),
                    Bounds.traffic(this.messages, this.rate));
            return latency[0].replies();
        });
        result.latencies = latency[0].latenciesMicros();
        trace(bot, "prefix-paced", run, latency[0].trace());
        result.lost += latency[0].lost();
        result.duplicates += latency[0].duplicates();
        result.prefixPacedCpuPerThousand = paced.perThousand();
        result.prefixPacedCpuPerThousandWithoutJit = paced.perThousandWithoutJit();
        System.out.printf(Locale.ROOT,
                "   .idea at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d lost, %d duplicates); CPU %.0f ms per"
                        + " 1,000%n",
                this.rate, Stats.percentile(result.latencies, 50) / 1000.0,
                Stats.percentile(result.latencies, 99) / 1000.0,
                result.latencies.isEmpty() ? -1 : result.latencies.getLast() / 1000.0, result.lost, result.duplicates,
                paced.perThousand());
        System.out.println("   CPU by thread: " + paced.threads());
        System.out.println("   " + traffic.takeHeldUp());

        Traffic.Outcome[] saturation = new Traffic.Outcome[1];
        Cost burst = cost(process, bot, "prefix-burst", run, () -> {
            saturation[0] = replies("`.idea` at once", traffic.send(".idea", this.messages, 0),
                    Bounds.traffic(this.messages, 0));
            return saturation[0].replies();
        });
        result.replyThreads = burst.threads();
        result.cpuPerThousand = burst.perThousand();
        result.lost += saturation[0].lost();
        result.duplicates += saturation[0].duplicates();
        result.throughput = saturation[0].replies() / (saturation[0].wall().toNanos() / 1e9);
        System.out.printf(Locale.ROOT, "   .idea at once: %.0f replies/s, CPU %.0f ms per 1,000 replies%n",
                result.throughput, result.cpuPerThousand);
        System.out.println("   CPU by thread: " + result.replyThreads);

        result.heapAfterRun = process.liveHeapMegabytes();
        result.rssAfterRun = process.rssMegabytes();
        System.out.printf(Locale.ROOT, "   after the run: live heap %.1f MB, RSS %.0f MB%n", result.heapAfterRun,
                result.rssAfterRun);
    }

    /**
     * The cost of a paced phase ({@link #cost}), measured again while the machine's
     * hypervisor took more than {@code bench.max-steal} of its CPU time during it, at
     * most {@code bench.steal-attempts} times in all; the work starts each attempt
     * afresh.
     */
    private Cost paced(BotProcess process, Bot bot, String phase, int run, Work work) throws Exception {
        for (int attempt = 1;; attempt++) {
            // over the phase's own traffic, not the wait for the JIT compiler before it
            double[] stolen = new double[1];
            Cost cost = cost(process, bot, phase, run, () -> {
                MachineSteal before = MachineSteal.now();
                int answered = work.run();
                stolen[0] = MachineSteal.now().since(before);
                return answered;
            });
            double steal = stolen[0];
            if (steal * 100 <= this.maxSteal || attempt >= this.stealAttempts) {
                System.out.printf(Locale.ROOT, "   the machine's steal meanwhile: %.1f %% of its CPU time%s%n",
                        steal * 100, (steal * 100 <= this.maxSteal) ? ""
                                : " (kept: the last of " + this.stealAttempts + " attempts)");
                this.keptSteal.add(steal);
                return cost;
            }
            this.remeasured++;
            System.out.printf(Locale.ROOT,
                    "   the machine's steal meanwhile: %.1f %% of its CPU time, more than %s %%: measured again%n",
                    steal * 100, this.maxSteal);
        }
    }

    /**
     * The steal during the paced phases kept, and how many were measured again, as a
     * sentence for the report.
     */
    private String steal() {
        if (this.keptSteal.isEmpty()) {
            return "";
        }
        List<Double> sorted = this.keptSteal.stream().sorted().toList();
        return String.format(Locale.ROOT,
                "The machine's steal (its hypervisor's share of the CPU time) in the %d paced phases kept: median"
                        + " %.1f %%, at most %.1f %%; %d measured again for more than %s %%.",
                sorted.size(), sorted.get(sorted.size() / 2) * 100, sorted.getLast() * 100, this.remeasured,
                this.maxSteal);
    }

    /**
     * The CPU time the bot spends on some work, per 1,000 of what it answered, once the
     * JIT compiler has caught up; profiled when {@code bench.profile} says so.
     */
    private Cost cost(BotProcess process, Bot bot, String phase, int run, Work work) throws Exception {
        process.awaitIdleCompiler(Duration.ofSeconds(30));
        Map<String, Duration> threadsBefore = process.cpuTimeByThread();
        Duration cpuBefore = process.cpuTime();
        startProfiling(process);
        HarnessPauses pausesBefore = HarnessPauses.now();
        int answered = work.run();
        Duration cpu = process.cpuTime().minus(cpuBefore);
        Map<String, Duration> threadsAfter = process.cpuTimeByThread();
        System.out.println("   the harness's own GC pauses meanwhile: " + HarnessPauses.now().since(pausesBefore));
        stopProfiling(process, bot, phase, run);
        return Cost.of(answered, cpu, threadsBefore, threadsAfter);
    }

    /**
     * Writes a measured phase's latencies in the order sent
     * ({@code target/bench/latency/<bot>-<phase>-<run>.csv}), to tell a tail of spread
     * single delays from one of a few stalls.
     */
    private void trace(Bot bot, String phase, int run, List<String> csv) throws IOException {
        Path directory = Files.createDirectories(this.out.resolve("latency"));
        Files.write(directory.resolve(bot.name().toLowerCase(Locale.ROOT) + "-" + phase + "-" + run + ".csv"), csv);
    }

    /**
     * The warm-up's rounds at the measured pace ({@link #SETTLE_PART}): until the JIT
     * compiler's share of the bot's CPU in one is under {@link #SETTLED_SHARE}, at most
     * {@link #SETTLE_ROUNDS}; says how many it took.
     */
    private static void settle(BotProcess process, String what, Work round) throws Exception {
        double share = 1;
        int rounds = 0;
        while (share >= SETTLED_SHARE && rounds < SETTLE_ROUNDS) {
            process.awaitIdleCompiler(Duration.ofSeconds(30));
            Map<String, Duration> threadsBefore = process.cpuTimeByThread();
            Duration cpuBefore = process.cpuTime();
            int answered = round.run();
            rounds++;
            share = Cost.of(answered, process.cpuTime().minus(cpuBefore), threadsBefore, process.cpuTimeByThread())
                .compilerShare();
        }
        System.out.printf(Locale.ROOT,
                "   %s warm-up at the pace: %d round(s), the JIT compiler's share in the last %.0f %%%n", what, rounds,
                share * 100);
    }

    /** Some measured work; returns how many answers it got. */
    @FunctionalInterface
    private interface Work {

        int run() throws Exception;

    }

    /**
     * CPU time per 1,000 answers (with and without the JIT compiler's threads), and the
     * busiest threads.
     */
    private record Cost(double perThousand, double perThousandWithoutJit, String threads) {

        /**
         * The cost of some work, from the process's CPU time over it and the readings of
         * its threads before and after.
         */
        static Cost of(int answered, Duration cpu, Map<String, Duration> threadsBefore,
                Map<String, Duration> threadsAfter) {
            // nothing answered: no figure rather than a division by zero
            double thousands = (answered > 0) ? answered / 1000.0 : Double.NaN;
            // the process's CPU counts threads that ended in between, which no reading
            // names
            Duration unnamed = cpu.minus(BotProcess.cpuOfThreadsBetween(threadsBefore, threadsAfter));
            return new Cost(cpu.toNanos() / 1e6 / thousands,
                    cpu.minus(BotProcess.compilerCpuBetween(threadsBefore, threadsAfter)).toNanos() / 1e6 / thousands,
                    BotProcess.cpuBetween(threadsBefore, threadsAfter, 6) + "; threads that ended meanwhile "
                            + unnamed.toMillis() + " ms of " + cpu.toMillis() + " ms");
        }

        /** The JIT compiler threads' share of the CPU (0 when nothing was answered). */
        double compilerShare() {
            double share = 1 - this.perThousandWithoutJit / this.perThousand;
            return Double.isFinite(share) ? share : 0;
        }

    }

    static void startup(BotProcess process, BotRun result) throws InterruptedException {
        Duration loggedOn = process.awaitLine(LOGGED_ON, Bounds.of(Bounds.STARTUP));
        Duration ready = (result.bot.isProject()) ? process.awaitHttp200(
                "http://127.0.0.1:" + process.port() + "/actuator/health", Bounds.of(Bounds.STARTUP)) : loggedOn;
        result.loggedOn = loggedOn;
        result.ready = ready;
        System.out.printf(Locale.ROOT, "   startup: logged on %d ms, ready %d ms%n", loggedOn.toMillis(),
                ready.toMillis());
    }

    private static List<EmulatedUser> users(DiscordEmulator discord, int count) {
        List<EmulatedUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(discord.world().user("user-" + i));
        }
        return users;
    }

    /**
     * Compares the reply the bot sent with the project's, field by field, ids, nonces and
     * the idea itself aside: the baseline sending the project's payload must send the
     * same JSON shape, or its row would compare nothing.
     */
    private void checkPayload(DiscordEmulator discord, Bot bot) {
        // the last reply sent: to a message, or (for a bot with slash commands only) to
        // an
        // interaction, in its callback or in the edit after a deferral
        List<String> routes = bot.prefixCommands ? List.of("POST /channels/{channel_id}/messages")
                : List.of("POST /interactions/{interaction_id}/{interaction_token}/callback",
                        "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}");
        String body = discord.rest()
            .requests()
            .stream()
            .filter((request) -> routes.contains(request.route()) && request.body().contains("\"components\""))
            .reduce((first, second) -> second)
            .map(RecordedRequest::body)
            .orElse("");
        tools.jackson.databind.JsonNode json = new tools.jackson.databind.json.JsonMapper()
            .readTree(body.isEmpty() ? "{}" : body);
        mask(json);
        String shape = json.toString();
        System.out.println("   reply payload: " + shape);
        if (bot == Bot.PROJECT || bot == Bot.BASELINE_SAME_PAYLOAD) {
            this.payloadShapes.put(bot, shape);
        }
        String project = this.payloadShapes.get(Bot.PROJECT);
        String same = this.payloadShapes.get(Bot.BASELINE_SAME_PAYLOAD);
        if (bot == Bot.BASELINE_SAME_PAYLOAD && project != null && this.payloadCheck.isEmpty()) {
            List<String> differences = differences(project, same);
            this.payloadCheck.add(differences.isEmpty()
                    ? "Payload check: the baseline's project-payload reply has the same JSON as the project's (ids,"
                            + " nonce and idea aside)."
                    : "**Payload check failed**: the baseline sending the project's payload sent another JSON, so"
                            + " its row compares unlike payloads; it differs from the project's in "
                            + String.join("; ", differences) + ".");
            System.out.println("   " + this.payloadCheck.getFirst());
        }
    }

    private final Map<Bot, String> payloadShapes = new EnumMap<>(Bot.class);

    /**
     * Masks what differs from reply to reply in the payload's tree, in place: every text
     * (the message's content, a layout's text displays) as "…", the nonce as
     * {@code <nonce>} (the project's {@code r<message id>-0}), and ids as {@code <id>}:
     * strings of digits (Discord's ids are strings), and numbers in a field named
     * {@code id} or {@code *_id} (JDA writes an emoji's id as a bare number). Other bare
     * numbers (flags, an accent colour, a style) are part of the shape.
     */
    static void mask(tools.jackson.databind.JsonNode json) {
        if (json instanceof tools.jackson.databind.node.ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                tools.jackson.databind.JsonNode value = object.get(name);
                if (name.equals("content") && value.isString()) {
                    object.put(name, "…");
                }
                else if (name.equals("nonce") && !value.isNull()) {
                    object.put(name, "<nonce>");
                }
                else if ((value.isString() && value.asString().matches("\\d{5,}"))
                        || ((name.equals("id") || name.endsWith("_id")) && value.isIntegralNumber())) {
                    object.put(name, "<id>");
                }
                else {
                    mask(value);
                }
            }
        }
        else {
            json.forEach(Benchmark::mask);
        }
    }

    /**
     * Where two JSON texts differ as trees (the order of fields aside): each difference
     * as its path and the two values ({@code (absent)} for a field one lacks); empty when
     * they are equal.
     */
    static List<String> differences(String a, String b) {
        tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.json.JsonMapper();
        List<String> differences = new ArrayList<>();
        differences("$", json.readTree(a), json.readTree(b), differences);
        return differences;
    }

    private static void differences(String path, tools.jackson.databind.@Nullable JsonNode a,
            tools.jackson.databind.@Nullable JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String name : names) {
                differences(path + "." + name, a.get(name), b.get(name), out);
            }
        }
        else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        }
        else if (a == null || !a.equals(b)) {
            out.add(path + ": project " + ((a != null) ? a : "(absent)") + ", baseline "
                    + ((b != null) ? b : "(absent)"));
        }
    }

    /**
     * The {@code /idea} warm-up once the command is registered: twice as many as measured
     * at four times the pace, then rounds at the pace until the JIT compiler has caught
     * up; the reply's payload checked for a bot without prefix commands.
     * @return the interactions of the warm-up
     */
    List<EmulatedInteraction> warmSlash(DiscordEmulator discord, Traffic traffic, BotProcess process, Bot bot)
            throws Exception {
        Duration registration = Bounds.of(Bounds.SHORT);
        long deadline = System.nanoTime() + registration.toNanos();
        while (discord.world().commands(0).stream().noneMatch((command) -> command.name().equals("idea"))) {
            if (System.nanoTime() > deadline) {
                throw new DidNotFinish("`/idea` registration", "no /idea within " + registration.toSeconds() + " s");
            }
            process.checkAlive("`/idea` registration");
            Thread.sleep(20);
        }
        int warmups = WARMUP_TIMES * this.interactions;
        List<EmulatedInteraction> warmup = new ArrayList<>(traffic.slash("idea", warmups, this.rate * WARMUP_PACE));
        answers("`/idea` warm-up", discord, warmup, Bounds.traffic(warmups, this.rate * WARMUP_PACE));
        int perRound = this.interactions / SETTLE_PART;
        settle(process, "`/idea`", () -> {
            List<EmulatedInteraction> settling = traffic.slash("idea", perRound, this.rate);
            answers("`/idea` warm-up at the pace", discord, settling, Bounds.traffic(perRound, this.rate));
            warmup.addAll(settling);
            return settling.size();
        });
        if (!bot.prefixCommands) {
            checkPayload(discord, bot);
        }
        return warmup;
    }

    /**
     * Slash commands: {@code /idea} warm-up at four times the pace, then paced (latency
     * from INTERACTION_CREATE to the callback, and CPU), then a burst (CPU).
     * @return the answered ones, whose replies the clicks then click
     */
    private List<EmulatedInteraction> slash(DiscordEmulator discord, Traffic traffic, BotProcess process, BotRun result,
            int run) throws Exception {
        List<EmulatedInteraction> warmup = warmSlash(discord, traffic, process, result.bot);
        List<EmulatedInteraction> paced = new ArrayList<>();
        Cost pacedCost = paced(process, result.bot, "slash-paced", run, () -> {
            // an attempt measured again: what it left unanswered still counts, and its
            // replies are still there to click
            result.slashLost += paced.size() - Traffic.answerLatenciesMicros(discord, paced).size();
            warmup.addAll(paced);
            paced.clear();
            traffic.takeHeldUp();
            paced.addAll(traffic.slash("idea", this.interactions, this.rate));
            answers("`/idea` paced", discord, paced, Bounds.traffic(this.interactions, this.rate));
            return Traffic.answerLatenciesMicros(discord, paced).size();
        });
        result.slashLatencies = Traffic.answerLatenciesMicros(discord, paced);
        trace(result.bot, "slash-paced", run, Traffic.answerTrace(discord, paced));
        result.slashLost += paced.size() - result.slashLatencies.size();
        result.slashThreads = pacedCost.threads();
        result.slashCpuPerThousand = pacedCost.perThousand();
        result.slashCpuPerThousandWithoutJit = pacedCost.perThousandWithoutJit();
        System.out.printf(Locale.ROOT,
                "   /idea at %d/s: p50 %.2f ms, p99 %.2f ms (%d unanswered); CPU %.0f ms per 1,000%n", this.rate,
                Stats.percentile(result.slashLatencies, 50) / 1000.0,
                Stats.percentile(result.slashLatencies, 99) / 1000.0, paced.size() - result.slashLatencies.size(),
                result.slashCpuPerThousand);
        System.out.println("   CPU by thread: " + result.slashThreads);
        System.out.println("   " + traffic.takeHeldUp());

        List<EmulatedInteraction> burst = new ArrayList<>();
        Cost burstCost = cost(process, result.bot, "slash-burst", run, () -> {
            burst.addAll(traffic.slash("idea", this.interactions, 0));
            answers("`/idea` at once", discord, burst, Bounds.traffic(this.interactions, 0));
            return Traffic.answerLatenciesMicros(discord, burst).size();
        });
        List<Long> burstLatencies = Traffic.answerLatenciesMicros(discord, burst);
        result.slashLost += burst.size() - burstLatencies.size();
        result.slashBurstCpuPerThousand = burstCost.perThousand();
        System.out.printf(Locale.ROOT, "   /idea at once: CPU %.0f ms per 1,000 (%d unanswered)%n",
                result.slashBurstCpuPerThousand, burst.size() - burstLatencies.size());
        List<EmulatedInteraction> answered = new ArrayList<>(warmup);
        answered.addAll(paced);
        answered.addAll(burst);
        answered.removeIf((interaction) -> interaction.callbackType() == 0);
        return answered;
    }

    /**
     * Clicks on the first button of the bot's {@code /idea} replies, one reply each: a
     * warm-up, then paced (latency from INTERACTION_CREATE to the callback, and CPU),
     * then a burst (CPU).
     */
    private void clicks(DiscordEmulator discord, BotProcess process, BotRun result, int run,
            List<EmulatedInteraction> answered) throws Exception {
        Map<Long, EmulatedMessage> replies = Traffic.responses(discord.world());
        List<EmulatedMessage> targets = new ArrayList<>();
        for (EmulatedInteraction interaction : answered) {
            EmulatedMessage reply = replies.get(interaction.id());
            if (reply != null && Traffic.firstButton(reply) != null) {
                targets.add(reply);
            }
        }
        // each reply clicked once by the warm-up, the paced clicks and the burst; the
        // rounds at the pace click the same fifth again
        int count = Math.min(this.interactions, targets.size() * SETTLE_PART / ((WARMUP_TIMES + 2) * SETTLE_PART + 1));
        int fast = WARMUP_TIMES * count;
        int warmups = fast + count / SETTLE_PART;
        if (count == 0) {
            throw new DidNotFinish("clicks", "no /idea reply with a button to click");
        }
        Traffic clicking = new Traffic(discord, List.of(), users(discord, 100), this.stops);
        answers("click warm-up", discord, clicking.clicks(targets.subList(0, fast), this.rate * WARMUP_PACE),
                Bounds.traffic(fast, this.rate * WARMUP_PACE));
        settle(process, "click", () -> {
            answers("click warm-up at the pace", discord, clicking.clicks(targets.subList(fast, warmups), this.rate),
                    Bounds.traffic(warmups - fast, this.rate));
            return warmups - fast;
        });
        List<EmulatedInteraction> paced = new ArrayList<>();
        Cost pacedCost = paced(process, result.bot, "click-paced", run, () -> {
            // an attempt measured again clicks the same replies again; what it left
            // unanswered still counts
            result.clickLost += paced.size() - Traffic.answerLatenciesMicros(discord, paced).size();
            paced.clear();
            clicking.takeHeldUp();
            paced.addAll(clicking.clicks(targets.subList(warmups, warmups + count), this.rate));
            answers("clicks paced", discord, paced, Bounds.traffic(count, this.rate));
            return Traffic.answerLatenciesMicros(discord, paced).size();
        });
        result.clickLatencies = Traffic.answerLatenciesMicros(discord, paced);
        trace(result.bot, "click-paced", run, Traffic.answerTrace(discord, paced));
        result.clickLost += paced.size() - result.clickLatencies.size();
        result.clickCpuPerThousand = pacedCost.perThousand();
        result.clickCpuPerThousandWithoutJit = pacedCost.perThousandWithoutJit();
        System.out.printf(Locale.ROOT,
                "   %,d clicks at %d/s: p50 %.2f ms, p99 %.2f ms (%d unanswered); CPU %.0f ms per 1,000%n", count,
                this.rate, Stats.percentile(result.clickLatencies, 50) / 1000.0,
                Stats.percentile(result.clickLatencies, 99) / 1000.0, paced.size() - result.clickLatencies.size(),
                result.clickCpuPerThousand);
        System.out.println("   CPU by thread: " + pacedCost.threads());
        System.out.println("   " + clicking.takeHeldUp());
        List<EmulatedInteraction> burst = new ArrayList<>();
        Cost burstCost = cost(process, result.bot, "click-burst", run, () -> {
            burst.addAll(clicking.clicks(targets.subList(warmups + count, warmups + 2 * count), 0));
            answers("clicks at once", discord, burst, Bounds.traffic(count, 0));
            return Traffic.answerLatenciesMicros(discord, burst).size();
        });
        int burstAnswered = Traffic.answerLatenciesMicros(discord, burst).size();
        result.clickLost += burst.size() - burstAnswered;
        result.clickBurstCpuPerThousand = burstCost.perThousand();
        result.clicks = count;
        System.out.printf(Locale.ROOT, "   %,d clicks at once: CPU %.0f ms per 1,000 (%d unanswered)%n", count,
                result.clickBurstCpuPerThousand, burst.size() - burstAnswered);
    }

    /**
     * The ingest phase: a flood the bot does not answer ({@code bench.ingest-messages}
     * messages over 1,000 channels, a typing event before every tenth and a reaction
     * after it), then one {@code .idea}, whose reply marks the end. A tenth of it goes
     * first, unmeasured, to warm the JIT. Measured: CPU per 1,000 events, the wall time
     * from the first event to the marker's reply, and the bytes allocated per event (heap
     * growth between the GC pauses, from {@code -Xlog:gc}).
     */
    private void ingest(BotRun result, int run) throws Exception {
        System.out.printf(Locale.ROOT, "%n== run %d: %s, ingest%n", run, result.bot.label);
        // Discord's heartbeat interval: a flood delays the ACKs queued behind it, and
        // with the others' 1 s a bot
        // would take its connection for a zombie and reconnect in the middle of it
        try (DiscordEmulator discord = DiscordEmulator.builder()
            .port(0)
            .trafficChecks(false)
            .heartbeatInterval(DISCORD_HEARTBEAT_INTERVAL)
            .build()
            .start()) {
            discord.rest().rateLimits(false);
            List<EmulatedChannel> channels = new ArrayList<>();
            for (int i = 0; i < INGEST_CHANNELS; i++) {
                channels.add(discord.world().addTextChannel(discord.world().guild(), "chat-" + i));
            }
            Traffic traffic = new Traffic(discord, channels, users(discord, 100), this.stops);
            try (BotProcess process = start(result.bot, "ingest", run, discord,
                    Map.of("DISCORD_INTENTS", INGEST_INTENTS), List.of("-Xlog:gc:stdout"))) {
                try {
                    ingest(result, run, traffic, process);
                }
                catch (DidNotFinish ex) {
                    didNotFinish(result, process, ex);
                }
            }
        }
    }

    /** The ingest phase on the started bot. */
    private void ingest(BotRun result, int run, Traffic traffic, BotProcess process) throws Exception {
        startup(process, new BotRun(result.bot));
        flood(traffic, this.ingestMessages);
        // a full GC first, as in a bot that has run for a while: what survived
        // startup is in the old
        // generation, instead of being copied between survivor spaces in the
        // first young GCs
        process.liveHeapMegabytes();
        Duration compiling = process.awaitIdleCompiler(Duration.ofSeconds(60));
        System.out.printf(Locale.ROOT, "   warmed up; the JIT compiler was busy for %.1f s more%n",
                compiling.toNanos() / 1e9);
        long[] mark = process.allocationMark();
        Map<String, Duration> threadsBefore = process.cpuTimeByThread();
        Duration cpuBefore = process.cpuTime();
        startProfiling(process);
        Instant start = Instant.now();
        int events = traffic.flood(this.ingestMessages);
        Duration sending = Duration.between(start, Instant.now());
        Traffic.Outcome marker = replies("ingest", traffic.send(".idea", 1, 0), ingestBound());
        Duration cpu = process.cpuTime().minus(cpuBefore);
        stopProfiling(process, result.bot, "ingest", run);
        Map<String, Duration> threadsAfter = process.cpuTimeByThread();
        result.ingestThreads = BotProcess.cpuBetween(threadsBefore, threadsAfter, 6);
        long allocated = process.allocatedSince(mark);
        result.ingestEvents = events;
        result.ingestCpuPerThousand = cpu.toNanos() / 1e6 / (events / 1000.0);
        result.ingestCpuPerThousandWithoutJit = cpu.minus(BotProcess.compilerCpuBetween(threadsBefore, threadsAfter))
            .toNanos() / 1e6 / (events / 1000.0);
        result.ingestWall = Duration.between(start, marker.answers().getFirst().getFirst().timestamp());
        result.ingestSending = sending;
        result.ingestBytesPerEvent = (double) allocated / events;
        System.out.printf(Locale.ROOT,
                "   %,d events sent in %.1f s, drained in %.1f s; CPU %.1f ms per 1,000"
                        + " events; %.0f bytes allocated per event%n",
                events, sending.toNanos() / 1e9, result.ingestWall.toNanos() / 1e9, result.ingestCpuPerThousand,
                result.ingestBytesPerEvent);
        System.out.println("   CPU by thread: " + result.ingestThreads);
    }

    private void flood(Traffic traffic, int messages) throws InterruptedException {
        traffic.flood(messages);
        replies("ingest warm-up", traffic.send(".idea", 1, 0), ingestBound());
    }

    /**
     * The flood's events (a typing and a reaction every tenth message) at the rate
     * expected.
     */
    private Duration ingestBound() {
        return Bounds.of(Duration.ofMillis(this.ingestMessages * 1_200L / Bounds.INGEST_PER_SECOND));
    }

    /**
     * The guild phase: the bot starts in {@code bench.guilds} guilds (3 text channels and
     * 4 roles each) on 4 shards. Measured: the time from process start until every shard
     * is ready (its {@code Logged on as}), the live heap then, and the heap per guild:
     * the bot is then removed from all guilds but one per shard (GUILD_DELETE, as when it
     * is kicked), answers a {@code .idea} in each of those so that every shard has caught
     * up, and the live heap that frees, divided by the guilds removed.
     */
    private void guilds(BotRun result, int run) throws Exception {
        System.out.printf(Locale.ROOT, "%n== run %d: %s, %,d guilds%n", run, result.bot.label, this.guildCount);
        try (DiscordEmulator discord = DiscordEmulator.builder()
            .port(0)
            .trafficChecks(false)
            .heartbeatInterval(DISCORD_HEARTBEAT_INTERVAL)
            .defaultWorld(false)
            .build()
            .start()) {
            discord.rest().rateLimits(false);
            World world = discord.world();
            EmulatedUser owner = world.user("owner");
            List<EmulatedGuild> guilds = new ArrayList<>(this.guildCount);
            long madeFrom = System.nanoTime();
            for (int i = 0; i < this.guildCount; i++) {
                EmulatedGuild guild = world.addGuild("guild-" + i, owner);
                for (String channel : List.of("general", "random", "ideas")) {
                    world.addTextChannel(guild, channel);
                }
                world.addRole(guild, "Moderators", 1L << 13, false);
                world.addRole(guild, "Members", 1L << 10, true);
                guilds.add(guild);
            }
            int[] perShard = new int[SHARDS];
            guilds.forEach((guild) -> perShard[shardOf(guild)]++);
            result.guildsPerShard = perShard;
            System.out.printf(Locale.ROOT, "   world made in %.1f s; guilds per shard %s%n",
                    (System.nanoTime() - madeFrom) / 1e9, Arrays.toString(perShard));
            try (BotProcess process = start(result.bot, "guilds", run, discord,
                    Map.of("DISCORD_SHARDS_TOTAL", Integer.toString(SHARDS)), List.of())) {
                try {
                    guilds(result, world, owner, guilds, discord, process);
                }
                catch (DidNotFinish ex) {
                    didNotFinish(result, process, ex);
                }
            }
        }
    }

    /** The guild phase on the started bot. */
    private void guilds(BotRun result, World world, EmulatedUser owner, List<EmulatedGuild> guilds,
            DiscordEmulator discord, BotProcess process) throws Exception {
        Duration loading = Bounds.of(Bounds.STARTUP.plusSeconds(this.guildCount / Bounds.GUILDS_PER_SECOND));
        result.guildsReady = process.awaitLines(LOGGED_ON, SHARDS, loading);
        // what a bot does at startup besides connecting (BotCommands and
        // jda-commands register each guild's commands) is over before the heap is
        // measured
        awaitRestQuiet(discord, Duration.ofSeconds(2), loading);
        Thread.sleep(1000);
        result.guildsHeap = process.liveHeapMegabytes();
        result.guildsRss = process.rssMegabytes();
        List<EmulatedGuild> kept = new ArrayList<>();
        for (EmulatedGuild guild : guilds) {
            if (kept.stream().noneMatch((k) -> shardOf(k) == shardOf(guild))) {
                kept.add(guild);
            }
            else {
                world.removeGuild(guild);
            }
        }
        for (EmulatedGuild guild : kept) {
            EmulatedChannel general = guild.channels().getFirst();
            if (result.bot.prefixCommands) {
                EmulatedMessage asked = world.as(owner).says(general, ".idea");
                try {
                    world.awaitReply(asked, Bounds.of(Bounds.SHORT));
                }
                catch (RuntimeException | AssertionError ex) {
                    // the emulator's waits fail with an AssertionError, as in a test
                    throw new DidNotFinish("guilds", "no reply to `.idea` in a kept guild: " + ex.getMessage());
                }
            }
            else {
                try {
                    world.as(owner).runs(SlashCommand.of("idea").in(general)).awaitCallback(Bounds.of(Bounds.SHORT));
                }
                catch (RuntimeException | AssertionError ex) {
                    throw new DidNotFinish("guilds", "no answer to `/idea` in a kept guild: " + ex.getMessage());
                }
            }
        }
        double heapLeft = process.liveHeapMegabytes();
        result.guildsHeapPerGuildKb = (result.guildsHeap - heapLeft) * 1024 / (guilds.size() - kept.size());
        System.out.printf(Locale.ROOT,
                "   all %d shards ready in %.1f s; live heap %.1f MB (RSS %.0f MB), %.1f MB"
                        + " after leaving all but %d guilds: %.2f kB per guild%n",
                SHARDS, result.guildsReady.toNanos() / 1e9, result.guildsHeap, result.guildsRss, heapLeft, kept.size(),
                result.guildsHeapPerGuildKb);
    }

    /**
     * Waits until the bot has sent no REST request for {@code quiet}, or the timeout.
     */
    private static void awaitRestQuiet(DiscordEmulator discord, Duration quiet, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = discord.rest().requests().size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            int now = discord.rest().requests().size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private static int shardOf(EmulatedGuild guild) {
        return (int) ((guild.id() >>> 22) % SHARDS);
    }

    void startProfiling(BotProcess process) throws IOException, InterruptedException {
        if (this.profiler != null) {
            process.startProfiler(this.profiler, this.profile);
        }
    }

    /**
     * Ends a profiled phase:
     * {@code target/bench/profiles/<bot>-<phase>-<run>-<event>.html} and
     * {@code .collapsed}.
     */
    void stopProfiling(BotProcess process, Bot bot, String phase, int run) throws IOException, InterruptedException {
        if (this.profiler != null) {
            Path file = this.out.resolve("profiles")
                .resolve(bot.name().toLowerCase(Locale.ROOT) + "-" + phase + "-" + run + "-" + this.profile + ".html");
            process.stopProfiler(this.profiler, file);
            System.out.println("   profile: " + file);
        }
    }

    /** The seed's lesson: many one-second commands at once. */
    private void concurrency(DiscordEmulator discord, Traffic traffic, BotProcess process, BotRun result)
            throws InterruptedException {
        int eventsBefore = discord.gateway().events().size();
        int missedBefore = process.count(MISSED_HEARTBEATS);
        long start = System.nanoTime();
        Duration cap = (result.bot == Bot.BASELINE) ? this.baselineCap : Bounds.of(Duration.ofSeconds(2));
        Traffic.Outcome waits = traffic.send(".wait", this.slow, 0).awaitReplies(cap);
        // watch the connection for a few heartbeat intervals at least, however fast the
        // replies came
        long watchedUntil = start + 5 * this.heartbeatInterval.toNanos();
        while (System.nanoTime() < watchedUntil) {
            Thread.sleep(50);
        }
        long end = System.nanoTime();
        if (result.bot.isProject() && waits.replies() == 0) {
            throw new DidNotFinish("`.wait`", "no reply in " + cap.toSeconds()
                    + " s: is the benchmark's slow command registered (spring.main.sources)?");
        }
        result.slowReplies = waits.replies();
        result.slowReplyTimes = waits.replyOffsetsSeconds();
        result.slowWall = waits.complete() ? waits.wall() : cap;
        result.slowComplete = waits.complete();
        result.missedHeartbeatWarnings = process.count(MISSED_HEARTBEATS) - missedBefore;
        result.reconnects = (int) discord.gateway()
            .events()
            .stream()
            .skip(eventsBefore)
            .filter((event) -> event.kind() == GatewayActivity.CONNECT)
            .count();
        List<Long> beats = discord.gateway().heartbeatTimes().stream().filter((t) -> t >= start && t <= end).toList();
        long late = (this.heartbeatInterval.toNanos() * 3) / 2;
        long longestGap = 0;
        for (int i = 1; i < beats.size(); i++) {
            long gap = beats.get(i) - beats.get(i - 1);
            longestGap = Math.max(longestGap, gap);
            if (gap > late) {
                result.lateHeartbeats++;
            }
        }
        result.longestHeartbeatGap = Duration.ofNanos(longestGap);
        result.heartbeats = beats.size();
        result.heartbeatsExpected = (int) ((end - start) / this.heartbeatInterval.toNanos());
        System.out.printf(Locale.ROOT,
                "   %d x .wait: %d replies in %.2f s%s; JDA heartbeat warnings %d, reconnects %d; emulator: %d of %d"
                        + " heartbeats expected, %d late, longest gap %d ms%n",
                this.slow, waits.replies(), result.slowWall.toNanos() / 1e9, waits.complete() ? "" : " (cut off)",
                result.missedHeartbeatWarnings, result.reconnects, result.heartbeats, result.heartbeatsExpected,
                result.lateHeartbeats, result.longestHeartbeatGap.toMillis());
    }

    BotProcess start(Bot bot, String phase, int run, DiscordEmulator discord, Map<String, String> settings,
            List<String> jvmOptions) throws IOException {
        int port = BotProcess.freePort();
        Map<String, String> environment = new HashMap<>(Map.of("DISCORD_TOKEN", discord.token(), "DISCORD_REST_URL",
                discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "SERVER_PORT", Integer.toString(port)));
        environment.putAll(settings);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(this.heap);
        command.addAll(this.everyJvmOptions);
        command.addAll(jvmOptions);
        switch (bot) {
            case PROJECT -> {
                command.addAll(this.projectJvmOptions);
                command.addAll(projectClassPath());
            }
            case PROJECT_SAME_FEATURE -> {
                // the application as packaged, but the peers' feature scanned instead of
                // its idea package
                command.addAll(this.projectJvmOptions);
                command.add("-cp");
                command.add(this.applicationJar + ":" + this.commandsJar);
                command.add("io.github.jdaboot.bench.samefeature.SameFeatureBot");
            }
            case PROJECT_AOT -> {
                command.add("-XX:AOTCache=" + this.aotCache);
                command.add("-XX:AOTMode=on"); // fail rather than run without the cache
                command.addAll(projectClassPath());
            }
            case BASELINE, BASELINE_SAME_PAYLOAD -> {
                if (bot == Bot.BASELINE_SAME_PAYLOAD) {
                    environment.put("BENCH_PAYLOAD", "project");
                    environment.put("BENCH_EMOJI", this.emojiImage.toAbsolutePath().toString());
                }
                command.addAll(this.baselineJvmOptions);
                command.add("-Dlogback.configurationFile=" + this.out.resolve("baseline-logback.xml"));
                command.add("-cp");
                command.add(Path.of("target", "bench-classes") + ":" + this.app.resolve("lib") + "/*");
                command.add(BaselineBot.class.getName());
            }
            case BOTCOMMANDS, JDA_COMMANDS -> {
                Path built = this.peersBuilt.resolve((bot == Bot.BOTCOMMANDS) ? "botcommands" : "jda-commands");
                command.add("-Dlogback.configurationFile=" + this.out.resolve("baseline-logback.xml"));
                command.add("-cp");
                command.add(built.resolve("target/classes") + ":" + built.resolve("target/lib") + "/*");
                command.add((bot == Bot.BOTCOMMANDS) ? "io.github.jdaboot.bench.peers.botcommands.BotCommandsBot"
                        : "io.github.jdaboot.bench.peers.jdacommands.JdaCommandsBot");
            }
        }
        return BotProcess.start(bot.label, port, command, environment,
                this.out.resolve("logs")
                    .resolve(bot.name().toLowerCase(Locale.ROOT) + "-" + phase + "-" + run + ".log"),
                List.of(LOGGED_ON, MISSED_HEARTBEATS));
    }

    /** A number property that may be passed empty, for its default. */
    private static int blankOr(@Nullable String value, int otherwise) {
        return (value == null || value.isBlank()) ? otherwise : Integer.parseInt(value.strip());
    }

    private static List<String> heapOptions(@Nullable String value) {
        String size = (value == null || value.isBlank()) ? "1g" : value.strip();
        if (size.equals("jvm")) {
            return List.of();
        }
        if (!size.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException(
                    "bench.heap=" + value + " is not a heap size: set it as -Xmx takes it (e.g. 1g, 768m) or to jvm");
        }
        return List.of("-Xms" + size, "-Xmx" + size);
    }

    private static List<String> options(String property) {
        return Stream.of(System.getProperty(property, "").split(" ")).filter((option) -> !option.isBlank()).toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs the command to its end and returns its output; fails if it does not exit with
     * 0.
     */
    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            System.out.write(output);
            throw new IllegalStateException("Failed: " + String.join(" ", command));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** One bot's measurement in a run. */
    @FunctionalInterface
    private interface Measurement {

        void run() throws Exception;

    }

    enum Bot {

        PROJECT("this project", true, true), BASELINE("baseline (plain JDA)", true, false),
        BASELINE_SAME_PAYLOAD("baseline sending the project's payload", true, true),
        PROJECT_AOT("this project, AOT cache", true, true),
        PROJECT_SAME_FEATURE("this project, peers' feature", true, true), BOTCOMMANDS("BotCommands", true, false),
        JDA_COMMANDS("jda-commands", false, true);

        final String label;

        /** Whether it has prefix commands ({@code .idea}). */
        final boolean prefixCommands;

        /**
         * Whether its {@code /idea} reply has a button whose click it answers: not the
         * plain baseline (text only), not BotCommands (its components need a database).
         */
        final boolean clicks;

        Bot(String label, boolean prefixCommands, boolean clicks) {
            this.label = label;
            this.prefixCommands = prefixCommands;
            this.clicks = clicks;
        }

        /** Its name in {@code bench.bots}, e.g. {@code baseline-same-payload}. */
        String benchName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The bot of a {@code bench.bots} name, e.g. {@code baseline-same-payload}. */
        static Bot named(String name) {
            for (Bot bot : values()) {
                if (bot.benchName().equals(name)) {
                    return bot;
                }
            }
            throw new IllegalArgumentException("No bot named " + name + " in bench.bots: it takes "
                    + Stream.of(values()).map(Bot::benchName).toList());
        }

        boolean isPeer() {
            return this == BOTCOMMANDS || this == JDA_COMMANDS;
        }

        boolean isProject() {
            return this == PROJECT || this == PROJECT_AOT || this == PROJECT_SAME_FEATURE;
        }

    }

    /** Each bot's runs. */
    static final class Results {

        final List<BotRun> project = new ArrayList<>();

        final List<BotRun> baseline = new ArrayList<>();

        final List<BotRun> samePayload = new ArrayList<>();

        final List<BotRun> projectAot = new ArrayList<>();

        /** This project running the peers' feature (src/bench/.../samefeature). */
        final List<BotRun> sameFeature = new ArrayList<>();

        final List<BotRun> botCommands = new ArrayList<>();

        final List<BotRun> jdaCommands = new ArrayList<>();

    }

    /** What one run of one bot measured. */
    static final class BotRun {

        final Bot bot;

        @Nullable Duration loggedOn;

        @Nullable Duration ready;

        double heapAfterStartup = Double.NaN;

        double rssAfterStartup = Double.NaN;

        double heapAfterRun = Double.NaN;

        double rssAfterRun = Double.NaN;

        /** Sorted, in microseconds. */
        List<Long> latencies = List.of();

        double throughput = Double.NaN;

        double cpuPerThousand = Double.NaN;

        int lost;

        int duplicates;

        /** From INTERACTION_CREATE to the callback, sorted, in microseconds. */
        List<Long> slashLatencies = List.of();

        double slashCpuPerThousand = Double.NaN;

        double slashCpuPerThousandWithoutJit = Double.NaN;

        /**
         * The threads that used the most CPU in the measured replies and slash commands,
         * as text.
         */
        String replyThreads = "";

        String slashThreads = "";

        int slashLost;

        /** {@code .idea} paced at {@code bench.rate}: CPU time per 1,000 replies. */
        double prefixPacedCpuPerThousand = Double.NaN;

        double prefixPacedCpuPerThousandWithoutJit = Double.NaN;

        /** {@code /idea} all at once: CPU time per 1,000. */
        double slashBurstCpuPerThousand = Double.NaN;

        /** Clicks measured in each of the paced and burst runs. */
        int clicks;

        /**
         * Clicks paced at {@code bench.rate}, INTERACTION_CREATE to callback, sorted, in
         * microseconds.
         */
        List<Long> clickLatencies = List.of();

        double clickCpuPerThousand = Double.NaN;

        double clickCpuPerThousandWithoutJit = Double.NaN;

        double clickBurstCpuPerThousand = Double.NaN;

        int clickLost;

        int slowReplies;

        List<Double> slowReplyTimes = List.of();

        @Nullable Duration slowWall;

        boolean slowComplete;

        int missedHeartbeatWarnings;

        int reconnects;

        /**
         * The longest time between two heartbeats the emulator received while the slow
         * commands ran.
         */
        Duration longestHeartbeatGap = Duration.ZERO;

        /**
         * Heartbeats the emulator received more than 1.5 intervals after the one before.
         */
        int lateHeartbeats;

        /**
         * Heartbeats the emulator received while the slow commands ran, and how many one
         * per interval makes.
         */
        int heartbeats;

        int heartbeatsExpected;

        int ingestEvents;

        double ingestCpuPerThousand = Double.NaN;

        double ingestCpuPerThousandWithoutJit = Double.NaN;

        /** From the first event of the flood to the marker's reply. */
        @Nullable Duration ingestWall;

        /** How long the emulator took to send the flood. */
        @Nullable Duration ingestSending;

        double ingestBytesPerEvent = Double.NaN;

        /** The threads that used the most CPU during the flood, as text. */
        String ingestThreads = "";

        /** From process start until every shard was ready. */
        @Nullable Duration guildsReady;

        double guildsHeap = Double.NaN;

        double guildsRss = Double.NaN;

        double guildsHeapPerGuildKb = Double.NaN;

        /**
         * How the emulator's ids spread the guilds over the shards
         * ({@code (id >> 22) % shards}, as Discord does).
         */
        int[] guildsPerShard = new int[0];

        /**
         * The phases of this run that did not finish, each as "phase: reason"; their
         * figures (and those of the phases after them, whose bot was killed) stay NaN.
         */
        final List<String> unfinished = new ArrayList<>();

        BotRun(Bot bot) {
            this.bot = bot;
        }

        /** A duration in milliseconds; NaN (no figure) when the phase did not finish. */
        static double millis(@Nullable Duration duration) {
            return (duration != null) ? duration.toNanos() / 1e6 : Double.NaN;
        }

        /** A duration in seconds; NaN (no figure) when the phase did not finish. */
        static double seconds(@Nullable Duration duration) {
            return (duration != null) ? duration.toNanos() / 1e9 : Double.NaN;
        }

    }

}
