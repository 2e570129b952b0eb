package io.callface.model.fusion;

import java.util.Objects;

/**
 * How a speaker's window embeddings are fused over time. A window always starts a fresh fusion when there is
 * none yet, or when the previous one was made by another model version or has another dimension: embeddings
 * of different models live in different spaces. The stream processor fuses each speaker's windows with it (its
 * {@code inference.fusion} setting picks the rule); the trainer's {@code listen} check fuses a file's windows the
 * same way.
 */
public sealed interface FusionRule permits FusionRule.Mean, FusionRule.Exponential {

    /**
     * Folds {@code embedding} into {@code prior}.
     *
     * @param prior        the running fusion, or null when the speaker has none
     * @param embedding    this window's encoder output
     * @param modelVersion version of the model that made {@code embedding}
     */
    default FusedEmbedding fold(FusedEmbedding prior, float[] embedding, String modelVersion) {
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (prior == null || !prior.modelVersion().equals(modelVersion) || prior.dimension() != embedding.length) {
            return FusedEmbedding.first(embedding, modelVersion);
        }
        int windows = prior.windows() + 1;
        double weight = newestWeight(windows);
        float[] fused = prior.vector();
        for (int i = 0; i < fused.length; i++) {
            fused[i] = (float) (fused[i] + weight * (embedding[i] - fused[i]));
        }
        return new FusedEmbedding(modelVersion, fused, windows);
    }

    /** Weight of the newest embedding when the fusion will summarise {@code windows} windows (2 or more). */
    double newestWeight(int windows);

    /** The running mean of every window so far: each window counts equally. */
    record Mean() implements FusionRule {
        @Override
        public double newestWeight(int windows) {
            return 1.0 / windows;
        }
    }

    /**
     * An exponential moving average: the newest window weighs {@code alpha}, older ones fade geometrically,
     * so the face follows a voice that changes (a new speaker on a shared line).
     *
     * @param alpha weight of the newest window, in (0, 1]
     */
    record Exponential(double alpha) implements FusionRule {
        public Exponential {
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
            }
        }

        @Override
        public double newestWeight(int windows) {
            return alpha;
        }
    }
}
