package io.callface.trainer.train;

/**
 * What one training epoch did: one row of {@code training-log.csv}.
 *
 * @param stage      {@link #FACE} or {@link #VOICE}
 * @param epoch      1-based epoch within the stage
 * @param steps      optimiser updates in the epoch
 * @param samples    training samples seen (faces in the face stage, clips in the voice stage)
 * @param seconds    wall-clock seconds the epoch took, data loading included
 * @param meanLoss   mean of the stage's objective over the epoch's steps
 * @param meanFDecL1 voice stage: mean {@code |f_dec(v_f) - f_dec(v_s)|_1} (comparable across losses); NaN for
 *                   the face stage
 */
public record EpochRecord(String stage, int epoch, int steps, int samples, double seconds, double meanLoss,
        double meanFDecL1) {
    public static final String FACE = "face";
    public static final String VOICE = "voice";

    public EpochRecord {
        if (!FACE.equals(stage) && !VOICE.equals(stage)) {
            throw new IllegalArgumentException("stage: '" + stage + "' is not one of face, voice");
        }
        if (epoch < 1 || steps < 1 || samples < 1) {
            throw new IllegalArgumentException("epoch, steps, samples must be positive, got " + epoch + ", " + steps
                    + ", " + samples);
        }
        if (!(seconds >= 0) || !Double.isFinite(meanLoss)) {
            throw new IllegalArgumentException("seconds " + seconds + " and meanLoss " + meanLoss
                    + " must be finite and seconds non-negative");
        }
    }

    /** Samples per second of wall-clock time in this epoch. */
    public double samplesPerSecond() {
        return seconds == 0 ? 0 : samples / seconds;
    }
}
