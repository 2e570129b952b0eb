package io.callface.audio.synth;

import java.util.SplittableRandom;

/**
 * Source-filter speech synthesis at 16 kHz, for simulated callers and the synthetic training corpus.
 *
 * <p>A Rosenberg glottal pulse train (pitch contour with phrase declination and accents, jitter, shimmer,
 * aspiration noise) drives a cascade of four formant resonators whose frequencies follow a vowel sequence and
 * scale with {@code 17.5 cm / vocal-tract length}. Fricatives and stop bursts are band-pass noise in a
 * parallel branch. Syllables come at the trait's speaking rate in phrases of 3-10 syllables separated by
 * 150-500 ms pauses, so an energy or spectral-flatness VAD sees voiced stretches with harmonic structure and
 * silences. It is not intelligible speech and does not pretend to be.
 *
 * <p>Output samples lie in [-1, 1] with the peak normalised to {@value #PEAK}; pauses carry a noise floor
 * about 63 dB below the peak. The result is a pure function of (traits, seconds, seed).
 */
public final class VoiceSynthesizer {
    public static final int SAMPLE_RATE = 16_000;
    public static final double PEAK = 0.7;
    public static final double MAX_SECONDS = 600;

    private static final double NOISE_FLOOR = 5e-4;
    /** Frication level relative to vowels (RMS ratio over the active stretches). */
    private static final double FRICATION_LEVEL = 0.3;
    private static final double[] BANDWIDTHS_HZ = {60, 90, 130, 200};

    /** {@code seconds} of synthetic speech with the given voice; deterministic for {@code seed}. */
    public float[] synthesize(VoiceTraits traits, double seconds, long seed) {
        if (traits == null) {
            throw new IllegalArgumentException("traits: must not be null");
        }
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("seconds: " + seconds + " is outside (0, " + MAX_SECONDS + "]");
        }
        int samples = (int) Math.round(seconds * SAMPLE_RATE);
        SplittableRandom random = new SplittableRandom(seed);
        ArticulationPlan plan = ArticulationPlan.plan(traits, samples, random);
        float[] voiced = new float[samples];
        float[] noise = new float[samples];
        render(traits, plan, random, voiced, noise);
        return Mixdown.mix(voiced, plan.voicing, noise, plan.frication, ArticulationPlan.STEP, FRICATION_LEVEL, PEAK,
                NOISE_FLOOR, random);
    }

    private static void render(VoiceTraits traits, ArticulationPlan plan, SplittableRandom random,
                               float[] voiced, float[] noise) {
        GlottalSource source = new GlottalSource(SAMPLE_RATE, traits);
        Resonator[] tract = new Resonator[4];
        for (int f = 0; f < tract.length; f++) {
            tract[f] = new Resonator(SAMPLE_RATE);
        }
        Resonator fricative = new Resonator(SAMPLE_RATE);
        double b1Extra = 60 * traits.breathiness();
        for (int i = 0; i < voiced.length; i++) {
            int k = i / ArticulationPlan.STEP;
            if (i % ArticulationPlan.STEP == 0) {
                for (int f = 0; f < tract.length; f++) {
                    tract[f].tune(plan.formants[f][k], BANDWIDTHS_HZ[f] + (f == 0 ? b1Extra : 0));
                }
                fricative.tune(plan.fricationHz[k], 1500);
            }
            double y = plan.voicing[k] * source.next(traits.f0Hz() * plan.pitch[k], random);
            for (Resonator formant : tract) {
                y = formant.filter(y);
            }
            voiced[i] = (float) y;
            noise[i] = (float) fricative.filter(plan.frication[k] * random.nextGaussian());
        }
    }
}
