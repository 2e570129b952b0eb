package io.callface.audio.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Control tracks for one utterance at 1 ms resolution: phrases of syllables separated by pauses, each
 * syllable an optional consonant onset (fricative, stop or nasal) and a vowel nucleus. Targets are set per
 * segment and then smoothed, so formants glide and amplitudes ramp like articulators do.
 */
final class ArticulationPlan {
    /** Samples per control step (1 ms at 16 kHz). */
    static final int STEP = 16;
    /** Vocal-tract length the formant tables below are given for (adult male average). */
    static final double REFERENCE_VTL_CM = 17.5;

    /** F1..F4 in Hz of American English vowels for a 17.5 cm tract (Peterson and Barney 1952, men). */
    private static final double[][] VOWELS = {
            {270, 2290, 3010, 3500}, {390, 1990, 2550, 3500}, {530, 1840, 2480, 3500},
            {660, 1720, 2410, 3500}, {730, 1090, 2440, 3400}, {570, 840, 2410, 3300},
            {440, 1020, 2240, 3300}, {300, 870, 2240, 3300}, {640, 1190, 2390, 3400},
            {490, 1350, 1690, 3300},
    };
    private static final double[] NASAL = {280, 1300, 2500, 3300};
    private static final double[] SCHWA = {500, 1500, 2500, 3500};
    /** Frication noise centre frequencies: roughly /sh/, /f/-/th/, /s/. */
    private static final double[] FRICATIVE_HZ = {2800, 4200, 5800};

    final int steps;
    final float[] voicing;
    final float[] frication;
    final float[] fricationHz;
    final float[] pitch;
    final float[][] formants;

    private ArticulationPlan(int steps) {
        this.steps = steps;
        voicing = new float[steps];
        frication = new float[steps];
        fricationHz = new float[steps];
        pitch = new float[steps];
        formants = new float[4][steps];
    }

    static ArticulationPlan plan(VoiceTraits traits, int samples, SplittableRandom random) {
        ArticulationPlan plan = new ArticulationPlan(samples / STEP + 1);
        double scale = REFERENCE_VTL_CM / traits.vocalTractCm();
        plan.setFormants(0, plan.steps, SCHWA, scale);
        Arrays.fill(plan.pitch, 1f);
        Arrays.fill(plan.fricationHz, (float) FRICATIVE_HZ[1]);
        double syllableMs = 1000.0 / traits.speakingRate();
        int step = 50 + random.nextInt(200);
        while (step < plan.steps) {
            int syllables = 3 + random.nextInt(8);
            double phraseMs = syllables * syllableMs;
            int phraseStart = step;
            for (int s = 0; s < syllables && step < plan.steps; s++) {
                int length = (int) Math.round(syllableMs * (0.75 + 0.5 * random.nextDouble()));
                // Declination over the phrase plus a random accent per syllable.
                double progress = (step - phraseStart) / phraseMs;
                double pitch = 1.06 - 0.12 * progress + 0.04 * (2 * random.nextDouble() - 1);
                plan.fill(plan.pitch, step, step + length, pitch);
                step = plan.syllable(step, length, scale, random);
            }
            step += 150 + random.nextInt(350);
        }
        plan.smooth();
        return plan;
    }

    /** Writes one syllable starting at {@code start}; returns the step after it. */
    private int syllable(int start, int length, double scale, SplittableRandom random) {
        double loudness = 0.7 + 0.3 * random.nextDouble();
        double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
        int onset = 0;
        double kind = random.nextDouble();
        if (kind < 0.4) {
            onset = (int) (0.3 * length);
            fill(frication, start, start + onset, 0.8 * loudness);
            fill(fricationHz, start, start + onset, FRICATIVE_HZ[random.nextInt(FRICATIVE_HZ.length)]);
            setFormants(start, start + onset, vowel, scale);
        } else if (kind < 0.6) {
            // Stop: a silent closure, then a short burst of noise.
            int closure = (int) (0.15 * length);
            onset = closure + 10;
            fill(frication, start + closure, start + onset, loudness);
            fill(fricationHz, start + closure, start + onset, FRICATIVE_HZ[1]);
            setFormants(start, start + onset, vowel, scale);
        } else if (kind < 0.8) {
            onset = (int) (0.25 * length);
            fill(voicing, start, start + onset, 0.35 * loudness);
            setFormants(start, start + onset, NASAL, scale);
        }
        int end = start + length;
        int coda = (int) (0.1 * length);
        fill(voicing, start + onset, end - coda, loudness);
        setFormants(start + onset, end, vowel, scale);
        return end;
    }

    private void setFormants(int from, int to, double[] hz, double scale) {
        for (int f = 0; f < 4; f++) {
            fill(formants[f], from, to, hz[f] * scale);
        }
    }

    private void fill(float[] track, int from, int to, double value) {
        int a = Math.min(from, steps);
        int b = Math.min(to, steps);
        if (a < b) {
            Arrays.fill(track, a, b, (float) value);
        }
    }

    private void smooth() {
        onePole(voicing, 6);
        onePole(frication, 4);
        onePole(pitch, 40);
        for (float[] formant : formants) {
            onePole(formant, 15);
        }
    }

    /** First-order low-pass with time constant {@code tauMs}, in place. */
    private static void onePole(float[] track, double tauMs) {
        double alpha = 1 - Math.exp(-1 / tauMs);
        double y = track[0];
        for (int i = 0; i < track.length; i++) {
            y += alpha * (track[i] - y);
            track[i] = (float) y;
        }
    }
}
