package io.callface.audio;

import java.util.Arrays;

/** The paper's segment rule: a segment shorter than 6 s is repeated until it reaches 6 s, then cut to 6 s. */
public final class SpeechSegment {
    public static final int SEGMENT_SECONDS = 6;
    public static final int SEGMENT_SAMPLES = SEGMENT_SECONDS * Spectrogram.SAMPLE_RATE;

    private SpeechSegment() {
    }

    /** Returns exactly {@code length} samples: {@code samples} repeated end to end, or cut. */
    public static float[] repeatToLength(float[] samples, int length) {
        if (samples.length == 0) {
            throw new AudioFormatException("samples", "an empty segment cannot be repeated");
        }
        if (samples.length >= length) {
            return Arrays.copyOf(samples, length);
        }
        float[] out = new float[length];
        for (int filled = 0; filled < length; filled += samples.length) {
            System.arraycopy(samples, 0, out, filled, Math.min(samples.length, length - filled));
        }
        return out;
    }

    /** {@link #repeatToLength} to 6 s at 16 kHz (96,000 samples). */
    public static float[] toSixSeconds(float[] samples) {
        return repeatToLength(samples, SEGMENT_SAMPLES);
    }
}
