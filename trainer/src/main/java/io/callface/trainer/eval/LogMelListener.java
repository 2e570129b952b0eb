package io.callface.trainer.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A voice encoder that learned nothing but a linear map: from the {@link LogMelStatistics} of 6 s of a speaker's speech
 * to that speaker's true face feature {@code v_f}, by ridge regression on the training identities (one clip each).
 * Faces decoded from its estimates show what a listener that hears what log mel statistics hold would draw through
 * this model's face stage; beside the faces drawn from the voice encoder's {@code v_s}, they tell whether a bar is out
 * of the voice encoder's reach or of the world's. The ridge is chosen from {@link #RIDGES} by the squared error of the
 * estimates for every other training identity when fitted on the rest, then refitted on all of them.
 */
final class LogMelListener {
    /** Candidate ridges in standardised input units, from light to heavy against hundreds of identities. */
    static final List<Double> RIDGES = List.of(1.0, 10.0, 100.0, 1000.0);
    /** The fewest training identities to fit on: two halves of at least two each. */
    static final int MIN_IDENTITIES = 4;

    private final LinearMap map;
    private final double ridge;

    private LogMelListener(LinearMap map, double ridge) {
        this.map = map;
        this.ridge = ridge;
    }

    /**
     * Fits on {@code logMel.get(i)}, the statistics of a clip of training identity {@code i}, and {@code features.get(i)},
     * that identity's true face feature; needs at least {@value #MIN_IDENTITIES} identities.
     */
    static LogMelListener fit(List<float[]> logMel, List<float[]> features) {
        if (logMel.size() != features.size() || logMel.size() < MIN_IDENTITIES) {
            throw new IllegalArgumentException("log mel statistics (" + logMel.size() + ") and face features ("
                    + features.size() + ") must be of equal length, at least " + MIN_IDENTITIES);
        }
        double[][] inputs = logMel.stream().map(LogMelListener::widen).toArray(double[][]::new);
        List<Integer> even = new ArrayList<>();
        List<Integer> odd = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            (i % 2 == 0 ? even : odd).add(i);
        }
        double best = RIDGES.get(0);
        double bestError = Double.POSITIVE_INFINITY;
        for (double ridge : RIDGES) {
            LinearMap half = LinearMap.fit(even.stream().map(i -> inputs[i]).toArray(double[][]::new),
                    even.stream().map(features::get).toList(), ridge);
            double error = 0;
            for (int i : odd) {
                float[] estimate = half.predict(inputs[i]);
                for (int k = 0; k < estimate.length; k++) {
                    double residual = estimate[k] - features.get(i)[k];
                    error += residual * residual;
                }
            }
            if (error < bestError) {
                bestError = error;
                best = ridge;
            }
        }
        return new LogMelListener(LinearMap.fit(inputs, features, best), best);
    }

    /** The face feature it estimates from the log mel statistics of a clip. */
    float[] feature(float[] logMel) {
        return map.predict(widen(logMel));
    }

    double ridge() {
        return ridge;
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
