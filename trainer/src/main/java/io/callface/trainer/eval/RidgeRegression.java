package io.callface.trainer.eval;

/**
 * Ridge regression {@code y = w.x + b}: minimises {@code 1/(2n) sum (w.x_i + b - z_i)^2 + penalty/2 * |w|^2} with
 * {@link Lbfgs}, where {@code z} is the target standardised by its mean and standard deviation (so the penalty and
 * the stopping tolerance mean the same for years as for any other unit); predictions are mapped back.
 */
public final class RidgeRegression {
    private final double[] theta;
    private final double targetMean;
    private final double targetScale;

    private RidgeRegression(double[] theta, double targetMean, double targetScale) {
        this.theta = theta;
        this.targetMean = targetMean;
        this.targetScale = targetScale;
    }

    /** Fits on {@code rows} with targets {@code target}. */
    public static RidgeRegression fit(float[][] rows, double[] target, double penalty, int iterations) {
        int d = Vectors.requireRows(rows, target.length);
        int n = rows.length;
        double mean = 0;
        for (double y : target) {
            mean += y / n;
        }
        double variance = 0;
        for (double y : target) {
            variance += (y - mean) * (y - mean) / n;
        }
        double scale = variance > 0 ? Math.sqrt(variance) : 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (target[i] - mean) / scale;
        }
        Lbfgs.Objective loss = (t, g) -> {
            java.util.Arrays.fill(g, 0);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double residual = Vectors.dot(t, 0, rows[i]) + t[d] - z[i];
                sum += residual * residual;
                Vectors.addScaled(g, 0, residual / n, rows[i]);
                g[d] += residual / n;
            }
            return sum / (2 * n) + Vectors.addPenalty(t, g, 0, d, penalty);
        };
        double[] theta = Lbfgs.minimise(loss, new double[d + 1], iterations, AttributeClassifiers.TOLERANCE);
        return new RidgeRegression(theta, mean, scale);
    }

    /** The prediction as a map. */
    Affine prediction() {
        int d = theta.length - 1;
        return new Affine(new double[][] {java.util.Arrays.copyOf(theta, d)}, new double[] {theta[d]})
                .then(targetScale, targetMean);
    }

    public double predict(float[] x) {
        if (x.length != theta.length - 1) {
            throw new IllegalArgumentException("input length " + x.length + ", model expects " + (theta.length - 1));
        }
        return targetMean + targetScale * (Vectors.dot(theta, 0, x) + theta[x.length]);
    }
}
