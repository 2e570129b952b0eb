package io.callface.trainer.eval;

import io.callface.audio.Spectrogram;
import io.callface.trainer.nn.MelBank;

/**
 * A generic listener's description of a clip, learned from nothing: per band of a log mel spectrum, the mean over
 * time, the standard deviation over time and the standard deviation of the frame-to-frame change. Mean log mel
 * energies are the classic features of speaker, accent and age recognition before neural encoders (Davis &amp;
 * Mermelstein 1980, IEEE TASSP 28:357; the Gaussian-mixture accent and age systems built on them); the deviations
 * add how much the spectrum moves (vowel reduction, rhythm, pitch movement, voice quality).
 *
 * <p>The bands of {@link MelBank} on the power spectrum recovered from the binding spectrogram (its compression
 * {@code sgn(v)|v|^0.3} undone per part), {@code log(power + 1e-10)}.
 * The evaluation reads it beside the voice encoder's feature: what a linear read-out finds here is audible in the
 * clip, whatever the encoder makes of it.
 */
final class LogMelStatistics {
    static final int BANDS = MelBank.BANDS;
    /** Mean, standard deviation and standard deviation of the change, per band. */
    static final int DIMENSION = 3 * BANDS;

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
                    sum += MelBank.weight(b, k) * power[k];
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
}
