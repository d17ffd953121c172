package io.github.jdaboot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;

/**
 * This project against a plain JDA bot, in one run on one machine: {@code ./mvnw -Pbench verify}.
 * <p>
 * The emulator runs in this JVM; each bot runs as its own JVM process against a fresh emulator, with the
 * emulator's rate limits lifted and a one-second heartbeat interval. Runs alternate (project, baseline,
 * project, baseline, …); each run of a bot measures, in this order:
 * <ol>
 * <li>startup: process start to {@code Logged on as} and, for the project, to {@code /actuator/health} UP;</li>
 * <li>memory after startup: live heap (after a full GC, {@code jcmd}) and resident set size;</li>
 * <li>warm-up: {@code bench.warmup} {@code .idea} messages, not measured;</li>
 * <li>latency: {@code bench.messages} {@code .idea} messages over 20 channels from 100 users, paced at
 * {@code bench.rate} per second (below saturation), from the emulator dispatching MESSAGE_CREATE to the
 * emulator receiving the reply;</li>
 * <li>throughput: {@code bench.messages} more sent at once; replies per second until the last one, and the
 * bot's CPU time ({@code utime + stime} from {@code /proc/<pid>/stat}) per 1,000 replies;</li>
 * <li>memory after the run, as after startup;</li>
 * <li>the seed's lesson: {@code bench.slow} {@code .wait} commands (each waits one second) arrive at once:
 * wall time until all replies are in (the baseline, which sleeps on JDA's event thread, is cut off after
 * {@code bench.baseline-cap} and its total extrapolated), and what happened to the heartbeats meanwhile: as
 * the bot saw them (JDA's missed-heartbeat warnings, reconnects) and as the emulator saw them (heartbeats
 * received against one per interval, gaps over 1.5 intervals).</li>
 * </ol>
 * Besides, each run starts the project once more with its AOT cache (made by a training run, as in the
 * Dockerfile, from the extracted jar since the cache needs a class path of jars) for startup and memory
 * after startup; before the runs, a check counts the classes actually loaded from the cache. Figures are medians over the runs, with min and max.
 * Output: a table on standard output and in {@code target/bench/results.md}, and a chart in
 * {@code target/bench/results.png}.
 */
public final class Benchmark {

    static final String LOGGED_ON = "Logged on as";

    static final String MISSED_HEARTBEATS = "Missed";

    private final Path jar = Path.of(System.getProperty("bench.jar", "target/discord-bot-0.1.0-SNAPSHOT.jar"));

    private final int messages = Integer.getInteger("bench.messages", 10_000);

    private final int runs = Integer.getInteger("bench.runs", 5);

    private final int rate = Integer.getInteger("bench.rate", 250);

    private final int warmup = Integer.getInteger("bench.warmup", 2_000);

    private final int slow = Integer.getInteger("bench.slow", 200);

    private final Duration baselineCap = Duration.ofSeconds(Integer.getInteger("bench.baseline-cap", 20));

    private final Duration heartbeatInterval = Duration.ofSeconds(1);

    /** Extra JVM options for the project's process, e.g. {@code -XX:StartFlightRecording} to profile it. */
    private final List<String> projectJvmOptions = options("bench.project-jvm-options");

    /** Extra JVM options for the baseline's process. */
    private final List<String> baselineJvmOptions = options("bench.baseline-jvm-options");

    private final Path out = Path.of("target", "bench");

    private final Path app = this.out.resolve("app");

    private final Path aotCache = this.out.resolve("app.aot");

    private Path applicationJar;

    private Path commandsJar;

