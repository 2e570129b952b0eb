package io.callface.trainer.eval;

import java.util.List;

/**
 * A linear map fitted by ridge regression in closed form, {@code W = (Z'Z + ridge I)^-1 Z'Y}: inputs standardised on
 * the rows it is fitted on (a constant input standardises to zero), an unpenalised intercept, one output per target
 * dimension.
 */
final class LinearMap {
    private final double[] mean;
    private final double[] scale;
    /** {@code [inputs + 1][outputs]}: one row per standardised input, the last row the intercept. */
    private final double[][] weights;

    private LinearMap(double[] mean, double[] scale, double[][] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /** Fits the map from {@code inputs[i]} to {@code targets.get(i)}; rows and targets must be of equal lengths. */
    static LinearMap fit(double[][] inputs, List<float[]> targets, double ridge) {
        int n = inputs.length;
        if (n != targets.size() || n == 0) {
            throw new IllegalArgumentException("inputs (" + n + ") and targets (" + targets.size()
                    + ") must be of equal, non-zero length");
        }
        int m = inputs[0].length;
        int d = targets.get(0).length;
        for (int i = 0; i < n; i++) {
            if (inputs[i].length != m || targets.get(i).length != d) {
                throw new IllegalArgumentException("row " + i + ": every input must have length " + m
                        + " and every target " + d);
            }
        }
        double[] mean = new double[m];
        double[] scale = new double[m];
        for (double[] x : inputs) {
            for (int j = 0; j < m; j++) {
                mean[j] += x[j] / n;
            }
        }
        for (double[] x : inputs) {
            for (int j = 0; j < m; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < m; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        int p = m + 1;
        double[][] gram = new double[p][p];
        double[][] moment = new double[p][d];
        for (int i = 0; i < n; i++) {
            double[] z = design(inputs[i], mean, scale);
            float[] y = targets.get(i);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    gram[a][b] += z[a] * z[b];
                }
                for (int k = 0; k < d; k++) {
                    moment[a][k] += z[a] * y[k];
                }
            }
        }
        for (int a = 0; a < m; a++) {
            gram[a][a] += ridge;
        }
        return new LinearMap(mean, scale, solve(gram, moment));
    }

    float[] predict(double[] input) {
        double[] z = design(input, mean, scale);
        float[] out = new float[weights[0].length];
        for (int k = 0; k < out.length; k++) {
            double s = 0;
            for (int a = 0; a < z.length; a++) {
                s += z[a] * weights[a][k];
            }
            out[k] = (float) s;
        }
        return out;
    }

    private static double[] design(double[] x, double[] mean, double[] scale) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("input length " + x.length + ", the map takes " + mean.length);
        }
        double[] z = new double[x.length + 1];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        z[x.length] = 1;
        return z;
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} (Gauss-Jordan with partial pivoting). */
    private static double[][] solve(double[][] a, double[][] b) {
        int p = a.length;
        int d = b[0].length;
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swapA = a[col];
            a[col] = a[pivot];
            a[pivot] = swapA;
            double[] swapB = b[col];
            b[col] = b[pivot];
            b[pivot] = swapB;
            double diagonal = a[col][col];
            for (int r = 0; r < p; r++) {
                if (r == col) {
                    continue;
                }
                double factor = a[r][col] / diagonal;
                for (int c = col; c < p; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                for (int k = 0; k < d; k++) {
                    b[r][k] -= factor * b[col][k];
                }
            }
        }
        double[][] x = new double[p][d];
        for (int r = 0; r < p; r++) {
            for (int k = 0; k < d; k++) {
                x[r][k] = b[r][k] / a[r][r];
            }
        }
        return x;
    }
}
