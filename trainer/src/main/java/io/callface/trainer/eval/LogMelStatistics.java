package io.callface.trainer.eval;

import io.callface.audio.Spectrogram;

/**
 * A generic listener's description of a clip, learned from nothing: per band of a log mel spectrum, the mean over
 * time, the standard deviation over time and the standard deviation of the frame-to-frame change. Mean log mel
 * energies are the classic features of speaker, accent and age recognition before neural encoders (Davis &amp;
 * Mermelstein 1980, IEEE TASSP 28:357; the Gaussian-mixture accent and age systems built on them); the deviations
 * add how much the spectrum moves (vowel reduction, rhythm, pitch movement, voice quality).
 *
 * <p>{@value #BANDS} triangular bands equally spaced on the HTK mel scale {@code 2595 log10(1 + f / 700)} between
 * {@value #LOW_HZ} and {@value #HIGH_HZ} Hz (Young et al., <i>The HTK Book</i>), on the power spectrum recovered from
 * the binding spectrogram (its compression {@code sgn(v)|v|^0.3} undone per part), {@code log(power + 1e-10)}.
 * The evaluation reads it beside the voice encoder's feature: what a linear read-out finds here is audible in the
 * clip, whatever the encoder makes of it.
 */
final class LogMelStatistics {
    static final int BANDS = 40;
    static final double LOW_HZ = 60;
    static final double HIGH_HZ = 7600;
    /** Mean, standard deviation and standard deviation of the change, per band. */
    static final int DIMENSION = 3 * BANDS;
    private static final double[][] FILTERS = filters();

    private LogMelStatistics() {
    }

    /** The statistics of a binding spectrogram ({@code [2, T, 257]}, channel-major, as {@link Spectrogram} makes). */
    static float[] of(float[] spectrogram) {
        int frames = spectrogram.length / (2 * Spectrogram.BINS);
        if (frames < 2 || spectrogram.length != 2 * frames * Spectrogram.BINS) {
            throw new IllegalArgumentException("spectrogram: " + spectrogram.length + " floats is not [2, T >= 2, "
                    + Spectrogram.BINS + "]");
        }
        double[][] logMel = new double[frames][BANDS];
        double[] power = new double[Spectrogram.BINS];
        int imaginary = frames * Spectrogram.BINS;
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < Spectrogram.BINS; k++) {
                double re = expand(spectrogram[t * Spectrogram.BINS + k]);
                double im = expand(spectrogram[imaginary + t * Spectrogram.BINS + k]);
                power[k] = re * re + im * im;
            }
            for (int b = 0; b < BANDS; b++) {
                double sum = 0;
                for (int k = 0; k < Spectrogram.BINS; k++) {
                    sum += FILTERS[b][k] * power[k];
                }
                logMel[t][b] = Math.log(sum + 1e-10);
            }
        }
        float[] out = new float[DIMENSION];
        for (int b = 0; b < BANDS; b++) {
            double mean = 0;
            for (double[] frame : logMel) {
                mean += frame[b];
            }
            mean /= frames;
            double square = 0;
            double changeMean = 0;
            double changeSquare = 0;
            for (int t = 0; t < frames; t++) {
                square += (logMel[t][b] - mean) * (logMel[t][b] - mean);
                if (t > 0) {
                    double change = logMel[t][b] - logMel[t - 1][b];
                    changeMean += change;
                    changeSquare += change * change;
                }
            }
            changeMean /= frames - 1;
            out[b] = (float) mean;
            out[BANDS + b] = (float) Math.sqrt(square / frames);
            out[2 * BANDS + b] = (float) Math.sqrt(Math.max(0, changeSquare / (frames - 1) - changeMean * changeMean));
        }
        return out;
    }

    /** Undoes {@code sgn(v)|v|^0.3}. */
    private static double expand(float compressed) {
        return Math.signum(compressed) * Math.pow(Math.abs(compressed), 1 / Spectrogram.COMPRESSION_EXPONENT);
    }

    static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    private static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Triangular weights per band and FFT bin, peaking at 1 on the band's centre. */
    private static double[][] filters() {
        double[] edges = new double[BANDS + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hz(mel(LOW_HZ) + i * (mel(HIGH_HZ) - mel(LOW_HZ)) / (BANDS + 1));
        }
        double binHz = (double) Spectrogram.SAMPLE_RATE / Spectrogram.FFT_SIZE;
        double[][] weights = new double[BANDS][Spectrogram.BINS];
        for (int b = 0; b < BANDS; b++) {
            for (int k = 0; k < Spectrogram.BINS; k++) {
                double f = k * binHz;
                double rising = (f - edges[b]) / (edges[b + 1] - edges[b]);
                double falling = (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]);
                weights[b][k] = Math.max(0, Math.min(rising, falling));
            }
        }
        return weights;
    }
}
