package io.callface.trainer.eval;

import io.callface.model.features.FaceMeasurements;
import io.callface.model.features.FaceMeasuresCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The paper's Figure 5 for one evaluation: per {@link FaceMeasure}, Pearson r between the faces decoded from the
 * true feature (F2F) and from speech (S2F) of the same test identities, beside a random-pairs baseline (the same
 * S2F faces paired with other identities' F2F faces by a fixed random derangement) and the decoder's own fidelity
 * (the true face's landmarks against F2F's).
 *
 * @param pairs    test identities measured (one pair each)
 * @param measures one row per measure of {@link FaceMeasure#ALL}, in that order
 */
public record FaceMeasureCorrelations(int pairs, List<Row> measures) {
    /** Seed of the random pairing; fixed so a rerun pairs the same faces. */
    public static final long PAIRING_SEED = 5;

    /**
     * @param measure     the measure
     * @param f2fVsS2f    F2F against S2F of the same identity
     * @param randomPairs F2F against S2F of another identity
     * @param trueVsF2f   the true face against F2F
     */
    public record Row(FaceMeasure measure, Correlation f2fVsS2f, Correlation randomPairs, Correlation trueVsF2f) {
    }

    public FaceMeasureCorrelations {
        measures = List.copyOf(measures);
    }

    /**
     * Measures landmark sets {@code [136]} in [0, 1] of an image {@code height x width}; index {@code i} of each list
     * is the same test identity. Needs at least two identities.
     */
    public static FaceMeasureCorrelations compute(List<float[]> trueLandmarks, List<float[]> fromFaceFeature,
            List<float[]> fromSpeech, int height, int width) {
        int n = fromFaceFeature.size();
        if (n < 2 || trueLandmarks.size() != n || fromSpeech.size() != n) {
            throw new IllegalArgumentException("need at least 2 identities with true, F2F and S2F landmarks, got "
                    + trueLandmarks.size() + ", " + n + ", " + fromSpeech.size());
        }
        List<FaceMeasurements> truth = measure(trueLandmarks, height, width);
        List<FaceMeasurements> f2f = measure(fromFaceFeature, height, width);
        List<FaceMeasurements> s2f = measure(fromSpeech, height, width);
        int[] other = derangement(n, new Random(PAIRING_SEED));
        List<Row> rows = new ArrayList<>();
        for (FaceMeasure m : FaceMeasure.ALL) {
            double[] t = values(truth, m);
            double[] f = values(f2f, m);
            double[] s = values(s2f, m);
            double[] shuffled = new double[n];
            for (int i = 0; i < n; i++) {
                shuffled[i] = s[other[i]];
            }
            rows.add(new Row(m, Correlation.pearson(f, s), Correlation.pearson(f, shuffled), Correlation.pearson(t, f)));
        }
        return new FaceMeasureCorrelations(n, rows);
    }

    /** Mean r over the measures, F2F against S2F. */
    public double meanF2fVsS2f() {
        return measures.stream().mapToDouble(r -> r.f2fVsS2f().r()).average().orElseThrow();
    }

    /** Mean r over the measures of the random-pairs baseline (the paper: 0.02). */
    public double meanRandomPairs() {
        return measures.stream().mapToDouble(r -> r.randomPairs().r()).average().orElseThrow();
    }

    /**
     * A uniformly random cyclic permutation of {@code 0..n-1} (Sattolo's algorithm), so no index maps to itself:
     * every identity is paired with another.
     */
    static int[] derangement(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
        return p;
    }

    private static List<FaceMeasurements> measure(List<float[]> landmarks, int height, int width) {
        return landmarks.stream().map(l -> FaceMeasuresCalculator.compute(l, height, width)).toList();
    }

    private static double[] values(List<FaceMeasurements> faces, FaceMeasure m) {
        return faces.stream().mapToDouble(m.value()).toArray();
    }
}
