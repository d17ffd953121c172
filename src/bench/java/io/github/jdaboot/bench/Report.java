package io.github.jdaboot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import io.github.jdaboot.bench.Benchmark.BotRun;
import io.github.jdaboot.bench.Benchmark.Results;
import org.jspecify.annotations.Nullable;

/**
 * The results table, in Markdown: medians over the runs with min and max, ratios, and the
 * targets.
 */
final class Report {

    private final Benchmark bench;

    private final List<BotRun> project;

    private final List<BotRun> baseline;

    private final List<BotRun> samePayload;

    /** This project running the peers' feature: the peers' comparison is with it. */
    private final List<BotRun> sameFeature;

    private final List<BotRun> projectAot;

    private final List<BotRun> botCommands;

    private final List<BotRun> jdaCommands;

    private final String peerVersions;

    private final String aotCheck;

    private final String payloadCheck;

    private final String machine;

    Report(Benchmark bench, Results results, String aotCheck, String payloadCheck, String machine,
            String peerVersions) {
        this.bench = bench;
        this.project = results.project;
        this.baseline = results.baseline;
        this.samePayload = results.samePayload;
        this.sameFeature = results.sameFeature;
        this.projectAot = results.projectAot;
        this.botCommands = results.botCommands;
        this.jdaCommands = results.jdaCommands;
        this.peerVersions = peerVersions;
        this.aotCheck = aotCheck;
        this.payloadCheck = payloadCheck;
        this.machine = machine;
    }

