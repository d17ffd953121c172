package io.github.jdaboot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.bench.Benchmark.BotRun;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart next to the table: the latency distribution of both bots, and the replies to the slow commands
 * over time (the seed's lesson), from the last run of each bot.
 */
final class ResultsChart {

    private ResultsChart() {
    }

    static void write(BotRun project, BotRun baseline, int slow, double capSeconds, Path file) throws IOException {
        XYChart latency = new XYChartBuilder().width(700).height(450)
            .title("Latency: MESSAGE_CREATE to reply received")
            .xAxisTitle("percentile")
            .yAxisTitle("ms (log scale)")
            .build();
        latency.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(0);
        latency.getStyler().setYAxisLogarithmic(true);
        addPercentiles(latency, "this project", project.latencies);
        addPercentiles(latency, "baseline (plain JDA)", baseline.latencies);

        XYChart lesson = new XYChartBuilder().width(700).height(450)
            .title(slow + " commands that each wait 1 s, sent at once")
            .xAxisTitle("seconds since they were sent")
            .yAxisTitle("replies received")
            .build();
        lesson.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setMarkerSize(0); // the baseline runs along the bottom
        lesson.getStyler().setYAxisMax(slow * 1.05);
        lesson.getStyler().setYAxisMin(0.0);
        lesson.getStyler().setYAxisDecimalPattern("#");
        lesson.getStyler().setYAxisTickMarkSpacingHint(60);
        addTimeline(lesson, "this project (virtual threads)", project.slowReplyTimes, capSeconds);
        addTimeline(lesson, "baseline (sleeps on JDA's event thread; cut off)", baseline.slowReplyTimes, capSeconds);

        BitmapEncoder.saveBitmap(List.of(latency, lesson), 1, 2, file.toString(), BitmapFormat.PNG);
    }

    private static void addPercentiles(XYChart chart, String name, List<Long> sorted) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (double p = 1; p <= 100; p += 0.5) {
            x.add(p);
            y.add(Math.max(0.01, Stats.percentile(sorted, p) / 1000.0));
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
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
