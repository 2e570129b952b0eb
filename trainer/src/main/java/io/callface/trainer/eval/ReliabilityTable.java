package io.callface.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A reliability diagram in numbers: predictions grouped into equal-width bins of stated probability, each bin's
 * mean stated probability against how often the event happened, and the expected calibration error
 * {@code ECE = sum_b (n_b / n) |observed_b - stated_b|} (Naeini et al. 2015; Guo et al. 2017, ICML, which also
 * defines the top-label version used for classes: the stated probability of the predicted class against whether it
 * was right).
 *
 * @param bins one row per bin that holds any prediction, from low to high stated probability
 * @param ece  the expected calibration error, 0-1
 */
public record ReliabilityTable(List<Bin> bins, double ece) {
    public static final int BINS = 10;

    /**
     * @param from      lower edge of the bin
     * @param to        upper edge
     * @param count     predictions in the bin
     * @param stated    their mean stated probability
     * @param observed  how often the event happened among them
     */
    public record Bin(double from, double to, int count, double stated, double observed) {
    }

    public ReliabilityTable {
        bins = List.copyOf(bins);
    }

    /** Predictions of {@code P(event)} against whether the event happened. */
    public static ReliabilityTable binary(double[] probability, boolean[] happened) {
        if (probability.length != happened.length || probability.length == 0) {
            throw new IllegalArgumentException("probabilities (" + probability.length + ") and outcomes ("
                    + happened.length + ") must be non-empty and of equal count");
        }
        int[] count = new int[BINS];
        double[] stated = new double[BINS];
        double[] observed = new double[BINS];
        for (int i = 0; i < probability.length; i++) {
            double p = probability[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + p + " is outside [0, 1]");
            }
            int b = Math.min(BINS - 1, (int) (p * BINS));
            count[b]++;
            stated[b] += p;
            observed[b] += happened[i] ? 1 : 0;
        }
        List<Bin> rows = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                Bin bin = new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b], stated[b] / count[b],
                        observed[b] / count[b]);
                rows.add(bin);
                ece += (double) count[b] / probability.length * Math.abs(bin.observed() - bin.stated());
            }
        }
        return new ReliabilityTable(rows, ece);
    }

    /** Top-label calibration of class probabilities {@code probabilities[i]} against true classes {@code label[i]}. */
    public static ReliabilityTable topLabel(double[][] probabilities, int[] label) {
        double[] confidence = new double[probabilities.length];
        boolean[] right = new boolean[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = argmax(probabilities[i]);
            confidence[i] = probabilities[i][best];
            right[i] = best == label[i];
        }
        return binary(confidence, right);
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }
}
