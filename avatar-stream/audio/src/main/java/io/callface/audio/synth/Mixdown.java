package io.callface.audio.synth;

import java.util.SplittableRandom;

/**
 * The last step of both synthesisers: balances the voiced branch against the frication branch by their RMS over
 * the stretches where each is active, normalises the peak to {@code peak} and adds a uniform noise floor of
 * {@code floor}, so pauses are not digital silence.
 */
final class Mixdown {
    private Mixdown() {
    }

    /**
     * @param voicing     the voiced branch's control track, one value per {@code step} samples
     * @param frication   the frication branch's control track
     * @param noiseLevel  frication RMS over voiced RMS
     */
    static float[] mix(float[] voiced, float[] voicing, float[] noise, float[] frication, int step, double noiseLevel,
            double peak, double floor, SplittableRandom random) {
        double voicedGain = 1 / activeRms(voiced, voicing, step);
        double noiseGain = noiseLevel / activeRms(noise, frication, step);
        float[] out = new float[voiced.length];
        double max = 0;
        for (int i = 0; i < out.length; i++) {
            double v = voicedGain * voiced[i] + noiseGain * noise[i];
            out[i] = (float) v;
            max = Math.max(max, Math.abs(v));
        }
        double gain = max > 0 ? (peak - floor) / max : 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (gain * out[i] + floor * (2 * random.nextDouble() - 1));
        }
        return out;
    }

    /** RMS over the samples whose control amplitude is above half; 1 when there are none. */
    private static double activeRms(float[] signal, float[] control, int step) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < signal.length; i++) {
            if (control[i / step] > 0.5f) {
                sum += signal[i] * (double) signal[i];
                count++;
            }
        }
        return count == 0 || sum == 0 ? 1 : Math.sqrt(sum / count);
    }
}
