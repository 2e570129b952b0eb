package io.callface.audio;

/**
 * The benchmark's O(n^2) baseline: the spectrogram definition evaluated literally, one 400-term sum per frame,
 * bin and part (598 x 257 x 400 for 6 s), with table look-ups for the twiddles and {@link Math#pow} for the
 * compression.
 */
final class NaiveDftSpectrogram {
    private static final int BINS = Spectrogram.BINS;
    private static final int SIZE = Spectrogram.FFT_SIZE;
    private static final float[] HANN = Spectrogram.periodicHann(Spectrogram.FRAME_LENGTH);
    private static final float[] COS = new float[SIZE];
    private static final float[] SIN = new float[SIZE];

    static {
        for (int m = 0; m < SIZE; m++) {
            COS[m] = (float) Math.cos(2 * Math.PI * m / SIZE);
            SIN[m] = (float) Math.sin(2 * Math.PI * m / SIZE);
        }
    }

    private final float[] frame = new float[Spectrogram.FRAME_LENGTH];

    void computeInto(float[] samples, int frames, float[] out) {
        int imaginaryOffset = frames * BINS;
        for (int t = 0; t < frames; t++) {
            int start = t * Spectrogram.HOP;
            for (int n = 0; n < Spectrogram.FRAME_LENGTH; n++) {
                frame[n] = samples[start + n] * HANN[n];
            }
            for (int k = 0; k < BINS; k++) {
                float re = 0;
                float im = 0;
                for (int n = 0; n < Spectrogram.FRAME_LENGTH; n++) {
                    int m = (k * n) & (SIZE - 1);
                    re += frame[n] * COS[m];
                    im -= frame[n] * SIN[m];
                }
                out[t * BINS + k] = MathPowSpectrogram.compress(re);
                out[imaginaryOffset + t * BINS + k] = MathPowSpectrogram.compress(im);
            }
        }
    }
}
