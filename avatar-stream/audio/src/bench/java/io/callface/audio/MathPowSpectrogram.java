package io.callface.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * The benchmark's "before": {@link Spectrogram} as it was before {@link PowerLaw}, i.e. the same windowing and
 * JTransforms FFT with the compression done by {@link Math#pow}.
 */
final class MathPowSpectrogram {
    private static final int BINS = Spectrogram.BINS;
    private static final float[] HANN = Spectrogram.periodicHann(Spectrogram.FRAME_LENGTH);

    private final FloatFFT_1D fft = new FloatFFT_1D(Spectrogram.FFT_SIZE);
    private final float[] frame = new float[Spectrogram.FFT_SIZE];

    void computeInto(float[] samples, int frames, float[] out) {
        int imaginaryOffset = frames * BINS;
        for (int t = 0; t < frames; t++) {
            int start = t * Spectrogram.HOP;
            for (int n = 0; n < Spectrogram.FRAME_LENGTH; n++) {
                frame[n] = samples[start + n] * HANN[n];
            }
            java.util.Arrays.fill(frame, Spectrogram.FRAME_LENGTH, Spectrogram.FFT_SIZE, 0f);
            fft.realForward(frame);
            int row = t * BINS;
            out[row] = compress(frame[0]);
            out[imaginaryOffset + row] = 0f;
            for (int k = 1; k < BINS - 1; k++) {
                out[row + k] = compress(frame[2 * k]);
                out[imaginaryOffset + row + k] = compress(frame[2 * k + 1]);
            }
            out[row + BINS - 1] = compress(frame[1]);
            out[imaginaryOffset + row + BINS - 1] = 0f;
        }
    }

    static float compress(float v) {
        return Math.copySign((float) Math.pow(Math.abs(v), PowerLaw.EXPONENT), v);
    }
}
