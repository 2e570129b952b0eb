package io.callface.trainer.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Speech-to-face retrieval: rank a gallery of true face features by cosine similarity to a query. */
public final class Retrieval {
    private Retrieval() {
    }

    /**
     * 1-based rank of {@code gallery.get(trueIndex)} when the gallery is sorted by descending cosine
     * similarity to {@code query}; ties count against the true face.
     */
    public static int rank(float[] query, List<float[]> gallery, int trueIndex) {
        double own = FeatureDistances.cosine(query, gallery.get(trueIndex));
        int rank = 1;
        for (int i = 0; i < gallery.size(); i++) {
            if (i != trueIndex && FeatureDistances.cosine(query, gallery.get(i)) >= own) {
                rank++;
            }
        }
        return rank;
    }

    /** Chance recall at {@code k} for a gallery of {@code size}: {@code min(1, k/size)}. */
    public static double chance(int k, int size) {
        return Math.min(1.0, (double) k / size);
    }

    /**
     * Recall at each K of {@link EvaluationReport#KS} when query {@code i} should find gallery item {@code i}
     * (cosine ranking, as {@link #rank}).
     */
    public static Map<Integer, Double> recall(List<float[]> queries, List<float[]> gallery) {
        if (queries.size() != gallery.size() || queries.isEmpty()) {
            throw new IllegalArgumentException("queries (" + queries.size() + ") and gallery (" + gallery.size()
                    + ") must be non-empty and of equal size");
        }
        int[] ranks = new int[queries.size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = rank(queries.get(i), gallery, i);
        }
        return EvaluationReport.KS.stream().collect(Collectors.toMap(k -> k,
                k -> (double) Arrays.stream(ranks).filter(r -> r <= k).count() / ranks.length));
    }

    /** Binomial standard error {@code sqrt(p (1 - p) / n)} of a fraction {@code p} of {@code n} trials. */
    public static double standardError(double p, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, got " + n);
        }
        return Math.sqrt(p * (1 - p) / n);
    }
}
