package io.callface.trainer.eval;

/**
 * Temperature scaling (Guo et al. 2017, ICML): one positive {@code T} per multiclass classifier that divides its logits,
 * chosen to minimise the log-loss on held-out predictions. It changes how sure a classifier is, never what it
 * predicts. Searched by golden-section on {@code log T} in [{@value #MIN_LOG}, {@value #MAX_LOG}] (T from about
 * 0.05 to 20), where the log-loss of a fixed set of logits is unimodal in practice.
 */
final class TemperatureScaling {
    static final double MIN_LOG = -3;
    static final double MAX_LOG = 3;
    private static final int STEPS = 60;

    private TemperatureScaling() {
    }

    /** The temperature for class logits {@code logits[i]} with true classes {@code label[i]}. */
    static double multiclass(double[][] logits, int[] label) {
        return search(t -> {
            double loss = 0;
            for (int i = 0; i < logits.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double z : logits[i]) {
                    max = Math.max(max, z / t);
                }
                double sum = 0;
                for (double z : logits[i]) {
                    sum += Math.exp(z / t - max);
                }
                loss += max + Math.log(sum) - logits[i][label[i]] / t;
            }
            return loss;
        });
    }

    /** Softmax of {@code logits / t}. */
    static double[] softmax(double[] logits, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z / t);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(logits[c] / t - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static double search(java.util.function.DoubleUnaryOperator lossAtTemperature) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = MIN_LOG;
        double b = MAX_LOG;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = lossAtTemperature.applyAsDouble(Math.exp(c));
        double fd = lossAtTemperature.applyAsDouble(Math.exp(d));
        for (int i = 0; i < STEPS; i++) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = lossAtTemperature.applyAsDouble(Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = lossAtTemperature.applyAsDouble(Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }
}
