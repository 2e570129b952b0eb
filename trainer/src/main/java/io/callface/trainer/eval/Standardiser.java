package io.callface.trainer.eval;

/** Per-column standardisation {@code (x - mean) / sd} fitted on a set of rows; a constant column is only centred. */
public final class Standardiser {
    private final double[] mean;
    private final double[] scale;

    private Standardiser(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    public static Standardiser fit(float[][] rows) {
        int d = Vectors.requireRows(rows, rows.length);
        int n = rows.length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) n;
            }
        }
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        return new Standardiser(mean, scale);
    }

    /** The map on raw rows that equals {@code onStandardised} applied after this standardisation. */
    Affine beneath(Affine onStandardised) {
        if (onStandardised.inputs() != mean.length) {
            throw new IllegalArgumentException("map reads " + onStandardised.inputs() + " columns, standardiser has "
                    + mean.length);
        }
        double[][] w = onStandardised.weights();
        double[] b = onStandardised.bias();
        for (int o = 0; o < w.length; o++) {
            for (int j = 0; j < mean.length; j++) {
                w[o][j] /= scale[j];
                b[o] -= w[o][j] * mean[j];
            }
        }
        return new Affine(w, b);
    }

    public float[] apply(float[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row length " + row.length + ", standardiser expects " + mean.length);
        }
        float[] z = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (float) ((row[j] - mean[j]) / scale[j]);
        }
        return z;
    }
}
