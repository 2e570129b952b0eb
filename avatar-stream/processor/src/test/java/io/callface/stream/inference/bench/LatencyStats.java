package io.callface.stream.inference.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations in nanoseconds. */
record LatencyStats(long[] sortedNanos) {
    LatencyStats {
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("sortedNanos must not be empty");
        }
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
    }

    double percentileMs(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    int count() {
        return sortedNanos.length;
    }
}
