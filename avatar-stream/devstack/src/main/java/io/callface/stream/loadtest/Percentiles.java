package io.callface.stream.loadtest;

import org.HdrHistogram.Histogram;

/** A distribution in milliseconds: how many values, median, 95th and 99th percentile and maximum. */
public record Percentiles(long count, double p50, double p95, double p99, double max) {
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0);

    /** From a histogram whose values are in units of {@code unitsPerMs} (1 for ms, 1000 for µs). */
    public static Percentiles of(Histogram histogram, double unitsPerMs) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Percentiles(histogram.getTotalCount(), histogram.getValueAtPercentile(50) / unitsPerMs,
                histogram.getValueAtPercentile(95) / unitsPerMs, histogram.getValueAtPercentile(99) / unitsPerMs,
                histogram.getMaxValue() / unitsPerMs);
    }

    /** {@code p50 / p95 / p99 / max} in ms. */
    public String format() {
        return count == 0 ? "n/a" : String.format("%.0f / %.0f / %.0f / %.0f", p50, p95, p99, max);
    }
}
