package io.callface.trainer.eval;

/** The inner loops of the linear models: a weight block of a flat parameter vector against one float row. */
final class Vectors {
    private Vectors() {
    }

    /** {@code sum_j w[offset + j] * x[j]} over the row. */
    static double dot(double[] w, int offset, float[] x) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += w[offset + j] * x[j];
        }
        return s;
    }

    /** {@code g[offset + j] += a * x[j]} over the row. */
    static void addScaled(double[] g, int offset, double a, float[] x) {
        for (int j = 0; j < x.length; j++) {
            g[offset + j] += a * x[j];
        }
    }

    /**
     * Adds the L2 penalty {@code penalty/2 * |w|^2} of the block {@code [offset, offset + length)} to a gradient and
     * returns its value.
     */
    static double addPenalty(double[] theta, double[] g, int offset, int length, double penalty) {
        double s = 0;
        for (int j = offset; j < offset + length; j++) {
            s += theta[j] * theta[j];
            g[j] += penalty * theta[j];
        }
        return penalty / 2 * s;
    }

    /** Checks that {@code rows} is non-empty, rectangular and as long as the labels. */
    static int requireRows(float[][] rows, int labels) {
        if (rows.length == 0 || rows.length != labels) {
            throw new IllegalArgumentException("rows (" + rows.length + ") and labels (" + labels
                    + ") must be non-empty and of equal count");
        }
        int d = rows[0].length;
        for (float[] row : rows) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows: all must have length " + d + ", found " + row.length);
            }
        }
        return d;
    }
}
