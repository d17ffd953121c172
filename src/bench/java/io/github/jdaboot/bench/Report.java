package io.github.jdaboot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.github.jdaboot.bench.Benchmark.BotRun;

/** The results table, in Markdown: medians over the runs with min and max, ratios, and the targets. */
record Report(int messages, int rate, int slow, Duration baselineCap, int runs, List<BotRun> project,
        List<BotRun> baseline, List<BotRun> projectAot, String aotCheck) {

    String markdown() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "Medians of %d runs (min-max), alternating project and baseline, each bot a JVM process against the"
                        + " emulator on loopback, %d cores (%s). Java %s.",
                this.runs, Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version")));
        lines.add("");
        lines.add("| Measure | This project | Baseline (plain JDA) | Project / baseline | Target |");
        lines.add("| --- | ---: | ---: | ---: | --- |");
        String latencyLoad = String.format(Locale.ROOT, "%,d `.idea` at %d/s", this.messages, this.rate);
        row(lines, "Latency p50, ms (" + latencyLoad + ")", (r) -> Stats.percentile(r.latencies, 50) / 1000.0, "%.2f",
                "within 10 %");
        row(lines, "Latency p99, ms", (r) -> Stats.percentile(r.latencies, 99) / 1000.0, "%.2f", "within 10 %");
        row(lines, "Latency max, ms", (r) -> r.latencies.isEmpty() ? -1 : r.latencies.getLast() / 1000.0, "%.1f", "");
        row(lines, String.format(Locale.ROOT, "Throughput, replies/s (%,d sent at once)", this.messages),
                (r) -> r.throughput, "%.0f", "within 10 %");
        row(lines, "CPU time per 1,000 replies, ms", (r) -> r.cpuPerThousand, "%.0f", "");
        lines.add(String.format(Locale.ROOT, "| Replies lost / duplicated (all runs) | %d / %d | %d / %d | | 0 / 0 |",
                sum(this.project, (r) -> r.lost), sum(this.project, (r) -> r.duplicates), sum(this.baseline, (r) -> r.lost),
                sum(this.baseline, (r) -> r.duplicates)));
        lines.add(String.format(Locale.ROOT, "| %d x `.wait` (1 s each) at once: wall time until all replies | %s | %s | %s | at most 1.5 s |",
                this.slow, cell(this.project, (r) -> r.slowWall.toNanos() / 1e9, "%.2f s"), baselineSlow(),
                ratioText(Stats.spread(this.project, (r) -> r.slowWall.toNanos() / 1e9).median(), extrapolated())));
        lines.add(String.format(Locale.ROOT,
                "| ... meanwhile: JDA's missed-heartbeat warnings / gateway reconnects (all runs) | %d / %d | %d / %d | | 0 / 0 |",
                sum(this.project, (r) -> r.missedHeartbeatWarnings), sum(this.project, (r) -> r.reconnects),
                sum(this.baseline, (r) -> r.missedHeartbeatWarnings), sum(this.baseline, (r) -> r.reconnects)));
        lines.add(String.format(Locale.ROOT,
                "| ... meanwhile, at the emulator (1 s interval): heartbeats received / expected, late (gap over 1.5 s)"
                        + " (all runs); longest gap, ms (max) | %d / %d, %d late; %d | %d / %d, %d late; %d | | 0 late |",
                sum(this.project, (r) -> r.heartbeats), sum(this.project, (r) -> r.heartbeatsExpected),
                sum(this.project, (r) -> r.lateHeartbeats), maxGap(this.project), sum(this.baseline, (r) -> r.heartbeats),
                sum(this.baseline, (r) -> r.heartbeatsExpected), sum(this.baseline, (r) -> r.lateHeartbeats),
                maxGap(this.baseline)));
        row(lines, "Startup: process start to `Logged on as`, ms", (r) -> r.loggedOn.toMillis(), "%.0f", "");
        lines.add(String.format(Locale.ROOT, "| Startup with the AOT cache: to `Logged on as`, ms | %s | | | |",
                cell(this.projectAot, (r) -> r.loggedOn.toMillis(), "%.0f")));
        lines.add(String.format(Locale.ROOT, "| Startup: process start to health UP, ms | %s | (no health endpoint) | | |",
                cell(this.project, (r) -> r.ready.toMillis(), "%.0f")));
        lines.add(String.format(Locale.ROOT, "| Startup with the AOT cache: to health UP, ms | %s | | | under 3,000 |",
                cell(this.projectAot, (r) -> r.ready.toMillis(), "%.0f")));
        row(lines, "Live heap after startup (after a full GC), MB", (r) -> r.heapAfterStartup, "%.1f", "under 64");
        lines.add(String.format(Locale.ROOT, "| Live heap after startup with the AOT cache, MB | %s | | | under 64 |",
                cell(this.projectAot, (r) -> r.heapAfterStartup, "%.1f")));
        row(lines, "RSS after startup, MB", (r) -> r.rssAfterStartup, "%.0f", "");
        row(lines, String.format(Locale.ROOT, "Live heap after the %,d + %,d messages, MB", this.messages, this.messages),
                (r) -> r.heapAfterRun, "%.1f", "");
        row(lines, "RSS after the messages, MB", (r) -> r.rssAfterRun, "%.0f", "");
        lines.add("");
        lines.addAll(targets());
        lines.add("");
        lines.add("Latency: from the emulator dispatching MESSAGE_CREATE to it receiving the reply's POST, over 20"
                + " channels, rate limits lifted. CPU: utime + stime of the bot process (`/proc/<pid>/stat`)."
                + " Heap: used after `jcmd GC.run` (`GC.heap_info`); RSS: `VmRSS` (`/proc/<pid>/status`)."
                + " The baseline's `.wait` sleeps on JDA's event thread, so it is cut off and extrapolated."
                + " AOT runs use `-XX:AOTMode=on` (no start without the cache). " + this.aotCheck + ".");
        return String.join("\n", lines) + "\n";
    }

    /** Each target, met or missed, from the medians (and, for the slow commands, every run). */
    private List<String> targets() {
        double p50 = ratio((r) -> Stats.percentile(r.latencies, 50));
        double p99 = ratio((r) -> Stats.percentile(r.latencies, 99));
        double throughput = ratio((r) -> r.throughput);
        double slowWorst = Stats.spread(this.project, (r) -> r.slowWall.toNanos() / 1e9).max();
        boolean slowComplete = this.project.stream().allMatch((r) -> r.slowComplete);
        int missed = sum(this.project, (r) -> r.missedHeartbeatWarnings + r.reconnects + r.lateHeartbeats);
        double upWithAot = Stats.spread(this.projectAot, (r) -> r.ready.toMillis()).median();
        double heap = Stats.spread(this.project, (r) -> r.heapAfterStartup).median();
        List<String> lines = new ArrayList<>();
        lines.add("Targets:");
        lines.add(verdict(p50 <= 1.1 && p99 <= 1.1, String.format(Locale.ROOT,
                "latency within 10 %% of the baseline: p50 %.2f x, p99 %.2f x", p50, p99)));
        lines.add(verdict(throughput >= 0.9, String.format(Locale.ROOT,
                "throughput within 10 %% of the baseline: %.2f x", throughput)));
        lines.add(verdict(slowComplete && slowWorst <= 1.5 && missed == 0, String.format(Locale.ROOT,
                "%d x 1 s in at most 1.5 s with no missed heartbeat: slowest run %.2f s%s, %d heartbeat problems"
                        + " (JDA warnings, reconnects, late at the emulator)",
                this.slow, slowWorst, slowComplete ? "" : " (not all answered)", missed)));
        lines.add(verdict(upWithAot < 3000, String.format(Locale.ROOT,
                "health UP in under 3 s with the AOT cache: %.0f ms", upWithAot)));
        lines.add(verdict(heap < 64, String.format(Locale.ROOT,
                "heap after startup under 64 MB (live, after a full GC): %.1f MB", heap)));
        return lines;
    }

    private static String verdict(boolean met, String text) {
        return (met ? "- met: " : "- **missed**: ") + text;
    }

    private double ratio(ToDoubleFunction<BotRun> figure) {
        return Stats.spread(this.project, figure).median() / Stats.spread(this.baseline, figure).median();
    }

    private void row(List<String> lines, String measure, ToDoubleFunction<BotRun> figure, String format, String target) {
        lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |", measure, cell(this.project, figure, format),
                cell(this.baseline, figure, format), ratio(figure), target));
    }

    private static String cell(List<BotRun> runs, ToDoubleFunction<BotRun> figure, String format) {
        Stats.Spread spread = Stats.spread(runs, figure);
        if (runs.size() == 1) {
            return String.format(Locale.ROOT, format, spread.median());
        }
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", spread.median(), spread.min(),
                spread.max());
    }

    /** The baseline's wall time, cut off at the cap, extrapolated from the replies it managed. */
    private String baselineSlow() {
        if (this.baseline.stream().allMatch((r) -> r.slowComplete)) {
            return cell(this.baseline, (r) -> r.slowWall.toNanos() / 1e9, "%.2f s");
        }
        double replies = Stats.spread(this.baseline, (r) -> r.slowReplies).median();
        if (replies == 0) {
            return String.format(Locale.ROOT, "cut off after %d s with no reply: too few to extrapolate",
                    this.baselineCap.toSeconds());
        }
        return String.format(Locale.ROOT,
                "cut off after %d s with %.0f of %d replies (%.2f/s): all %d at that rate, about %.0f s",
                this.baselineCap.toSeconds(), replies, this.slow, replies / (this.baselineCap.toNanos() / 1e9),
                this.slow, extrapolated());
    }

    private double extrapolated() {
        if (this.baseline.stream().allMatch((r) -> r.slowComplete)) {
            return Stats.spread(this.baseline, (r) -> r.slowWall.toNanos() / 1e9).median();
        }
        double replies = Stats.spread(this.baseline, (r) -> r.slowReplies).median();
        return (replies > 0) ? this.slow * (this.baselineCap.toNanos() / 1e9) / replies : Double.POSITIVE_INFINITY;
    }

    private static String ratioText(double project, double baseline) {
        return Double.isFinite(baseline) ? String.format(Locale.ROOT, "%.3f", project / baseline) : "";
    }

    private static long maxGap(List<BotRun> runs) {
        return runs.stream().mapToLong((r) -> r.longestHeartbeatGap.toMillis()).max().orElse(0);
    }

    private static int sum(List<BotRun> runs, java.util.function.ToIntFunction<BotRun> figure) {
        return runs.stream().mapToInt(figure).sum();
    }
}
