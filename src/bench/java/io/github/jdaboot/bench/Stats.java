package io.github.jdaboot.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Percentiles of one run, and median, min and max over runs. */
final class Stats {

    private Stats() {
    }

    /**
     * Nearest-rank percentile of sorted values; NaN (no figure) when there are none, as
     * in a phase that did not finish.
     */
    static double percentile(List<Long> sorted, double percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /**
     * Median, min and max of the figure over the runs that have it (NaN: a phase that did
     * not finish); all NaN when none has.
     */
    static <T> Spread spread(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).filter((value) -> !Double.isNaN(value)).sorted().toArray();
        int n = values.length;
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        double median = (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new Spread(median, values[0], values[n - 1]);
    }

    record Spread(double median, double min, double max) {
    }

}
