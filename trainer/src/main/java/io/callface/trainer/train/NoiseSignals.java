package io.callface.trainer.train;

import java.util.SplittableRandom;

/** Background noises for {@link VoiceAugmentation} and the evaluation's babble, at arbitrary level (the mixer sets the SNR). */
public final class NoiseSignals {
    /** Mains frequencies: Europe, Asia and Africa mostly 50 Hz, the Americas 60 Hz. */
    private static final int[] MAINS_HZ = {50, 60};
    private static final int HUM_HARMONICS = 5;
    private static final int RATE = 16_000;

    private NoiseSignals() {
    }

    /** Gaussian white noise. */
    static float[] white(int length, SplittableRandom random) {
        float[] noise = new float[length];
        for (int i = 0; i < length; i++) {
            noise[i] = (float) gaussian(random);
        }
        return noise;
    }

    /**
     * Pink (1/f) noise: white noise through Paul Kellet's "economy" three-pole filter (musicdsp.org, 1999). It was
     * designed at 44.1 kHz; at 16 kHz its octaves from 250 Hz to 8 kHz hold equal power within about 1.1 dB
     * (NoiseSignalsTest measures it), close enough for background noise.
     */
    static float[] pink(int length, SplittableRandom random) {
        float[] noise = new float[length];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < length; i++) {
            double white = gaussian(random);
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            noise[i] = (float) (b0 + b1 + b2 + white * 0.1848);
        }
        return noise;
    }

    /** Mains hum: 50 or 60 Hz and its first harmonics, each half the amplitude of the one below, random phases. */
    static float[] hum(int length, SplittableRandom random) {
        int mains = MAINS_HZ[random.nextInt(MAINS_HZ.length)];
        double[] phases = new double[HUM_HARMONICS];
        for (int h = 0; h < HUM_HARMONICS; h++) {
            phases[h] = 2 * Math.PI * random.nextDouble();
        }
        float[] noise = new float[length];
        for (int i = 0; i < length; i++) {
            double sum = 0;
            for (int h = 0; h < HUM_HARMONICS; h++) {
                sum += Math.sin(2 * Math.PI * mains * (h + 1) * i / RATE + phases[h]) / (1 << h);
            }
            noise[i] = (float) sum;
        }
        return noise;
    }

    /** Adds {@code voice}, scaled to unit mean-square power and looped to {@code into}'s length. */
    public static void addAtUnitPower(float[] into, float[] voice) {
        double power = 0;
        for (float s : voice) {
            power += (double) s * s;
        }
        if (voice.length == 0 || power == 0) {
            return;
        }
        double gain = 1 / Math.sqrt(power / voice.length);
        for (int i = 0; i < into.length; i++) {
            into[i] += (float) (gain * voice[i % voice.length]);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; 1 - u keeps the logarithm finite.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
