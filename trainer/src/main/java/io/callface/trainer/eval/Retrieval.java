package io.callface.trainer.eval;

import java.util.List;

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
}
