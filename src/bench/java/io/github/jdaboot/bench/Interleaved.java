package io.github.jdaboot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import io.github.jdaboot.bench.Benchmark.Bot;
import io.github.jdaboot.bench.Benchmark.BotRun;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedInteraction;

/**
 * Two bots measured in turns ({@code -Dbench.phases=interleaved -Dbench.bots=a,b}): both
 * started and warmed up, then short slices of paced {@code .idea} and {@code /idea} sent
 * to one and then the other, in the order ABBA, so that what the machine's host does to
 * its CPU for half a minute meets both bots alike, which one bot's phase after the
 * other's cannot: there, one bot's CPU per reply moved by 30 to 50 % between runs, more
 * than the margins compared. A pair of slices with more than {@code bench.max-steal} of
 * steal in either is measured again, at most as many times as there are slices.
 * <p>
 * The figures compared are the first bot's against the second's over all the slice pairs
 * kept, every run pooled: CPU per 1,000 replies as a ratio, p99 latency as a difference,
 * each with a 95 % interval from resampling the slice pairs (bootstrap), so that a margin
 * inside the slices' spread says so. A run starts both bots afresh (what the JIT compiler
 * makes of a process differs between processes). A bot may be compared with itself
 * ({@code -Dbench.bots=project,project}): what the harness's order alone makes of two
 * like bots. With {@code bench.profile}, both bots are profiled over the same minutes, so
 * that their profiles compare like with like.
 */
final class Interleaved {

    /** Resamples of the slice pairs for the intervals. */
    private static final int RESAMPLES = 1_000;

    private final Benchmark benchmark;

    private final Bot first;

    private final Bot second;

    /** Slice pairs kept per command and run: {@code bench.slices}, 20 by default. */
    private final int slices = Integer.getInteger("bench.slices", 20);

    /**
     * Commands a slice sends at the paced rate: {@code bench.slice}, 1,000 by default (4
     * s at 250/s).
     */
    private final int slice = Integer.getInteger("bench.slice", 1_000);

    private final List<Pair> pairs = new ArrayList<>();

    Interleaved(Benchmark benchmark, List<Bot> bots) {
        if (bots.size() != 2) {
            throw new IllegalStateException(
                    "bench.phases=interleaved compares two bots: set bench.bots to two of them, e.g."
                            + " -Dbench.bots=project,baseline-same-payload (it has " + bots + ")");
        }
        this.benchmark = benchmark;
        this.first = bots.get(0);
        this.second = bots.get(1);
    }

    /** Runs the pair {@code bench.runs} times and writes the comparison. */
    void run() throws Exception {
        Instant started = Instant.now();
        for (int run = 1; run <= this.benchmark.runs(); run++) {
            System.out.printf(Locale.ROOT, "%n== run %d: %s and %s in turns%n", run, this.first.label,
                    this.second.label);
            // every other run starts and warms up the second bot first, so that neither
            // is always the one that waits, warm, while the other warms up
            boolean reversed = run % 2 == 0;
            try (Side started1 = side(reversed ? this.second : this.first, reversed ? "b" : "a", run);
                    Side started2 = side(reversed ? this.first : this.second, reversed ? "a" : "b", run)) {
                started1.warm();
                started2.warm();
                Side a = reversed ? started2 : started1;
                Side b = reversed ? started1 : started2;
                for (Command command : Command.values()) {
                    if (command == Command.PREFIX && !(this.first.prefixCommands && this.second.prefixCommands)) {
                        continue;
                    }
                    a.process.awaitIdleCompiler(Duration.ofSeconds(30));
                    b.process.awaitIdleCompiler(Duration.ofSeconds(30));
                    // with bench.profile, each bot over the same minutes: its own slices
                    // and its waits while the other answers
                    this.benchmark.startProfiling(a.process);
                    this.benchmark.startProfiling(b.process);
                    slices(run, command, a, b);
                    String phase = "interleaved-" + command.name().toLowerCase(Locale.ROOT);
                    this.benchmark.stopProfiling(a.process, a.bot, phase + "-a", run);
                    this.benchmark.stopProfiling(b.process, b.bot, phase + "-b", run);
                }
            }
        }
        String table = markdown(started);
        System.out.println();
        System.out.println(table);
        Path written = this.benchmark.out().resolve("interleaved.md");
        Files.writeString(written, table);
        System.out.println("Written: " + written);
    }

    /**
     * Starts one bot of the pair against an emulator of its own; {@code name} (a or b)
     * tells apart the logs of a bot compared with itself.
     */
    private Side side(Bot bot, String name, int run) throws Exception {
        DiscordEmulator discord = this.benchmark.emulator(bot);
        Side side;
        try {
            BotProcess process = this.benchmark.start(bot, "interleaved-" + name, run, discord, Map.of(), List.of());
            side = new Side(bot, discord, this.benchmark.traffic(discord), process);
        }
        catch (Exception ex) {
            discord.close();
            throw ex;
        }
        try {
            Benchmark.startup(side.process, new BotRun(bot));
            return side;
        }
        catch (Exception ex) {
            // a bot that did not start is not left running
            side.close();
            throw ex;
        }
    }

