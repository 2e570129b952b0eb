package io.callface.trainer.synth;

/**
 * What {@link SyntheticCorpus} generates: counts, clip length, seed, face size, split fractions, the number of
 * further renderings per identity (0 for none), the number of judge identities ({@link JudgeFaces}, 0 for none) and
 * the number of voice-only speakers ({@link Split#VOICE}, {@value #VOICE_SPEAKER_CLIPS} clip and a canonical face
 * each, 0 for none). {@code valFraction + testFraction} must be below 1 so the training split is not empty.
 */
public record CorpusSpec(int identities, int clipsPerIdentity, double clipSeconds, long seed, int faceSize,
                         double valFraction, double testFraction, int renderings, int judgeIdentities,
                         int voiceSpeakers) {
    public static final int MAX_IDENTITIES = 1_000_000;
    public static final int MAX_CLIPS = 1000;
    public static final double MAX_CLIP_SECONDS = 60;
    /** Default identity count: with the default test fraction, a 200-identity retrieval gallery. */
    public static final int DEFAULT_IDENTITIES = 1000;
    public static final int DEFAULT_CLIPS_PER_IDENTITY = 4;
    public static final double DEFAULT_CLIP_SECONDS = 6.5;
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_VAL_FRACTION = 0.1;
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    /** Further renderings per identity (pose, light, expression, hair) besides the canonical face. */
    public static final int DEFAULT_RENDERINGS = 4;
    public static final int MAX_RENDERINGS = 100;
    /** Judge identities per corpus identity in {@link #defaults()} and {@code trainer benchmark}. */
    public static final int JUDGE_IDENTITIES_PER_IDENTITY = 2;
    /** Clips per voice-only speaker: the voice stage hears each of them in one clip. */
    public static final int VOICE_SPEAKER_CLIPS = 1;

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
        if (renderings < 0 || renderings > MAX_RENDERINGS) {
            throw new IllegalArgumentException("renderings: " + renderings + " is outside [0, " + MAX_RENDERINGS + "]");
        }
        if (judgeIdentities < 0 || judgeIdentities > MAX_IDENTITIES) {
            throw new IllegalArgumentException("judgeIdentities: " + judgeIdentities + " is outside [0, "
                    + MAX_IDENTITIES + "]");
        }
        if (voiceSpeakers < 0 || voiceSpeakers > MAX_IDENTITIES) {
            throw new IllegalArgumentException("voiceSpeakers: " + voiceSpeakers + " is outside [0, "
                    + MAX_IDENTITIES + "]");
        }
        if (valFraction + testFraction >= 1) {
            throw new IllegalArgumentException("valFraction + testFraction: " + (valFraction + testFraction)
                    + " must be below 1");
        }
    }

    /** A spec without voice-only speakers. */
    public CorpusSpec(int identities, int clipsPerIdentity, double clipSeconds, long seed, int faceSize,
                      double valFraction, double testFraction, int renderings, int judgeIdentities) {
        this(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction, renderings,
                judgeIdentities, 0);
    }

    /** A spec without judge identities or voice-only speakers. */
    public CorpusSpec(int identities, int clipsPerIdentity, double clipSeconds, long seed, int faceSize,
                      double valFraction, double testFraction, int renderings) {
        this(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction, renderings, 0);
    }

    /** A spec with the default number of renderings ({@value #DEFAULT_RENDERINGS}) and no judge identities. */
    public CorpusSpec(int identities, int clipsPerIdentity, double clipSeconds, long seed, int faceSize,
                      double valFraction, double testFraction) {
        this(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction, DEFAULT_RENDERINGS);
    }

    /**
     * The defaults of {@code trainer synth}: 1000 identities (700 train, 100 validation, 200 test), 4 clips of
     * 6.5 s, seed 42, 128 px faces, 4 further renderings per identity, 2000 judge identities, no voice-only
     * speakers.
     */
    public static CorpusSpec defaults() {
        return new CorpusSpec(DEFAULT_IDENTITIES, DEFAULT_CLIPS_PER_IDENTITY, DEFAULT_CLIP_SECONDS, DEFAULT_SEED,
                FaceRenderer.DEFAULT_SIZE, DEFAULT_VAL_FRACTION, DEFAULT_TEST_FRACTION, DEFAULT_RENDERINGS,
                JUDGE_IDENTITIES_PER_IDENTITY * DEFAULT_IDENTITIES, 0);
    }

    /** A copy with {@code count} identities and {@value #JUDGE_IDENTITIES_PER_IDENTITY} judge identities for each. */
    public CorpusSpec withIdentities(int count) {
        return new CorpusSpec(count, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction,
                renderings, JUDGE_IDENTITIES_PER_IDENTITY * count, voiceSpeakers);
    }

    /** A copy with {@code count} further renderings per identity (judge identities too). */
    public CorpusSpec withRenderings(int count) {
        return new CorpusSpec(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction,
                count, judgeIdentities, voiceSpeakers);
    }

    /** A copy with {@code count} judge identities. */
    public CorpusSpec withJudgeIdentities(int count) {
        return new CorpusSpec(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction,
                renderings, count, voiceSpeakers);
    }

    /** A copy with {@code count} voice-only speakers. */
    public CorpusSpec withVoiceSpeakers(int count) {
        return new CorpusSpec(identities, clipsPerIdentity, clipSeconds, seed, faceSize, valFraction, testFraction,
                renderings, judgeIdentities, count);
    }
}
