package io.callface.trainer.eval;

import java.util.List;

/**
 * Counts of (reference class, judged class) pairs, as the paper's Figure 4: rows are the class judged on the true
 * face (or the true class), columns the class judged on the face under test.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final int[][] counts;

    private ConfusionMatrix(List<String> labels, int[][] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /** Counts pair {@code i} as row {@code reference[i]}, column {@code judged[i]}; classes index {@code labels}. */
    public static ConfusionMatrix of(List<String> labels, int[] reference, int[] judged) {
        if (labels.size() < 2 || reference.length != judged.length) {
            throw new IllegalArgumentException("need at least 2 labels and as many references (" + reference.length
                    + ") as judgements (" + judged.length + ")");
        }
        int k = labels.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] < 0 || reference[i] >= k || judged[i] < 0 || judged[i] >= k) {
                throw new IllegalArgumentException("pair " + i + ": class outside [0, " + k + ")");
            }
            counts[reference[i]][judged[i]]++;
        }
        return new ConfusionMatrix(List.copyOf(labels), counts);
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public int count(int row, int column) {
        return counts[row][column];
    }

    public int rowTotal(int row) {
        int sum = 0;
        for (int c : counts[row]) {
            sum += c;
        }
        return sum;
    }

    public int total() {
        int sum = 0;
        for (int r = 0; r < size(); r++) {
            sum += rowTotal(r);
        }
        return sum;
    }

    /** Fraction on the diagonal; 0 for an empty matrix. */
    public double agreement() {
        int diagonal = 0;
        for (int r = 0; r < size(); r++) {
            diagonal += counts[r][r];
        }
        return total() == 0 ? 0 : (double) diagonal / total();
    }

    /**
     * The mean of the rows' agreements over the non-empty rows (balanced accuracy); NaN when every row is empty. Unlike
     * {@link #agreement()}, it is 1 / (non-empty rows) for every judge that gives one answer whatever it sees, however
     * unequal the rows' sizes: the chance level that a bar of "twice chance" refers to.
     */
    public double balancedAgreement() {
        double sum = 0;
        int rows = 0;
        for (int r = 0; r < size(); r++) {
            double a = rowAgreement(r);
            if (!Double.isNaN(a)) {
                sum += a;
                rows++;
            }
        }
        return rows == 0 ? Double.NaN : sum / rows;
    }

    /** Fraction of row {@code row} on the diagonal (per-class agreement); NaN for an empty row. */
    public double rowAgreement(int row) {
        int n = rowTotal(row);
        return n == 0 ? Double.NaN : (double) counts[row][row] / n;
    }
}