    /** The slice pairs of one command in one run, until enough are kept. */
    private void slices(int run, Command command, Side a, Side b) throws Exception {
        int kept = 0;
        for (int attempt = 1; kept < this.slices && attempt <= 2 * this.slices; attempt++) {
            // ABBA: the bot measured first changes every pair
            boolean firstFirst = attempt % 2 == 1;
            Slice sa;
            Slice sb;
            if (firstFirst) {
                sa = a.slice(command);
                sb = b.slice(command);
            }
            else {
                sb = b.slice(command);
                sa = a.slice(command);
            }
            boolean keep = Math.max(sa.steal, sb.steal) * 100 <= this.benchmark.maxSteal();
            System.out.printf(Locale.ROOT,
                    "   %s pair %d (%s first): CPU %.0f / %.0f ms per 1,000, p99 %.2f / %.2f ms, steal %.1f / %.1f %%%s%n",
                    command.label, attempt, firstFirst ? "A" : "B", sa.cpuPerThousand(), sb.cpuPerThousand(),
                    sa.p99Millis(), sb.p99Millis(), sa.steal * 100, sb.steal * 100, keep ? "" : ": measured again");
            if (keep) {
                this.pairs.add(new Pair(run, command, sa, sb));
                kept++;
            }
        }
        if (kept < this.slices) {
            System.out.printf(Locale.ROOT, "   %s: only %d of %d pairs under %s %% steal%n", command.label, kept,
                    this.slices, this.benchmark.maxSteal());
        }
    }

