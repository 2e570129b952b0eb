package io.callface.audio;

import org.jtransforms.fft.FloatFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The benchmark's "before" for {@link FrameBatchFft}: {@link Spectrogram} as it was with JTransforms, one
 * 512-point real FFT per frame, each value compressed by {@link PowerLaw}'s scalar form while unpacking.
 */
final class JTransformsSpectrogram {
    private static final int BINS = Spectrogram.BINS;
    private static final float[] HANN = Spectrogram.periodicHann(Spectrogram.FRAME_LENGTH);

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

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
            // JTransforms packs a real FFT in place: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...].
            fft.realForward(frame);
            int row = t * BINS;
            out[row] = PowerLaw.compress(frame[0]);
            out[imaginaryOffset + row] = 0f;
            for (int k = 1; k < BINS - 1; k++) {
                out[row + k] = PowerLaw.compress(frame[2 * k]);
                out[imaginaryOffset + row + k] = PowerLaw.compress(frame[2 * k + 1]);
            }
            out[row + BINS - 1] = PowerLaw.compress(frame[1]);
            out[imaginaryOffset + row + BINS - 1] = 0f;
        }
    }
}
