package io.callface.trainer.nn;

import io.callface.audio.Spectrogram;

/**
 * Triangular mel filters over the binding spectrogram's FFT bins: {@value #BANDS} bands equally spaced on the HTK mel
 * scale {@code 2595 log10(1 + f / 700)} between {@value #LOW_HZ} and {@value #HIGH_HZ} Hz (Young et al.,
 * <i>The HTK Book</i>), each weight peaking at 1 on its band's centre. The voice encoder's log mel front end
 * ({@link Layer.LogMelFrontEnd}) and the evaluation's log mel statistics both use it, so the network hears the bands
 * the generic listener reads.
 */
public final class MelBank {
    public static final int BANDS = 40;
    public static final double LOW_HZ = 60;
    public static final double HIGH_HZ = 7600;
    public static final int BINS = Spectrogram.BINS;
    /**
     * Turns a compressed part {@code c = sgn(v)|v|^0.3} of the binding spectrogram into its power: {@code |c|^(2/0.3)
     * = v^2}.
     */
    public static final double POWER_EXPONENT = 2 / Spectrogram.COMPRESSION_EXPONENT;
    private static final double[][] WEIGHTS = weights();

    private MelBank() {
    }

    /** The weight of FFT bin {@code bin} in band {@code band}. */
    public static double weight(int band, int bin) {
        return WEIGHTS[band][bin];
    }

    /** The weights as a row-major {@code [BINS, BANDS]} matrix, for a {@code power x matrix} product. */
    public static float[] binsByBands() {
        float[] matrix = new float[BINS * BANDS];
        for (int k = 0; k < BINS; k++) {
            for (int b = 0; b < BANDS; b++) {
                matrix[k * BANDS + b] = (float) WEIGHTS[b][k];
            }
        }
        return matrix;
    }

    public static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    private static double[][] weights() {
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(mel(LOW_HZ) + i * (mel(HIGH_HZ) - mel(LOW_HZ)) / (BANDS + 1));
        }
        double binHz = (double) Spectrogram.SAMPLE_RATE / Spectrogram.FFT_SIZE;
        double[][] weights = new double[BANDS][BINS];
        for (int b = 0; b < BANDS; b++) {
            for (int k = 0; k < BINS; k++) {
                double f = k * binHz;
                double rising = (f - edges[b]) / (edges[b + 1] - edges[b]);
                double falling = (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]);
                weights[b][k] = Math.max(0, Math.min(rising, falling));
            }
        }
        return weights;
    }
}