    private String markdown(Instant started) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "A: %s, B: %s, in turns (ABBA), slices of %,d at %d/s, %d slice pairs per command and run, %d run(s)"
                        + " (every other one started and warmed up B first); pairs with more than %s %% steal"
                        + " measured again; intervals from resampling the runs and their pairs. Run %s to %s on %d CPUs.",
                this.first.label, this.second.label, this.slice, this.benchmark.rate(), this.slices,
                this.benchmark.runs(), this.benchmark.maxSteal(), started.truncatedTo(ChronoUnit.SECONDS),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors()));
        lines.add("");
        lines.add("| Command | Runs | Pairs | CPU A / B (ms per 1,000) | A / B [95 %] | p50 A / B (ms) |"
                + " p99 A / B (ms) | p99 A - B [95 %] (ms) | p99 A - B, median of the pairs' (ms) |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        for (Command command : Command.values()) {
            List<Pair> all = this.pairs.stream().filter((pair) -> pair.command == command).toList();
            if (all.isEmpty()) {
                continue;
            }
            for (int run = 1; run <= this.benchmark.runs(); run++) {
                int r = run;
                lines.add(row(command, Integer.toString(run), all.stream().filter((pair) -> pair.run == r).toList()));
            }
            lines.add(row(command, "all", all));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String row(Command command, String runs, List<Pair> pairs) {
        if (pairs.isEmpty()) {
            return "| " + command.label + " | " + runs + " | 0 | | | | | | |";
        }
        Pooled pooled = Pooled.of(pairs);
        double[] ratio = interval(pairs, Pooled::cpuRatio);
        double[] difference = interval(pairs, Pooled::p99Difference);
        // a tail hit by one slice's stall moves the pooled p99; the median of the pairs'
        // own differences does not
        double median = Stats.spread(pairs, (pair) -> pair.a.p99Millis() - pair.b.p99Millis()).median();
        return String.format(Locale.ROOT,
                "| %s | %s | %d | %.0f / %.0f | %.3f [%.3f, %.3f] | %.2f / %.2f | %.2f / %.2f | %+.2f [%+.2f, %+.2f] |"
                        + " %+.2f |",
                command.label, runs, pairs.size(), pooled.cpuA, pooled.cpuB, pooled.cpuRatio(), ratio[0], ratio[1],
                pooled.p50A, pooled.p50B, pooled.p99A, pooled.p99B, pooled.p99Difference(), difference[0],
                difference[1], median);
    }

    /**
     * The 2.5th and 97.5th percentiles of a figure of the pooled pairs over resamples
     * (with replacement, from a fixed seed) of the runs, and of the pairs within each run
     * drawn: two processes of the same bot differ (what the JIT compiler made of each),
     * so the interval of several runs holds that spread too, not only the slices'.
     */
    static double[] interval(List<Pair> pairs, ToDoubleFunction<Pooled> figure) {
        List<List<Pair>> runs = new ArrayList<>(
                pairs.stream().collect(Collectors.groupingBy(Pair::run, TreeMap::new, Collectors.toList())).values());
        Random random = new Random(23);
        double[] figures = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            List<Pair> resample = new ArrayList<>(pairs.size());
            for (int r = 0; r < runs.size(); r++) {
                List<Pair> run = runs.get(random.nextInt(runs.size()));
                for (int j = 0; j < run.size(); j++) {
                    resample.add(run.get(random.nextInt(run.size())));
                }
            }
            figures[i] = figure.applyAsDouble(Pooled.of(resample));
        }
        Arrays.sort(figures);
        return new double[] { figures[(int) (RESAMPLES * 0.025)], figures[(int) (RESAMPLES * 0.975) - 1] };
    }

    /** The commands compared. */
    enum Command {

        PREFIX("`.idea`"), SLASH("`/idea`");

        final String label;

        Command(String label) {
            this.label = label;
        }

    }

    /**
     * What one slice of one bot measured: its latencies (sorted, microseconds), the bot's
     * CPU time over it, how many it answered, and the machine's steal meanwhile (0 to 1).
     */
    record Slice(List<Long> latencies, Duration cpu, int answered, double steal) {

        double cpuPerThousand() {
            return this.cpu.toNanos() / 1e6 / (this.answered / 1000.0);
        }

        /** The slice's own p99, in ms. */
        double p99Millis() {
            return Stats.percentile(this.latencies, 99) / 1000;
        }

    }

    /** A slice of each bot, one right after the other. */
    record Pair(int run, Command command, Slice a, Slice b) {
    }

    /** Figures of slice pairs pooled: CPU per 1,000 replies, p50 and p99 in ms. */
    record Pooled(double cpuA, double cpuB, double p50A, double p50B, double p99A, double p99B) {

        static Pooled of(List<Pair> pairs) {
            long cpuA = 0;
            long cpuB = 0;
            int answeredA = 0;
            int answeredB = 0;
            List<Long> latenciesA = new ArrayList<>();
            List<Long> latenciesB = new ArrayList<>();
            for (Pair pair : pairs) {
                cpuA += pair.a.cpu.toNanos();
                cpuB += pair.b.cpu.toNanos();
                answeredA += pair.a.answered;
                answeredB += pair.b.answered;
                latenciesA.addAll(pair.a.latencies);
                latenciesB.addAll(pair.b.latencies);
            }
            latenciesA.sort(Long::compare);
            latenciesB.sort(Long::compare);
            return new Pooled(cpuA / 1e6 / (answeredA / 1000.0), cpuB / 1e6 / (answeredB / 1000.0),
                    Stats.percentile(latenciesA, 50) / 1000, Stats.percentile(latenciesB, 50) / 1000,
                    Stats.percentile(latenciesA, 99) / 1000, Stats.percentile(latenciesB, 99) / 1000);
        }

        double cpuRatio() {
            return this.cpuA / this.cpuB;
        }

        double p99Difference() {
            return this.p99A - this.p99B;
        }

    }

    /** One bot of the pair: its emulator, traffic and process. */
    private final class Side implements AutoCloseable {

        private final Bot bot;

        private final DiscordEmulator discord;

        private final Traffic traffic;

        private final BotProcess process;

        Side(Bot bot, DiscordEmulator discord, Traffic traffic, BotProcess process) {
            this.bot = bot;
            this.discord = discord;
            this.traffic = traffic;
            this.process = process;
        }

        /** The warm-ups of the full benchmark, for the commands compared. */
        void warm() throws Exception {
            System.out.println("   warming up " + this.bot.label);
            if (Interleaved.this.first.prefixCommands && Interleaved.this.second.prefixCommands) {
                Interleaved.this.benchmark.warmPrefix(this.discord, this.traffic, this.process, this.bot);
            }
            Interleaved.this.benchmark.warmSlash(this.discord, this.traffic, this.process, this.bot);
        }

        Slice slice(Command command) throws Exception {
            int count = Interleaved.this.slice;
            int rate = Interleaved.this.benchmark.rate();
            Duration bound = Bounds.traffic(count, rate);
            MachineSteal steal = MachineSteal.now();
            Duration cpu = this.process.cpuTime();
            List<Long> latencies;
            int answered;
            if (command == Command.PREFIX) {
                Traffic.Outcome outcome = Benchmark.replies("`.idea` slice", this.traffic.send(".idea", count, rate),
                        bound);
                latencies = outcome.latenciesMicros();
                answered = outcome.replies();
            }
            else {
                List<EmulatedInteraction> sent = this.traffic.slash("idea", count, rate);
                Benchmark.answers("`/idea` slice", this.discord, sent, bound);
                latencies = Traffic.answerLatenciesMicros(this.discord, sent);
                answered = latencies.size();
            }
            Duration used = this.process.cpuTime().minus(cpu);
            return new Slice(latencies, used, answered, MachineSteal.now().since(steal));
        }

        @Override
        public void close() throws Exception {
            try {
                this.process.close();
            }
            finally {
                this.discord.close();
            }
        }

    }

}
