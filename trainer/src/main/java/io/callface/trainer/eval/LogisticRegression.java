package io.callface.trainer.eval;

/**
 * Binary logistic regression {@code P(y = 1 | x) = sigmoid(w.x + b)}, fitted by minimising the mean log-loss plus
 * {@code penalty/2 * |w|^2} (the intercept is not penalised) with {@link Lbfgs}. Inputs are expected on a common
 * scale (see {@link Standardiser}).
 */
public final class LogisticRegression {
    private final double[] theta;

    private LogisticRegression(double[] theta) {
        this.theta = theta;
    }

    /** Fits on {@code rows} with labels {@code positive}; both classes must occur. */
    public static LogisticRegression fit(float[][] rows, boolean[] positive, double penalty, int iterations) {
        int d = Vectors.requireRows(rows, positive.length);
        boolean anyTrue = false;
        boolean anyFalse = false;
        for (boolean p : positive) {
            anyTrue |= p;
            anyFalse |= !p;
        }
        if (!anyTrue || !anyFalse) {
            throw new IllegalArgumentException("labels must contain both classes to fit a logistic regression");
        }
        int n = rows.length;
        Lbfgs.Objective loss = (t, g) -> {
            java.util.Arrays.fill(g, 0);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double margin = Vectors.dot(t, 0, rows[i]) + t[d];
                double y = positive[i] ? 1 : 0;
                sum += softplus(margin) - y * margin;
                double residual = (sigmoid(margin) - y) / n;
                Vectors.addScaled(g, 0, residual, rows[i]);
                g[d] += residual;
            }
            return sum / n + Vectors.addPenalty(t, g, 0, d, penalty);
        };
        return new LogisticRegression(Lbfgs.minimise(loss, new double[d + 1], iterations, AttributeClassifiers.TOLERANCE));
    }

    /** {@code P(y = 1 | x)}. */
    public double probability(float[] x) {
        if (x.length != theta.length - 1) {
            throw new IllegalArgumentException("input length " + x.length + ", model expects " + (theta.length - 1));
        }
        return sigmoid(Vectors.dot(theta, 0, x) + theta[x.length]);
    }

    /** The logit {@code w.x + b} as a map. */
    Affine logit() {
        int d = theta.length - 1;
        return new Affine(new double[][] {java.util.Arrays.copyOf(theta, d)}, new double[] {theta[d]});
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** {@code log(1 + e^z)} without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
