package io.callface.trainer.eval;

import io.callface.audio.synth.VoiceTraits;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Sex;
import java.util.List;

/**
 * The ceiling of speech-to-face retrieval in a synthetic corpus: ridge regression from the exact parameters the
 * synthesiser gave an identity's voice (sex, F0, vocal-tract length, jitter, shimmer, speaking rate,
 * breathiness) to that identity's true face feature {@code v_f}. A voice encoder can at best recover those
 * parameters from the audio, so a linear map from them is what a voice model could reach with perfect hearing
 * and a linear read-out; its recall on held-out faces says how retrievable the face encoder's feature space is
 * from anything a voice reveals. Inputs are standardised on the training identities; the intercept is not
 * penalised.
 */
public final class TraitOracle {
    /** Ridge penalty in standardised units; small against the hundreds of training identities. */
    static final double RIDGE = 1.0;
    /** Inputs per identity: sex (1 male) then the six {@link VoiceTraits}. */
    static final int INPUTS = 7;

    private final double[] mean;
    private final double[] scale;
    /** {@code [INPUTS + 1][D]}: one row per standardised input, the last row the intercept. */
    private final double[][] weights;

    private TraitOracle(double[] mean, double[] scale, double[][] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    /**
     * Fits the map from {@code traits.get(i)} to {@code features.get(i)}; needs more identities than
     * {@value #INPUTS} and features of one length.
     */
    public static TraitOracle fit(List<IdentityTraits> traits, List<float[]> features) {
        int n = traits.size();
        if (n != features.size() || n <= INPUTS) {
            throw new IllegalArgumentException("traits (" + n + ") and features (" + features.size()
                    + ") must be of equal length and more than " + INPUTS);
        }
        int d = features.get(0).length;
        if (features.stream().anyMatch(f -> f.length != d)) {
            throw new IllegalArgumentException("features: all must have length " + d);
        }
        double[][] raw = traits.stream().map(TraitOracle::inputs).toArray(double[][]::new);
        double[] mean = new double[INPUTS];
        double[] scale = new double[INPUTS];
        for (double[] x : raw) {
            for (int j = 0; j < INPUTS; j++) {
                mean[j] += x[j] / n;
            }
        }
        for (double[] x : raw) {
            for (int j = 0; j < INPUTS; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < INPUTS; j++) {
            // A constant input (e.g. one sex only) standardises to zero instead of dividing by zero.
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
        }
        int p = INPUTS + 1;
        double[][] gram = new double[p][p];
        double[][] moment = new double[p][d];
        for (int i = 0; i < n; i++) {
            double[] z = design(raw[i], mean, scale);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    gram[a][b] += z[a] * z[b];
                }
                for (int k = 0; k < d; k++) {
                    moment[a][k] += z[a] * features.get(i)[k];
                }
            }
        }
        for (int a = 0; a < INPUTS; a++) {
            gram[a][a] += RIDGE;
        }
        return new TraitOracle(mean, scale, solve(gram, moment));
    }

    /** The face feature this oracle predicts for an identity with {@code traits}. */
    public float[] predict(IdentityTraits traits) {
        double[] z = design(inputs(traits), mean, scale);
        float[] out = new float[weights[0].length];
        for (int k = 0; k < out.length; k++) {
            double s = 0;
            for (int a = 0; a < z.length; a++) {
                s += z[a] * weights[a][k];
            }
            out[k] = (float) s;
        }
        return out;
    }

    private static double[] inputs(IdentityTraits t) {
        VoiceTraits v = t.voice();
        return new double[] {t.sex() == Sex.MALE ? 1 : 0, v.f0Hz(), v.vocalTractCm(), v.jitter(), v.shimmer(),
                v.speakingRate(), v.breathiness()};
    }

    private static double[] design(double[] x, double[] mean, double[] scale) {
        double[] z = new double[INPUTS + 1];
        for (int j = 0; j < INPUTS; j++) {
            z[j] = (x[j] - mean[j]) / scale[j];
        }
        z[INPUTS] = 1;
        return z;
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} (Gauss-Jordan with partial pivoting). */
    private static double[][] solve(double[][] a, double[][] b) {
        int p = a.length;
        int d = b[0].length;
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swapA = a[col];
            a[col] = a[pivot];
            a[pivot] = swapA;
            double[] swapB = b[col];
            b[col] = b[pivot];
            b[pivot] = swapB;
            double diagonal = a[col][col];
            for (int r = 0; r < p; r++) {
                if (r == col) {
                    continue;
                }
                double factor = a[r][col] / diagonal;
                for (int c = col; c < p; c++) {
                    a[r][c] -= factor * a[col][c];
                }
                for (int k = 0; k < d; k++) {
                    b[r][k] -= factor * b[col][k];
                }
            }
        }
        double[][] x = new double[p][d];
        for (int r = 0; r < p; r++) {
            for (int k = 0; k < d; k++) {
                x[r][k] = b[r][k] / a[r][r];
            }
        }
        return x;
    }
}
