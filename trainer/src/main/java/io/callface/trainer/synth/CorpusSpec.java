package io.callface.trainer.synth;

/**
 * What {@link SyntheticCorpus} generates: counts, clip length, seed, face size and split fractions.
 * {@code valFraction + testFraction} must be below 1 so the training split is not empty.
 */
public record CorpusSpec(int identities, int clipsPerIdentity, double clipSeconds, long seed, int faceSize,
                         double valFraction, double testFraction) {
    public static final int MAX_IDENTITIES = 1_000_000;
    public static final int MAX_CLIPS = 1000;
    public static final double MAX_CLIP_SECONDS = 60;

    public CorpusSpec {
        if (identities < 1 || identities > MAX_IDENTITIES) {
            throw new IllegalArgumentException("identities: " + identities + " is outside [1, " + MAX_IDENTITIES + "]");
        }
        if (clipsPerIdentity < 1 || clipsPerIdentity > MAX_CLIPS) {
            throw new IllegalArgumentException("clipsPerIdentity: " + clipsPerIdentity + " is outside [1, " + MAX_CLIPS + "]");
        }
        if (!(clipSeconds >= 0.1 && clipSeconds <= MAX_CLIP_SECONDS)) {
            throw new IllegalArgumentException("clipSeconds: " + clipSeconds + " is outside [0.1, " + MAX_CLIP_SECONDS + "]");
        }
        if (faceSize < FaceRenderer.MIN_SIZE || faceSize > FaceRenderer.MAX_SIZE) {
            throw new IllegalArgumentException("faceSize: " + faceSize + " is outside ["
                    + FaceRenderer.MIN_SIZE + ", " + FaceRenderer.MAX_SIZE + "]");
        }
        Ranges.require("valFraction", valFraction, 0, 1);
        Ranges.require("testFraction", testFraction, 0, 1);
        if (valFraction + testFraction >= 1) {
            throw new IllegalArgumentException("valFraction + testFraction: " + (valFraction + testFraction)
                    + " must be below 1");
        }
    }

    /** The defaults of {@code trainer synth}: 300 identities, 4 clips of 6.5 s, seed 42, 64 px, 10 % / 20 %. */
    public static CorpusSpec defaults() {
        return new CorpusSpec(300, 4, 6.5, 42, FaceRenderer.DEFAULT_SIZE, 0.1, 0.2);
    }
}