    String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "Medians of %d runs (min-max), alternating project and baseline, each bot a JVM process against the"
                        + " emulator on loopback, %d cores (%s). Java %s. %s",
                this.bench.runs(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), this.machine));
        lines.add("");
        lines.add("| Measure | This project | Baseline (plain JDA) | Project / baseline | Target |");
        lines.add("| --- | ---: | ---: | ---: | --- |");
        if (this.bench.runs("replies")) {
            replies(lines);
        }
        if (this.bench.runs("ingest")) {
            ingest(lines);
        }
        if (this.bench.runs("guilds")) {
            guilds(lines);
        }
        lines.add("");
        lines.addAll(targets());
        lines.add("");
        lines
            .add("Latency: from the emulator dispatching MESSAGE_CREATE (or INTERACTION_CREATE) to it receiving the reply's"
                    + " POST (or the interaction's answer: its callback, or the edit after a deferral), over 20 channels, rate limits lifted. CPU: utime + stime of"
                    + " the bot process (`/proc/<pid>/stat`); for `/idea` over the paced run. Heap: used after `jcmd GC.run`"
                    + " (`GC.heap_info`); RSS: `VmRSS` (`/proc/<pid>/status`). Allocation: the heap's growth between GC"
                    + " pauses (`-Xlog:gc`) over the flood. The baseline's `.wait` sleeps on JDA's event thread, so it is cut"
                    + " off and extrapolated. AOT runs use `-XX:AOTMode=on` (no start without the cache). " + heap()
                    + (this.aotCheck.isEmpty() ? "" : " " + this.aotCheck + ".")
                    + (this.payloadCheck.isEmpty() ? "" : " " + this.payloadCheck));
        if (this.bench.peers() && (this.bench.runs("replies") || this.bench.runs("guilds"))) {
            lines.add("");
            lines.addAll(peers());
        }
        return String.join("\n", lines) + "\n";
    }

    /**
     * The peers' table: the same feature in BotCommands and jda-commands beside this
     * project and the baselines, what a peer cannot do said instead of a figure, the
     * versions and settings under it, and the targets against the peers.
     */
    private List<String> peers() {
        List<String> lines = new ArrayList<>();
        lines.add("The peers: `/idea` and `.idea` (where a framework has prefix commands), answering with the same text"
                + " and one button, and the button's click answered, in each framework the way its documentation"
                + " shows (src/bench/peers); this project does the same in \"this project, peers' feature\""
                + " (src/bench/java/.../samefeature: the packaged application with that command set scanned instead of"
                + " its idea package), the run the targets against the peers are checked on. \"This project, its"
                + " /idea\" is the application as packaged (two buttons and a topic menu), beside the baseline sending"
                + " that same payload.");
        lines.add("");
        lines.add("| Measure | This project, peers' feature | This project, its /idea | Baseline, project's payload |"
                + " Baseline (plain JDA) | BotCommands | jda-commands |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        int rate = this.bench.rate();
        if (this.bench.runs("replies")) {
            String slash = String.format(Locale.ROOT, "`/idea`, %,d at %d/s", this.bench.interactions(), rate);
            peerRow(lines, slash + ": CPU time per 1,000, ms", (r) -> r.slashCpuPerThousand, "%.0f", null);
            peerRow(lines, "... the same without the JIT compiler's threads, ms",
                    (r) -> r.slashCpuPerThousandWithoutJit, "%.0f", null);
            peerRow(lines, slash + ": latency p50, ms", (r) -> Stats.percentile(r.slashLatencies, 50) / 1000.0, "%.2f",
                    null);
            peerRow(lines, slash + ": latency p99, ms", (r) -> Stats.percentile(r.slashLatencies, 99) / 1000.0, "%.2f",
                    null);
            peerRow(lines, String.format(Locale.ROOT, "`/idea`, %,d at once: CPU time per 1,000, ms",
                    this.bench.interactions()), (r) -> r.slashBurstCpuPerThousand, "%.0f", null);
            String prefix = String.format(Locale.ROOT, "`.idea`, %,d at %d/s", this.bench.messages(), rate);
            peerRow(lines, prefix + ": CPU time per 1,000, ms", (r) -> r.prefixPacedCpuPerThousand, "%.0f",
                    Report::prefixMissing);
            peerRow(lines, "... the same without the JIT compiler's threads, ms",
                    (r) -> r.prefixPacedCpuPerThousandWithoutJit, "%.0f", Report::prefixMissing);
            peerRow(lines, prefix + ": latency p50, ms", (r) -> Stats.percentile(r.latencies, 50) / 1000.0, "%.2f",
                    Report::prefixMissing);
            peerRow(lines, prefix + ": latency p99, ms", (r) -> Stats.percentile(r.latencies, 99) / 1000.0, "%.2f",
                    Report::prefixMissing);
            String prefixBurst = String.format(Locale.ROOT, "`.idea`, %,d at once", this.bench.messages());
            peerRow(lines, prefixBurst + ": CPU time per 1,000, ms", (r) -> r.cpuPerThousand, "%.0f",
                    Report::prefixMissing);
            peerRow(lines, prefixBurst + ": replies/s", (r) -> r.throughput, "%.0f", Report::prefixMissing);
            String click = String.format(Locale.ROOT, "Click on the reply's button, %,d at %d/s",
                    this.bench.interactions(), rate);
            peerRow(lines, click + ": CPU time per 1,000, ms", (r) -> r.clickCpuPerThousand, "%.0f",
                    Report::clickMissing);
            peerRow(lines, "... the same without the JIT compiler's threads, ms",
                    (r) -> r.clickCpuPerThousandWithoutJit, "%.0f", Report::clickMissing);
            peerRow(lines, click + ": latency p50, ms", (r) -> Stats.percentile(r.clickLatencies, 50) / 1000.0, "%.2f",
                    Report::clickMissing);
            peerRow(lines, click + ": latency p99, ms", (r) -> Stats.percentile(r.clickLatencies, 99) / 1000.0, "%.2f",
                    Report::clickMissing);
            peerRow(lines,
                    String.format(Locale.ROOT, "Clicks, %,d at once: CPU time per 1,000, ms",
                            this.bench.interactions()),
                    (r) -> r.clickBurstCpuPerThousand, "%.0f", Report::clickMissing);
            lines.add(String.format(Locale.ROOT,
                    "| Unanswered: `/idea` / `.idea` / clicks (all runs) | %s | %s | %s | %s |" + " %s | %s |",
                    unanswered(this.sameFeature), unanswered(this.project), unanswered(this.samePayload),
                    unanswered(this.baseline), unanswered(this.botCommands), unanswered(this.jdaCommands)));
            peerRow(lines, "Startup: process start to `Logged on as`, ms", (r) -> BotRun.millis(r.loggedOn), "%.0f",
                    null);
            peerRow(lines, "Live heap after startup (after a full GC), MB", (r) -> r.heapAfterStartup, "%.1f", null);
            peerRow(lines, "RSS after startup, MB", (r) -> r.rssAfterStartup, "%.0f", null);
        }
        if (this.bench.runs("guilds")) {
            String guilds = String.format(Locale.ROOT, "%,d guilds on %d shards", this.bench.guildCount(),
                    Benchmark.SHARDS);
            peerRow(lines, guilds + ": process start until every shard is ready, s",
                    (r) -> BotRun.seconds(r.guildsReady), "%.1f", null, false);
            peerRow(lines, guilds + ": heap per guild, kB", (r) -> r.guildsHeapPerGuildKb, "%.2f",
                    Report::perGuildMissing, false);
        }
        lines.add("");
        lines.add("Versions and settings: " + this.peerVersions + " " + heap());
        lines.add("");
        lines.add("Interaction latency: from INTERACTION_CREATE to the answer the user sees: the callback when it"
                + " carries the answer (4 a reply, 7 an update), else the edit that follows the deferral (jda-commands"
                + " acknowledges `/idea` with 5 and a click with 6, then edits). The project with its /idea and the"
                + " baseline sending its payload reply with two buttons and a topic menu; the project with the peers'"
                + " feature, BotCommands and jda-commands with one button; the plain baseline with text only.");
        if (this.bench.runs("replies")) {
            lines.add("");
            lines.addAll(peerTargets());
        }
        return lines;
    }

    /**
     * Against the peers (the targets): ahead of both on CPU per interaction and
     * on p99, where each can do it.
     */
    private List<String> peerTargets() {
        List<String> lines = new ArrayList<>();
        lines.add("Targets against the peers (medians, paced at " + this.bench.rate() + "/s):");
        aheadOfPeers(lines, "`/idea` CPU per 1,000", (r) -> r.slashCpuPerThousand, (r) -> true, "%.0f ms");
        aheadOfPeers(lines, "`/idea` p99", (r) -> Stats.percentile(r.slashLatencies, 99) / 1000.0, (r) -> true,
                "%.2f ms");
        aheadOfPeers(lines, "`.idea` CPU per 1,000", (r) -> r.prefixPacedCpuPerThousand, (r) -> r.bot.prefixCommands,
                "%.0f ms");
        aheadOfPeers(lines, "`.idea` p99", (r) -> Stats.percentile(r.latencies, 99) / 1000.0,
                (r) -> r.bot.prefixCommands, "%.2f ms");
        aheadOfPeers(lines, "click CPU per 1,000", (r) -> r.clickCpuPerThousand, (r) -> r.bot.clicks, "%.0f ms");
        aheadOfPeers(lines, "click p99", (r) -> Stats.percentile(r.clickLatencies, 99) / 1000.0, (r) -> r.bot.clicks,
                "%.2f ms");
        return lines;
    }

    private void aheadOfPeers(List<String> lines, String what, ToDoubleFunction<BotRun> figure, Predicate<BotRun> can,
            String format) {
        List<BotRun> oursRuns = this.sameFeature.isEmpty() ? this.project : this.sameFeature;
        if (oursRuns.isEmpty()) {
            return;
        }
        double ours = Stats.spread(oursRuns, figure).median();
        List<String> against = new ArrayList<>();
        boolean ahead = true;
        int judged = 0;
        for (List<BotRun> peer : List.of(this.botCommands, this.jdaCommands)) {
            if (peer.isEmpty() || !can.test(peer.getFirst())) {
                continue;
            }
            double theirs = Stats.spread(peer, figure).median();
            if (Double.isNaN(theirs)) {
                // no run of the peer finished the phase: nothing to be ahead of
                against.add(peer.getFirst().bot.label + " did not finish");
                continue;
            }
            judged++;
            ahead &= ours < theirs;
            against.add(peer.getFirst().bot.label + " " + String.format(Locale.ROOT, format, theirs));
        }
        if (against.isEmpty()) {
            return;
        }
        if (judged == 0) {
            lines.add(String.format(Locale.ROOT, "- not judged: %s ahead of the peer that can: %s " + format + ", %s",
                    what, oursRuns.getFirst().bot.label, ours, String.join(", ", against)));
            return;
        }
        lines.add(verdict(ahead,
                String.format(Locale.ROOT, "%s ahead of %s: %s " + format + ", %s", what,
                        (against.size() == 2) ? "both peers" : "the peer that can", oursRuns.getFirst().bot.label, ours,
                        String.join(", ", against))));
    }

    private static @Nullable String prefixMissing(BotRun run) {
        return run.bot.prefixCommands ? null : "no prefix commands";
    }

    private static @Nullable String clickMissing(BotRun run) {
        return switch (run.bot) {
            case BASELINE -> "no button (text only)";
            case BOTCOMMANDS -> "needs a database (BotCommands' components)";
            default -> null;
        };
    }

    /**
     * BotCommands starts one command update a guild after connecting (its cache off, as
     * on a first start); they stall after a few dozen, and each pending one holds its
     * guild, so leaving guilds frees nothing to measure.
     */
    private static @Nullable String perGuildMissing(BotRun run) {
        return (run.bot == Benchmark.Bot.BOTCOMMANDS)
                ? "not measured: its pending per-guild command updates hold every guild" : null;
    }

    private static String unanswered(List<BotRun> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        return sum(runs, (r) -> r.slashLost) + " / "
                + (runs.getFirst().bot.prefixCommands ? sum(runs, (r) -> r.lost) : "-") + " / "
                + (runs.getFirst().bot.clicks ? sum(runs, (r) -> r.clickLost) : "-");
    }

    private void peerRow(List<String> lines, String measure, ToDoubleFunction<BotRun> figure, String format,
            @Nullable Function<BotRun, @Nullable String> missing) {
        peerRow(lines, measure, figure, format, missing, true);
    }

    /**
     * One row over the six bots; {@code withSamePayload} false for phases the baseline
     * with the project's payload does not run.
     */
    private void peerRow(List<String> lines, String measure, ToDoubleFunction<BotRun> figure, String format,
            @Nullable Function<BotRun, @Nullable String> missing, boolean withSamePayload) {
        List<String> cells = new ArrayList<>();
        for (List<BotRun> runs : List.of(withSamePayload ? this.sameFeature : List.<BotRun>of(), this.project,
                withSamePayload ? this.samePayload : List.<BotRun>of(), this.baseline, this.botCommands,
                this.jdaCommands)) {
            if (runs.isEmpty()) {
                cells.add("");
                continue;
            }
            String cannot = (missing != null) ? missing.apply(runs.getFirst()) : null;
            cells.add((cannot != null) ? cannot : cell(runs, figure, format));
        }
        lines.add("| " + measure + " | " + String.join(" | ", cells) + " |");
    }

    private void replies(List<String> lines) {
        String latencyLoad = String.format(Locale.ROOT, "%,d `.idea` at %d/s", this.bench.messages(),
                this.bench.rate());
        row(lines, "Latency p50, ms (" + latencyLoad + ")", (r) -> Stats.percentile(r.latencies, 50) / 1000.0, "%.2f",
                "within 10 %");
        row(lines, "Latency p99, ms", (r) -> Stats.percentile(r.latencies, 99) / 1000.0, "%.2f", "within 10 %");
        row(lines, "Latency max, ms", (r) -> r.latencies.isEmpty() ? -1 : r.latencies.getLast() / 1000.0, "%.1f", "");
        row(lines, String.format(Locale.ROOT, "Throughput, replies/s (%,d sent at once)", this.bench.messages()),
                (r) -> r.throughput, "%.0f", "within 10 %");
        row(lines, "CPU time per 1,000 replies, ms", (r) -> r.cpuPerThousand, "%.0f", "");
        samePayloadRow(lines,
                "... against the baseline sending the project's reply payload: CPU time per 1,000 replies, ms",
                (r) -> r.cpuPerThousand, "%.0f", "");
        samePayloadRow(lines, String.format(Locale.ROOT,
                "... against it: CPU time per 1,000 replies at %d/s (paced), ms", this.bench.rate()),
                (r) -> r.prefixPacedCpuPerThousand, "%.0f", "at most 1.15 x");
        samePayloadRow(lines, "... against it: the same without the JIT compiler's threads, ms",
                (r) -> r.prefixPacedCpuPerThousandWithoutJit, "%.0f", "");
        samePayloadDifference(lines, "... against it: latency p50, ms",
                (r) -> Stats.percentile(r.latencies, 50) / 1000.0);
        samePayloadDifference(lines, "... against it: latency p99, ms",
                (r) -> Stats.percentile(r.latencies, 99) / 1000.0, "at most + 0.5 ms");
        samePayloadRow(lines, "... against it: throughput, replies/s", (r) -> r.throughput, "%.0f", "");
        lines.add(String.format(Locale.ROOT, "| Replies lost / duplicated (all runs) | %d / %d | %d / %d | | 0 / 0 |",
                sum(this.project, (r) -> r.lost), sum(this.project, (r) -> r.duplicates),
                sum(this.baseline, (r) -> r.lost), sum(this.baseline, (r) -> r.duplicates)));
        String slashLoad = String.format(Locale.ROOT, "%,d `/idea` at %d/s, INTERACTION_CREATE to answer",
                this.bench.interactions(), this.bench.rate());
        row(lines, "Slash command latency p50, ms (" + slashLoad + ")",
                (r) -> Stats.percentile(r.slashLatencies, 50) / 1000.0, "%.2f", "");
        row(lines, "Slash command latency p99, ms", (r) -> Stats.percentile(r.slashLatencies, 99) / 1000.0, "%.2f", "");
        row(lines, "CPU time per 1,000 slash commands, ms", (r) -> r.slashCpuPerThousand, "%.0f", "");
        samePayloadRow(lines, "... against the baseline answering with the project's payload: CPU time per 1,000 slash"
                + " commands (paced), ms", (r) -> r.slashCpuPerThousand, "%.0f", "at most 1.15 x");
        samePayloadRow(lines, "... against it: the same without the JIT compiler's threads, ms",
                (r) -> r.slashCpuPerThousandWithoutJit, "%.0f", "");
        samePayloadDifference(lines, "... against it: slash latency p99, ms",
                (r) -> Stats.percentile(r.slashLatencies, 99) / 1000.0, "at most + 0.5 ms");
        lines.add(String.format(Locale.ROOT, "| Slash commands unanswered (all runs) | %d | %d | | 0 |",
                sum(this.project, (r) -> r.slashLost), sum(this.baseline, (r) -> r.slashLost)));
        lines.add(String.format(Locale.ROOT,
                "| %d x `.wait` (1 s each) at once: wall time until all replies | %s | %s | %s | at most 1.5 s |",
                this.bench.slow(), cell(this.project, (r) -> BotRun.seconds(r.slowWall), "%.2f s"), baselineSlow(),
                ratioText(Stats.spread(this.project, (r) -> BotRun.seconds(r.slowWall)).median(), extrapolated())));
        lines.add(String.format(Locale.ROOT,
                "| ... meanwhile: JDA's missed-heartbeat warnings / gateway reconnects (all runs) | %d / %d | %d / %d | | 0 / 0 |",
                sum(this.project, (r) -> r.missedHeartbeatWarnings), sum(this.project, (r) -> r.reconnects),
                sum(this.baseline, (r) -> r.missedHeartbeatWarnings), sum(this.baseline, (r) -> r.reconnects)));
        lines.add(String.format(Locale.ROOT,
                "| ... meanwhile, at the emulator (1 s interval): heartbeats received / expected, late (gap over 1.5 s)"
                        + " (all runs); longest gap, ms (max) | %d / %d, %d late; %d | %d / %d, %d late; %d | | 0 late |",
                sum(this.project, (r) -> r.heartbeats), sum(this.project, (r) -> r.heartbeatsExpected),
                sum(this.project, (r) -> r.lateHeartbeats), maxGap(this.project),
                sum(this.baseline, (r) -> r.heartbeats), sum(this.baseline, (r) -> r.heartbeatsExpected),
                sum(this.baseline, (r) -> r.lateHeartbeats), maxGap(this.baseline)));
        row(lines, "Startup: process start to `Logged on as`, ms", (r) -> BotRun.millis(r.loggedOn), "%.0f", "");
        lines.add(String.format(Locale.ROOT, "| Startup with the AOT cache: to `Logged on as`, ms | %s | | | |",
                cell(this.projectAot, (r) -> BotRun.millis(r.loggedOn), "%.0f")));
        lines.add(String.format(Locale.ROOT,
                "| Startup: process start to health UP, ms | %s | (no health endpoint) | | |",
                cell(this.project, (r) -> BotRun.millis(r.ready), "%.0f")));
        lines.add(String.format(Locale.ROOT, "| Startup with the AOT cache: to health UP, ms | %s | | | under 3,000 |",
                cell(this.projectAot, (r) -> BotRun.millis(r.ready), "%.0f")));
        row(lines, "Live heap after startup (after a full GC), MB", (r) -> r.heapAfterStartup, "%.1f", "under 64");
        lines.add(String.format(Locale.ROOT, "| Live heap after startup with the AOT cache, MB | %s | | | under 64 |",
                cell(this.projectAot, (r) -> r.heapAfterStartup, "%.1f")));
        row(lines, "RSS after startup, MB", (r) -> r.rssAfterStartup, "%.0f", "");
        row(lines, String.format(Locale.ROOT, "Live heap after the %,d + %,d messages, MB", this.bench.messages(),
                this.bench.messages()), (r) -> r.heapAfterRun, "%.1f", "");
        row(lines, "RSS after the messages, MB", (r) -> r.rssAfterRun, "%.0f", "");
    }

    private void ingest(List<String> lines) {
        int messages = this.bench.ingestMessages();
        String flood = String.format(Locale.ROOT,
                "%,d messages over %,d channels, %,d typing, %,d reactions; nothing" + " answered", messages,
                Benchmark.INGEST_CHANNELS, messages / 10, messages / 10 - 1);
        row(lines, "Ingest: CPU time per 1,000 events, ms (" + flood + ")", (r) -> r.ingestCpuPerThousand, "%.1f",
                "at most 1.10 x");
        row(lines, "Ingest: the same without the JIT compiler's threads, ms", (r) -> r.ingestCpuPerThousandWithoutJit,
                "%.1f", "");
        row(lines,
                String.format(Locale.ROOT,
                        "Ingest: wall time from the first event to the reply marking the end, s"
                                + " (the emulator took %.1f s to send them)",
                        Stats.spread(this.project, (r) -> BotRun.seconds(r.ingestSending)).median()),
                (r) -> BotRun.seconds(r.ingestWall), "%.1f", "");
        row(lines, "Ingest: allocation per event, bytes", (r) -> r.ingestBytesPerEvent, "%.0f", "");
    }

    private void guilds(List<String> lines) {
        int fewest = this.project.stream().flatMapToInt((r) -> Arrays.stream(r.guildsPerShard)).min().orElse(0);
        int most = this.project.stream().flatMapToInt((r) -> Arrays.stream(r.guildsPerShard)).max().orElse(0);
        String guilds = String.format(Locale.ROOT,
                "%,d guilds (3 channels, 4 roles each) on %d shards (%,d-%,d a shard)", this.bench.guildCount(),
                Benchmark.SHARDS, fewest, most);
        row(lines, guilds + ": process start until every shard is ready, s", (r) -> BotRun.seconds(r.guildsReady),
                "%.1f", "");
        row(lines, "... live heap then (after a full GC), MB", (r) -> r.guildsHeap, "%.1f", "");
        row(lines, "... RSS then, MB", (r) -> r.guildsRss, "%.0f", "");
        row(lines, "... heap per guild (freed by leaving all but one guild a shard), kB", (r) -> r.guildsHeapPerGuildKb,
                "%.2f", "at most 1.10 x");
    }

    /**
     * Each target, met or missed, from the medians (and, for the slow commands, every
     * run).
     */
    private List<String> targets() {
        List<String> lines = new ArrayList<>();
        lines.add("Targets:");
        if (this.project.isEmpty() || this.baseline.isEmpty()
                || (this.bench.runs("replies") && (this.samePayload.isEmpty() || this.projectAot.isEmpty()))) {
            lines.add("- not checked: bench.bots left out a bot they compare");
            return lines;
        }
        if (this.bench.runs("replies")) {
            double p50 = ratio((r) -> Stats.percentile(r.latencies, 50));
            double p99 = ratio((r) -> Stats.percentile(r.latencies, 99));
            double throughput = ratio((r) -> r.throughput);
            double slowWorst = Stats.spread(this.project, (r) -> BotRun.seconds(r.slowWall)).max();
            boolean slowComplete = this.project.stream().allMatch((r) -> r.slowComplete);
            int missed = sum(this.project, (r) -> r.missedHeartbeatWarnings + r.reconnects + r.lateHeartbeats);
            double upWithAot = Stats.spread(this.projectAot, (r) -> BotRun.millis(r.ready)).median();
            double heap = Stats.spread(this.project, (r) -> r.heapAfterStartup).median();
            double cpu = ratio(this.samePayload, (r) -> r.prefixPacedCpuPerThousand);
            double p99Above = difference(this.samePayload, (r) -> Stats.percentile(r.latencies, 99) / 1000.0);
            double slashCpu = ratio(this.samePayload, (r) -> r.slashCpuPerThousand);
            double slashP99Above = difference(this.samePayload, (r) -> Stats.percentile(r.slashLatencies, 99) / 1000.0);
            lines.add(verdict(cpu <= 1.15, String.format(Locale.ROOT,
                    "paced, CPU per reply within 1.15 x the baseline sending the same payload: %.2f x", cpu)));
            lines.add(verdict(p99Above <= 0.5, String.format(Locale.ROOT,
                    "reply latency p99 at most 0.5 ms above that baseline's: %+.2f ms", p99Above)));
            lines.add(verdict(slashCpu <= 1.15 && slashP99Above <= 0.5, String.format(Locale.ROOT,
                    "the same two for `/idea`: CPU %.2f x, p99 %+.2f ms", slashCpu, slashP99Above)));
            lines.add(verdict(p50 <= 1.1 && p99 <= 1.1,
                    String.format(Locale.ROOT,
                            "latency within 10 %% of the plain baseline (its smaller payload): p50 %.2f x, p99 %.2f x",
                            p50, p99)));
            lines.add(verdict(throughput >= 0.9, String.format(Locale.ROOT,
                    "throughput within 10 %% of the plain baseline (its smaller payload): %.2f x", throughput)));
            lines.add(verdict(slowComplete && slowWorst <= 1.5 && missed == 0, String.format(Locale.ROOT,
                    "%d x 1 s in at most 1.5 s with no missed heartbeat: slowest run %.2f s%s, %d heartbeat problems"
                            + " (JDA warnings, reconnects, late at the emulator)",
                    this.bench.slow(), slowWorst, slowComplete ? "" : " (not all answered)", missed)));
            lines.add(verdict(upWithAot < 3000,
                    String.format(Locale.ROOT, "health UP in under 3 s with the AOT cache: %.0f ms", upWithAot)));
            lines.add(verdict(heap < 64, String.format(Locale.ROOT,
                    "heap after startup under 64 MB (live, after a full GC): %.1f MB", heap)));
        }
        if (this.bench.runs("ingest")) {
            double ingest = ratio((r) -> r.ingestCpuPerThousand);
            lines.add(verdict(ingest <= 1.1,
                    String.format(Locale.ROOT, "ingest CPU per event within 1.10 x the baseline's: %.2f x", ingest)));
        }
        if (this.bench.runs("guilds")) {
            double perGuild = ratio((r) -> r.guildsHeapPerGuildKb);
            lines.add(verdict(perGuild <= 1.1,
                    String.format(Locale.ROOT, "heap per guild within 1.10 x the baseline's: %.2f x", perGuild)));
        }
        return lines;
    }

    private static String verdict(boolean met, String text) {
        return (met ? "- met: " : "- **missed**: ") + text;
    }

    private double ratio(ToDoubleFunction<BotRun> figure) {
        return ratio(this.baseline, figure);
    }

    private double ratio(List<BotRun> against, ToDoubleFunction<BotRun> figure) {
        return Stats.spread(this.project, figure).median() / Stats.spread(against, figure).median();
    }

    private double difference(List<BotRun> against, ToDoubleFunction<BotRun> figure) {
        return Stats.spread(this.project, figure).median() - Stats.spread(against, figure).median();
    }

    private void row(List<String> lines, String measure, ToDoubleFunction<BotRun> figure, String format,
            String target) {
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |", measure,
                cell(this.project, figure, format), cell(this.baseline, figure, format), ratio(figure), target));
    }

    /** A row whose baseline column is the baseline sending the project's payload. */
    private void samePayloadRow(List<String> lines, String measure, ToDoubleFunction<BotRun> figure, String format,
            String target) {
        lines
            .add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |", measure, cell(this.project, figure, format),
                    cell(this.samePayload, figure, format), ratio(this.samePayload, figure), target));
    }

    private void samePayloadDifference(List<String> lines, String measure, ToDoubleFunction<BotRun> figure) {
        samePayloadDifference(lines, measure, figure, "");
    }

    /** As {@link #samePayloadRow}, with the difference instead of the ratio. */
    private void samePayloadDifference(List<String> lines, String measure, ToDoubleFunction<BotRun> figure,
            String target) {
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %+.2f ms | %s |", measure,
                cell(this.project, figure, "%.2f"), cell(this.samePayload, figure, "%.2f"),
                difference(this.samePayload, figure), target));
    }

    /**
     * The median (min-max) of the runs that have the figure; a run whose phase did not
     * finish has none (NaN), and the cell says so instead of a figure.
     */
    private String cell(List<BotRun> runs, ToDoubleFunction<BotRun> figure, String format) {
        if (runs.isEmpty()) {
            return "";
        }
        List<BotRun> unfinished = runs.stream().filter((r) -> Double.isNaN(figure.applyAsDouble(r))).toList();
        if (unfinished.size() == runs.size()) {
            return didNotFinish(unfinished);
        }
        Stats.Spread spread = Stats.spread(runs, figure);
        String text = (runs.size() - unfinished.size() == 1) ? String.format(Locale.ROOT, format, spread.median())
                : String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", spread.median(), spread.min(),
                        spread.max());
        return unfinished.isEmpty() ? text : text + String.format(Locale.ROOT, "; %d of %d runs %s", unfinished.size(),
                runs.size(), didNotFinish(unfinished));
    }

    /** "did not finish (reason)", the reasons of those runs that have one. */
    private static String didNotFinish(List<BotRun> runs) {
        List<String> reasons = runs.stream().flatMap((r) -> r.unfinished.stream()).distinct().toList();
        return reasons.isEmpty() ? "no figure" : "did not finish (" + String.join("; ", reasons) + ")";
    }

    /**
     * The baseline's wall time, cut off at the cap, extrapolated from the replies it
     * managed.
     */
    private String baselineSlow() {
        if (this.baseline.stream().allMatch((r) -> r.slowComplete)) {
            return cell(this.baseline, (r) -> BotRun.seconds(r.slowWall), "%.2f s");
        }
        double replies = Stats.spread(this.baseline, (r) -> r.slowReplies).median();
        long cap = this.bench.baselineCap().toSeconds();
        if (replies == 0) {
            return String.format(Locale.ROOT, "cut off after %d s with no reply: too few to extrapolate", cap);
        }
        return String.format(Locale.ROOT,
                "cut off after %d s with %.0f of %d replies (%.2f/s): all %d at that rate, about %.0f s", cap, replies,
                this.bench.slow(), replies / cap, this.bench.slow(), extrapolated());
    }

    private double extrapolated() {
        if (this.baseline.stream().allMatch((r) -> r.slowComplete)) {
            return Stats.spread(this.baseline, (r) -> BotRun.seconds(r.slowWall)).median();
        }
        double replies = Stats.spread(this.baseline, (r) -> r.slowReplies).median();
        return (replies > 0) ? this.bench.slow() * (this.bench.baselineCap().toNanos() / 1e9) / replies
                : Double.POSITIVE_INFINITY;
    }

    private static String ratioText(double project, double baseline) {
        return Double.isFinite(baseline) ? String.format(Locale.ROOT, "%.3f", project / baseline) : "";
    }

    private static long maxGap(List<BotRun> runs) {
        return runs.stream().mapToLong((r) -> r.longestHeartbeatGap.toMillis()).max().orElse(0);
    }

    private static int sum(List<BotRun> runs, ToIntFunction<BotRun> figure) {
        return runs.stream().mapToInt(figure).sum();
    }

    /** The heap every bot ran with, as a sentence. */
    private String heap() {
        List<String> heap = this.bench.heap();
        return heap.isEmpty() ? "Every bot's heap: sized by its JVM (`bench.heap=jvm`)."
                : "Every bot's heap, the peers' too: fixed, `" + String.join(" ", heap)
                        + "` (`bench.heap`; the JVM's own sizing made the project's G1 cycle once its heap had shrunk:"
                        + " docs/performance.md).";
    }

}
