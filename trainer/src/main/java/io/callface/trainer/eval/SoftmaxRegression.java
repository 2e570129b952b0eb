package io.callface.trainer.eval;

import java.util.Arrays;

/**
 * Multinomial logistic regression over {@code classes} classes, {@code P(c | x) = softmax(W x + b)_c}, fitted by
 * minimising the mean cross-entropy plus {@code penalty/2 * |W|^2} (intercepts not penalised) with {@link Lbfgs}.
 */
public final class SoftmaxRegression {
    private final int classes;
    private final int inputs;
    /** Row {@code c} of {@code W} at {@code c * (inputs + 1)}, followed by its intercept. */
    private final double[] theta;

    private SoftmaxRegression(int classes, int inputs, double[] theta) {
        this.classes = classes;
        this.inputs = inputs;
        this.theta = theta;
    }

    /** Fits on {@code rows} with labels {@code label[i]} in {@code [0, classes)}. */
    public static SoftmaxRegression fit(float[][] rows, int[] label, int classes, double penalty, int iterations) {
        int d = Vectors.requireRows(rows, label.length);
        if (classes < 2) {
            throw new IllegalArgumentException("classes: need at least 2, got " + classes);
        }
        for (int c : label) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("label " + c + " is outside [0, " + classes + ")");
            }
        }
        int n = rows.length;
        int stride = d + 1;
        Lbfgs.Objective loss = (t, g) -> {
            Arrays.fill(g, 0);
            double sum = 0;
            double[] p = new double[classes];
            for (int i = 0; i < n; i++) {
                scores(t, classes, d, rows[i], p);
                sum -= Math.log(Math.max(p[label[i]], Double.MIN_NORMAL));
                for (int c = 0; c < classes; c++) {
                    double residual = (p[c] - (c == label[i] ? 1 : 0)) / n;
                    Vectors.addScaled(g, c * stride, residual, rows[i]);
                    g[c * stride + d] += residual;
                }
            }
            double penaltyValue = 0;
            for (int c = 0; c < classes; c++) {
                penaltyValue += Vectors.addPenalty(t, g, c * stride, d, penalty);
            }
            return sum / n + penaltyValue;
        };
        double[] theta = Lbfgs.minimise(loss, new double[classes * stride], iterations, AttributeClassifiers.TOLERANCE);
        return new SoftmaxRegression(classes, d, theta);
    }

    /** {@code P(c | x)} for every class. */
    public double[] probabilities(float[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("input length " + x.length + ", model expects " + inputs);
        }
        double[] p = new double[classes];
        scores(theta, classes, inputs, x, p);
        return p;
    }

    /** The class scores {@code W x + b}, whose softmax are the probabilities, as a map. */
    Affine scores() {
        double[][] w = new double[classes][];
        double[] b = new double[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = Arrays.copyOfRange(theta, c * (inputs + 1), c * (inputs + 1) + inputs);
            b[c] = theta[c * (inputs + 1) + inputs];
        }
        return new Affine(w, b);
    }

    /** The most probable class (the lowest index on ties). */
    public int predict(float[] x) {
        double[] p = probabilities(x);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Softmax of the class scores into {@code p}, shifted by the maximum so no exponential overflows. */
    private static void scores(double[] t, int classes, int d, float[] x, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            p[c] = Vectors.dot(t, c * (d + 1), x) + t[c * (d + 1) + d];
            max = Math.max(max, p[c]);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            total += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= total;
        }
    }
}
