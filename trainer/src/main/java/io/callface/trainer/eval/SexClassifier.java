package io.callface.trainer.eval;

import java.util.List;

/**
 * Logistic regression from a face feature to the probability that the face is male: the attribute classifier
 * of the paper's Table 4, trained on the training identities' true face features (standardised per dimension,
 * L2-regularised, full-batch gradient descent, deterministic).
 */
public final class SexClassifier {
    private static final int ITERATIONS = 400;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1e-3;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private SexClassifier(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /** Fits on {@code features} with labels {@code male}; both classes must occur. */
    public static SexClassifier fit(List<float[]> features, List<Boolean> male) {
        if (features.size() != male.size() || features.isEmpty()) {
            throw new IllegalArgumentException("features (" + features.size() + ") and labels (" + male.size()
                    + ") must be non-empty and of equal length");
        }
        if (!male.contains(true) || !male.contains(false)) {
            throw new IllegalArgumentException("labels must contain both sexes to train a sex classifier");
        }
        int n = features.size();
        int d = features.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] f : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += f[j] / (double) n;
            }
        }
        for (float[] f : features) {
            for (int j = 0; j < d; j++) {
                scale[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-6;
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = standardise(features.get(i), mean, scale);
        }
        double[] w = new double[d];
        double b = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double gradientBias = 0;
            for (int i = 0; i < n; i++) {
                double error = sigmoid(dot(w, x[i]) + b) - (male.get(i) ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * x[i][j] / n;
                }
                gradientBias += error / n;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= LEARNING_RATE * (gradient[j] + L2 * w[j]);
            }
            b -= LEARNING_RATE * gradientBias;
        }
        return new SexClassifier(mean, scale, w, b);
    }

    /** True when {@code feature} is classified male. */
    public boolean isMale(float[] feature) {
        if (feature.length != weights.length) {
            throw new IllegalArgumentException("feature length " + feature.length + ", classifier expects " + weights.length);
        }
        return dot(weights, standardise(feature, mean, scale)) + bias > 0;
    }

    private static double[] standardise(float[] f, double[] mean, double[] scale) {
        double[] z = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            z[j] = (f[j] - mean[j]) / scale[j];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