    private String aotCheck = "";

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        new Benchmark().run();
    }

    private void run() throws Exception {
        prepare();
        List<BotRun> project = new ArrayList<>();
        List<BotRun> baseline = new ArrayList<>();
        List<BotRun> projectAot = new ArrayList<>();
        for (int run = 1; run <= this.runs; run++) {
            project.add(measure(Bot.PROJECT, run, true));
            baseline.add(measure(Bot.BASELINE, run, true));
            projectAot.add(measure(Bot.PROJECT_AOT, run, false));
        }
        Report report = new Report(this.messages, this.rate, this.slow, this.baselineCap, this.runs, project, baseline,
                projectAot, this.aotCheck);
        String table = report.markdown();
        System.out.println();
        System.out.println(table);
        Files.writeString(this.out.resolve("results.md"), table);
        ResultsChart.write(project.getLast(), baseline.getLast(), this.slow, this.baselineCap.toNanos() / 1e9,
                this.out.resolve("results.png"));
        System.out.println("Written: " + this.out.resolve("results.md") + ", " + this.out.resolve("results.png"));
    }

    /** Extracts the application (the AOT cache needs jars), packs the slow command, trains the AOT cache. */
    private void prepare() throws Exception {
        if (!Files.isRegularFile(this.jar)) {
            throw new IllegalStateException("No application jar at " + this.jar + ": run ./mvnw -Pbench verify");
        }
        Files.createDirectories(this.out);
        exec(List.of(java(), "-Djarmode=tools", "-jar", this.jar.toString(), "extract", "--destination",
                this.app.toString(), "--force"));
        this.applicationJar = this.app.resolve(this.jar.getFileName());
        this.commandsJar = this.out.resolve("bench-commands.jar");
        Path classes = Path.of("target", "bench-classes");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(this.commandsJar));
                Stream<Path> files = Files.walk(classes.resolve("io/github/jdaboot/bench/commands"))) {
            // directory entries too: Spring's component scanning finds packages in a jar through them
            for (String directory : List.of("io/", "io/github/", "io/github/jdaboot/", "io/github/jdaboot/bench/",
                    "io/github/jdaboot/bench/commands/")) {
                jar.putNextEntry(new JarEntry(directory));
                jar.closeEntry();
            }
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        Files.writeString(this.out.resolve("baseline-logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{ISO8601} %-5level [%thread] %logger{36} : %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        Files.deleteIfExists(this.aotCache);
        List<String> training = new ArrayList<>(List.of(java(), "-XX:AOTCacheOutput=" + this.aotCache, "-Xlog:aot=error",
                "-Dspring.context.exit=onRefresh", "-Ddiscord.token=aot-training-run-placeholder",
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
     * Proves the AOT cache is used rather than trusting it: the context is started once more with the cache
     * and {@code -Xlog:class+load}, and the classes loaded from it ("shared objects file") are counted. The
     * measured runs add {@code -XX:AOTMode=on} besides, so a cache the JVM cannot use stops them.
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
        return String.format(Locale.ROOT, "AOT cache check: %,d of %,d classes loaded up to the refreshed context"
                + " came from the cache", fromCache, loaded.size());
    }

    private List<String> projectClassPath() {
        return List.of("-cp", this.applicationJar + ":" + this.commandsJar, "io.github.jdaboot.DiscordBotApplication");
    }

    private BotRun measure(Bot bot, int run, boolean full) throws Exception {
        System.out.printf(Locale.ROOT, "%n== run %d: %s%n", run, bot.label);
        try (DiscordEmulator discord = DiscordEmulator.builder().port(0).heartbeatInterval(this.heartbeatInterval)
            .build()
            .start()) {
            discord.rest().rateLimits(false);
            List<EmulatedChannel> channels = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                channels.add(discord.world().addTextChannel(discord.world().guild(), "bench-" + i));
            }
            List<EmulatedUser> users = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                users.add(discord.world().user("user-" + i));
            }
            Traffic traffic = new Traffic(discord, channels, users);
            int port = BotProcess.freePort();
            try (BotProcess process = start(bot, run, discord, port)) {
                BotRun result = new BotRun(bot);
                result.loggedOn = process.awaitLine(LOGGED_ON, Duration.ofSeconds(90));
                result.ready = (bot == Bot.BASELINE) ? result.loggedOn
                        : process.awaitHttp200("http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(90));
                System.out.printf(Locale.ROOT, "   startup: logged on %d ms, ready %d ms%n", result.loggedOn.toMillis(),
                        result.ready.toMillis());
                Thread.sleep(1000);
                result.heapAfterStartup = process.liveHeapMegabytes();
                result.rssAfterStartup = process.rssMegabytes();
                System.out.printf(Locale.ROOT, "   after startup: live heap %.1f MB, RSS %.0f MB%n",
                        result.heapAfterStartup, result.rssAfterStartup);
                if (!full) {
                    return result;
                }
                traffic.send(".idea", this.warmup, 0);
                traffic.awaitReplies(Duration.ofSeconds(120));

                Traffic.Outcome latency = traffic.send(".idea", this.messages, this.rate).awaitReplies(Duration.ofSeconds(180));
                result.latencies = latency.latenciesMicros();
                result.lost += latency.lost();
                result.duplicates += latency.duplicates();
                System.out.printf(Locale.ROOT, "   latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d lost, %d duplicates)%n",
                        Stats.percentile(result.latencies, 50) / 1000.0, Stats.percentile(result.latencies, 99) / 1000.0,
                        result.latencies.getLast() / 1000.0, latency.lost(), latency.duplicates());

                Duration cpuBefore = process.cpuTime();
                Traffic.Outcome saturation = traffic.send(".idea", this.messages, 0).awaitReplies(Duration.ofSeconds(300));
                Duration cpu = process.cpuTime().minus(cpuBefore);
                result.lost += saturation.lost();
                result.duplicates += saturation.duplicates();
                result.throughput = saturation.replies() / (saturation.wall().toNanos() / 1e9);
                result.cpuPerThousand = cpu.toNanos() / 1e6 / (saturation.replies() / 1000.0);
                System.out.printf(Locale.ROOT, "   throughput: %.0f replies/s, CPU %.0f ms per 1,000 replies%n",
                        result.throughput, result.cpuPerThousand);

                result.heapAfterRun = process.liveHeapMegabytes();
                result.rssAfterRun = process.rssMegabytes();
                System.out.printf(Locale.ROOT, "   after the run: live heap %.1f MB, RSS %.0f MB%n", result.heapAfterRun,
                        result.rssAfterRun);

                concurrency(discord, traffic, process, result);
                return result;
            }
        }
    }

    /** The seed's lesson: many one-second commands at once. */
    private void concurrency(DiscordEmulator discord, Traffic traffic, BotProcess process, BotRun result)
            throws InterruptedException {
        int eventsBefore = discord.gateway().events().size();
        int missedBefore = process.count(MISSED_HEARTBEATS);
        long start = System.nanoTime();
        Duration cap = (result.bot == Bot.BASELINE) ? this.baselineCap : Duration.ofSeconds(60);
        Traffic.Outcome waits = traffic.send(".wait", this.slow, 0).awaitReplies(cap);
        // watch the connection for a few heartbeat intervals at least, however fast the replies came
        long watchedUntil = start + 5 * this.heartbeatInterval.toNanos();
        while (System.nanoTime() < watchedUntil) {
            Thread.sleep(50);
        }
        long end = System.nanoTime();
        result.slowReplies = waits.replies();
        result.slowReplyTimes = waits.replyOffsetsSeconds();
        result.slowWall = waits.complete() ? waits.wall() : cap;
        result.slowComplete = waits.complete();
        result.missedHeartbeatWarnings = process.count(MISSED_HEARTBEATS) - missedBefore;
        result.reconnects = (int) discord.gateway().events().stream().skip(eventsBefore)
            .filter((event) -> event.kind().equals("connect"))
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

    private BotProcess start(Bot bot, int run, DiscordEmulator discord, int port) throws IOException {
        Map<String, String> environment = Map.of("DISCORD_TOKEN", discord.token(), "DISCORD_REST_URL",
                discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl(), "SERVER_PORT", Integer.toString(port));
        List<String> command = new ArrayList<>();
        command.add(java());
        switch (bot) {
            case PROJECT -> {
                command.addAll(this.projectJvmOptions);
                command.addAll(projectClassPath());
            }
            case PROJECT_AOT -> {
                command.add("-XX:AOTCache=" + this.aotCache);
                command.add("-XX:AOTMode=on"); // fail rather than run without the cache
                command.addAll(projectClassPath());
            }
            case BASELINE -> {
                command.addAll(this.baselineJvmOptions);
                command.add("-Dlogback.configurationFile=" + this.out.resolve("baseline-logback.xml"));
                command.add("-cp");
                command.add(Path.of("target", "bench-classes") + ":" + this.app.resolve("lib") + "/*");
                command.add(BaselineBot.class.getName());
            }
        }
        return BotProcess.start(bot.label, command, environment,
                this.out.resolve("logs").resolve(bot.name().toLowerCase(Locale.ROOT) + "-" + run + ".log"),
                List.of(LOGGED_ON, MISSED_HEARTBEATS));
    }

    private static List<String> options(String property) {
        return Stream.of(System.getProperty(property, "").split(" ")).filter((option) -> !option.isBlank()).toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs the command to its end and returns its output; fails if it does not exit with 0. */
    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            System.out.write(output);
            throw new IllegalStateException("Failed: " + String.join(" ", command));
        }
        return new String(output, java.nio.charset.StandardCharsets.UTF_8);
    }

    enum Bot {

        PROJECT("this project"), BASELINE("baseline (plain JDA)"), PROJECT_AOT("this project, AOT cache");

        final String label;

        Bot(String label) {
            this.label = label;
        }
    }

    /** What one run of one bot measured. */
    static final class BotRun {

        final Bot bot;

        Duration loggedOn = Duration.ZERO;

        Duration ready = Duration.ZERO;

        double heapAfterStartup;

        double rssAfterStartup;

        double heapAfterRun;

        double rssAfterRun;

        /** Sorted, in microseconds. */
        List<Long> latencies = List.of();

        double throughput;

        double cpuPerThousand;

        int lost;

        int duplicates;

        int slowReplies;

        List<Double> slowReplyTimes = List.of();

        Duration slowWall = Duration.ZERO;

        boolean slowComplete;

        int missedHeartbeatWarnings;

        int reconnects;

        /** The longest time between two heartbeats the emulator received while the slow commands ran. */
        Duration longestHeartbeatGap = Duration.ZERO;

        /** Heartbeats the emulator received more than 1.5 intervals after the one before. */
        int lateHeartbeats;

        /** Heartbeats the emulator received while the slow commands ran, and how many one per interval makes. */
        int heartbeats;

        int heartbeatsExpected;

        BotRun(Bot bot) {
            this.bot = bot;
        }
    }

    /** Users talking in channels, and what the bot answered. */
    static final class Traffic {

        private final DiscordEmulator discord;

        private final List<EmulatedChannel> channels;

        private final List<EmulatedUser> users;

        private List<EmulatedMessage> sent = List.of();

        private int next;

        Traffic(DiscordEmulator discord, List<EmulatedChannel> channels, List<EmulatedUser> users) {
            this.discord = discord;
            this.channels = channels;
            this.users = users;
        }

        /** Sends {@code count} messages, paced at {@code perSecond} (0: as fast as possible). */
        Traffic send(String content, int count, int perSecond) {
            List<EmulatedMessage> messages = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (perSecond > 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                }
                int n = this.next++;
                messages.add(this.discord.world().as(this.users.get(n % this.users.size())).says(this.channels.get(n % this.channels.size()), content));
            }
            this.sent = messages;
            return this;
        }

        Outcome awaitReplies(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<EmulatedMessage> pending = new ArrayList<>(this.sent);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                pending.removeIf((message) -> !this.discord.world().repliesTo(message).isEmpty());
                if (!pending.isEmpty()) {
                    Thread.sleep(20);
                }
            }
            return new Outcome(this.sent, this.sent.stream().map(this.discord::repliesTo).toList());
        }

        record Outcome(List<EmulatedMessage> sent, List<List<EmulatedMessage>> answers) {

            int replies() {
                return (int) this.answers.stream().filter((r) -> !r.isEmpty()).count();
            }

            int lost() {
                return this.sent.size() - replies();
            }

            boolean complete() {
                return lost() == 0;
            }

            int duplicates() {
                return this.answers.stream().mapToInt((r) -> Math.max(0, r.size() - 1)).sum();
            }

            /** Sorted latencies in microseconds. */
            List<Long> latenciesMicros() {
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < this.sent.size(); i++) {
                    if (!this.answers.get(i).isEmpty()) {
                        latencies.add(Duration.between(this.sent.get(i).timestamp(),
                                this.answers.get(i).getFirst().timestamp()).toNanos() / 1000);
                    }
                }
                latencies.sort(Long::compare);
                return latencies;
            }

            /** Seconds from the first message to each reply, in order. */
            List<Double> replyOffsetsSeconds() {
                Instant first = this.sent.getFirst().timestamp();
                return this.answers.stream().filter((r) -> !r.isEmpty())
                    .map((r) -> Duration.between(first, r.getFirst().timestamp()).toNanos() / 1e9)
                    .sorted()
                    .toList();
            }

            /** From the first message sent to the last reply received. */
            Duration wall() {
                Instant first = this.sent.getFirst().timestamp();
                return this.answers.stream().filter((r) -> !r.isEmpty())
                    .map((r) -> Duration.between(first, r.getFirst().timestamp()))
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            }
        }
    }
}
