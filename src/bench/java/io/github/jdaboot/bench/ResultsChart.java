package io.github.jdaboot.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.github.jdaboot.bench.Benchmark.BotRun;
import io.github.jdaboot.bench.Benchmark.Results;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart next to the table: the latency distributions of prefix and slash commands,
 * the replies to the slow commands over time (the seed's lesson), from the last run of
 * each bot; and the project's cost per unit of work against the baseline's, with the
 * targets, from the medians.
 */
final class ResultsChart {

    private ResultsChart() {
    }

    static void write(Results results, Benchmark bench, Path file) throws IOException {
        List<Chart<?, ?>> charts = new ArrayList<>();
        if (bench.runs("replies")) {
            BotRun project = results.project.getLast();
            BotRun baseline = results.baseline.getLast();
            BotRun samePayload = results.samePayload.getLast();
            XYChart latency = percentiles("`.idea`: MESSAGE_CREATE to reply received");
            addPercentiles(latency, "this project", project.latencies);
            addPercentiles(latency, "baseline (plain JDA)", baseline.latencies);
            addPercentiles(latency, "baseline, project's payload", samePayload.latencies);
            charts.add(latency);
            XYChart slash = percentiles("`/idea`: INTERACTION_CREATE to answer");
            addPercentiles(slash, "this project", project.slashLatencies);
            addPercentiles(slash, "baseline (plain JDA)", baseline.slashLatencies);
            addPercentiles(slash, "baseline, project's payload", samePayload.slashLatencies);
            if (bench.peers()) {
                BotRun sameFeature = results.sameFeature.getLast();
                addPercentiles(latency, "this project, peers' feature", sameFeature.latencies);
                addPercentiles(slash, "this project, peers' feature", sameFeature.slashLatencies);
                addPercentiles(latency, "BotCommands", results.botCommands.getLast().latencies);
                addPercentiles(slash, "BotCommands", results.botCommands.getLast().slashLatencies);
                addPercentiles(slash, "jda-commands", results.jdaCommands.getLast().slashLatencies);
            }
            charts.add(slash);
            charts.add(lesson(project, baseline, bench.slow(), bench.baselineCap().toNanos() / 1e9));
            if (bench.peers()) {
                XYChart clicks = percentiles("Click on the reply's button: INTERACTION_CREATE to answer");
                addPercentiles(clicks, "this project", project.clickLatencies);
                addPercentiles(clicks, "this project, peers' feature", results.sameFeature.getLast().clickLatencies);
                addPercentiles(clicks, "baseline, project's payload", samePayload.clickLatencies);
                addPercentiles(clicks, "jda-commands", results.jdaCommands.getLast().clickLatencies);
                charts.add(clicks);
                charts.add(peerCosts(results, bench));
            }
        }
        charts.add(costs(results, bench));
        int columns = Math.min(2, charts.size());
        BitmapEncoder.saveBitmap(charts, (charts.size() + 1) / 2, columns, file.toString(), BitmapFormat.PNG);
    }

    private static XYChart percentiles(String title) {
        XYChart chart = new XYChartBuilder().width(700)
            .height(450)
            .title(title)
            .xAxisTitle("percentile")
            .yAxisTitle("ms (log scale)")
            .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(0);
        chart.getStyler().setYAxisLogarithmic(true);
        return chart;
    }

    private static XYChart lesson(BotRun project, BotRun baseline, int slow, double capSeconds) {
        XYChart lesson = new XYChartBuilder().width(700)
            .height(450)
            .title(slow + " commands that each wait 1 s, sent at once")
            .xAxisTitle("seconds since they were sent")
            .yAxisTitle("replies received")
            .build();
        lesson.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(0); // the
                                                                                               // baseline
                                                                                               // runs
                                                                                               // along
                                                                                               // the
                                                                                               // bottom
        lesson.getStyler().setYAxisMax(slow * 1.05);
        lesson.getStyler().setYAxisMin(0.0);
        lesson.getStyler().setYAxisDecimalPattern("#");
        lesson.getStyler().setYAxisTickMarkSpacingHint(60);
        addTimeline(lesson, "this project (virtual threads)", project.slowReplyTimes, capSeconds);
        addTimeline(lesson, "baseline (sleeps on JDA's event thread; cut off)", baseline.slowReplyTimes, capSeconds);
        return lesson;
    }

    /**
     * The project's cost per unit of work as a multiple of the baseline's, beside each
     * target.
     */
    private static CategoryChart costs(Results results, Benchmark bench) {
        CategoryChart chart = new CategoryChartBuilder().width(700)
            .height(450)
            .title("Project's cost per unit of work, x the baseline's (medians)")
            .yAxisTitle("project / baseline")
            .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        List<String> names = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        if (bench.runs("replies")) {
            add(names, ratios, targets, "CPU per reply*",
                    ratio(results.project, results.samePayload, (r) -> r.prefixPacedCpuPerThousand), 1.15);
            add(names, ratios, targets, "CPU per /idea*",
                    ratio(results.project, results.samePayload, (r) -> r.slashCpuPerThousand), 1.15);
        }
        if (bench.runs("ingest")) {
            add(names, ratios, targets, "CPU per event",
                    ratio(results.project, results.baseline, (r) -> r.ingestCpuPerThousand), 1.10);
            add(names, ratios, targets, "bytes per event",
                    ratio(results.project, results.baseline, (r) -> r.ingestBytesPerEvent), Double.NaN);
        }
        if (bench.runs("guilds")) {
            add(names, ratios, targets, "heap per guild",
                    ratio(results.project, results.baseline, (r) -> r.guildsHeapPerGuildKb), 1.10);
        }
        chart.addSeries("this project (* against the baseline sending its payload)", names, ratios);
        chart.addSeries("target: at most", names, targets.stream().map((t) -> Double.isNaN(t) ? 0.0 : t).toList());
        return chart;
    }

    /**
     * CPU time per 1,000 interactions of each kind, paced, for each bot that can (no bar:
     * it cannot).
     */
    private static CategoryChart peerCosts(Results results, Benchmark bench) {
        CategoryChart chart = new CategoryChartBuilder().width(700)
            .height(450)
            .title("CPU time per 1,000, paced at " + bench.rate() + "/s (medians; no bar: cannot)")
            .yAxisTitle("ms")
            .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#");
        List<String> kinds = List.of("/idea", ".idea", "click");
        addCosts(chart, "this project, peers' feature", results.sameFeature, kinds);
        addCosts(chart, "this project", results.project, kinds);
        addCosts(chart, "baseline, project's payload", results.samePayload, kinds);
        addCosts(chart, "BotCommands", results.botCommands, kinds);
        addCosts(chart, "jda-commands", results.jdaCommands, kinds);
        return chart;
    }

    private static void addCosts(CategoryChart chart, String name, List<BotRun> runs, List<String> kinds) {
        BotRun first = runs.getFirst();
        List<Double> costs = new ArrayList<>();
        costs.add(Stats.spread(runs, (r) -> r.slashCpuPerThousand).median());
        costs.add(first.bot.prefixCommands ? Stats.spread(runs, (r) -> r.prefixPacedCpuPerThousand).median() : 0.0);
        costs.add(first.bot.clicks ? Stats.spread(runs, (r) -> r.clickCpuPerThousand).median() : 0.0);
        chart.addSeries(name, kinds, costs).setFillColor(colour(name));
    }

    private static void add(List<String> names, List<Double> ratios, List<Double> targets, String name, double ratio,
            double target) {
        names.add(name);
        ratios.add(ratio);
        targets.add(target);
    }

    private static double ratio(List<BotRun> project, List<BotRun> baseline, ToDoubleFunction<BotRun> figure) {
        return Stats.spread(project, figure).median() / Stats.spread(baseline, figure).median();
    }

    private static void addPercentiles(XYChart chart, String name, List<Long> sorted) {
        if (sorted.isEmpty()) {
            return;
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (double p = 1; p <= 100; p += 0.5) {
            x.add(p);
            y.add(Math.max(0.01, Stats.percentile(sorted, p) / 1000.0));
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour(name));
    }

    /** Each bot in the same colour on every chart. */
    private static Color colour(String name) {
        if (name.startsWith("this project, peers' feature")) {
            return new Color(0x17BECF);
        }
        if (name.startsWith("this project")) {
            return new Color(0x1F77B4);
        }
        if (name.startsWith("baseline, project's payload")) {
            return new Color(0x9467BD);
        }
        if (name.startsWith("baseline")) {
            return new Color(0xFF7F0E);
        }
        return name.startsWith("BotCommands") ? new Color(0x2CA02C) : new Color(0xD62728);
    }

    /** Replies received so far against time, drawn up to the cap. */
    private static void addTimeline(XYChart chart, String name, List<Double> replyTimes, double capSeconds) {
        List<Double> x = new ArrayList<>(List.of(0.0));
        List<Double> y = new ArrayList<>(List.of(0.0));
        for (int i = 0; i < replyTimes.size(); i++) {
            x.add(replyTimes.get(i));
            y.add(i + 1.0);
        }
        x.add(capSeconds);
        y.add((double) replyTimes.size());
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
    }

}
