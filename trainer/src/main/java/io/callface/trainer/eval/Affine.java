package io.callface.trainer.eval;

/**
 * A fixed affine map {@code y = W x + b} with {@code W} as {@code [outputs][inputs]}: the form in which a fitted linear
 * read-out leaves the JVM (an ONNX Gemm). Arrays are copied in and out.
 */
public record Affine(double[][] weights, double[] bias) {
    public Affine {
        if (weights.length == 0 || weights.length != bias.length) {
            throw new IllegalArgumentException("weights (" + weights.length + " rows) and bias (" + bias.length
                    + ") must be non-empty and of equal length");
        }
        int inputs = weights[0].length;
        double[][] copy = new double[weights.length][];
        for (int o = 0; o < weights.length; o++) {
            if (weights[o].length != inputs) {
                throw new IllegalArgumentException("row " + o + " has " + weights[o].length + " weights, row 0 has "
                        + inputs);
            }
            copy[o] = weights[o].clone();
        }
        weights = copy;
        bias = bias.clone();
    }

    @Override
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int o = 0; o < weights.length; o++) {
            copy[o] = weights[o].clone();
        }
        return copy;
    }

    @Override
    public double[] bias() {
        return bias.clone();
    }

    public int inputs() {
        return weights[0].length;
    }

    public int outputs() {
        return weights.length;
    }

    /** {@code a y + c} for every output. */
    public Affine then(double a, double c) {
        double[][] w = weights();
        double[] b = bias();
        for (int o = 0; o < w.length; o++) {
            for (int i = 0; i < w[o].length; i++) {
                w[o][i] *= a;
            }
            b[o] = a * b[o] + c;
        }
        return new Affine(w, b);
    }

    /** {@code W x + b} for one input. */
    public double[] apply(float[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("input length " + x.length + ", map expects " + inputs());
        }
        double[] y = bias();
        for (int o = 0; o < y.length; o++) {
            for (int i = 0; i < x.length; i++) {
                y[o] += weights[o][i] * x[i];
            }
        }
        return y;
    }
}
