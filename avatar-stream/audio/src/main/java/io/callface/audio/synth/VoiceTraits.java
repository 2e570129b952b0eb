package io.callface.audio.synth;

import java.util.Random;

/**
 * The physical parameters of a synthetic voice, as used by {@link VoiceSynthesizer}.
 *
 * <p>Ranges are wide enough for adult and adolescent speakers and narrow enough that the synthesiser stays
 * stable and speech-like:
 * <ul>
 *   <li>{@code f0Hz}: mean fundamental frequency, {@value #MIN_F0_HZ} to {@value #MAX_F0_HZ} Hz
 *       (adult men typically 85-155 Hz, adult women 165-255 Hz);</li>
 *   <li>{@code vocalTractCm}: vocal-tract length, {@value #MIN_VOCAL_TRACT_CM} to {@value #MAX_VOCAL_TRACT_CM}
 *       cm (men about 17 cm, women about 14.5 cm); formant frequencies scale with its inverse;</li>
 *   <li>{@code jitter}: relative cycle-to-cycle period perturbation, 0 to {@value #MAX_JITTER}
 *       (healthy voices about 0.005);</li>
 *   <li>{@code shimmer}: relative cycle-to-cycle amplitude perturbation, 0 to {@value #MAX_SHIMMER}
 *       (healthy voices about 0.03-0.06);</li>
 *   <li>{@code speakingRate}: syllables per second while speaking, {@value #MIN_RATE} to {@value #MAX_RATE};</li>
 *   <li>{@code breathiness}: share of aspiration noise in the glottal source, 0 (modal) to 1 (very breathy).</li>
 * </ul>
 */
public record VoiceTraits(double f0Hz, double vocalTractCm, double jitter, double shimmer, double speakingRate,
                          double breathiness) {

    public static final double MIN_F0_HZ = 60;
    public static final double MAX_F0_HZ = 400;
    public static final double MIN_VOCAL_TRACT_CM = 10;
    public static final double MAX_VOCAL_TRACT_CM = 22;
    public static final double MAX_JITTER = 0.05;
    public static final double MAX_SHIMMER = 0.3;
    public static final double MIN_RATE = 1.5;
    public static final double MAX_RATE = 8;

    public VoiceTraits {
        requireRange("f0Hz", f0Hz, MIN_F0_HZ, MAX_F0_HZ);
        requireRange("vocalTractCm", vocalTractCm, MIN_VOCAL_TRACT_CM, MAX_VOCAL_TRACT_CM);
        requireRange("jitter", jitter, 0, MAX_JITTER);
        requireRange("shimmer", shimmer, 0, MAX_SHIMMER);
        requireRange("speakingRate", speakingRate, MIN_RATE, MAX_RATE);
        requireRange("breathiness", breathiness, 0, 1);
    }

    /**
     * A random adult voice: sex drawn 50/50, then F0 and vocal-tract length from that sex's typical range,
     * and healthy-voice jitter, shimmer, rate and breathiness. Deterministic for the state of {@code random}.
     */
    public static VoiceTraits random(Random random) {
        boolean male = random.nextBoolean();
        double f0 = male ? 120 + 18 * random.nextGaussian() : 205 + 22 * random.nextGaussian();
        double vtl = male ? 17.0 + 0.7 * random.nextGaussian() : 14.8 + 0.6 * random.nextGaussian();
        return new VoiceTraits(
                clamp(f0, MIN_F0_HZ, MAX_F0_HZ),
                clamp(vtl, MIN_VOCAL_TRACT_CM, MAX_VOCAL_TRACT_CM),
                clamp(0.006 + 0.002 * random.nextGaussian(), 0, MAX_JITTER),
                clamp(0.04 + 0.012 * random.nextGaussian(), 0, MAX_SHIMMER),
                clamp(4.5 + 0.7 * random.nextGaussian(), MIN_RATE, MAX_RATE),
                clamp((male ? 0.15 : 0.3) + 0.1 * random.nextGaussian(), 0, 1));
    }

    /** Clamps {@code value} into [{@code min}, {@code max}]; for deriving traits from unbounded models. */
    public static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    field + ": " + value + " is outside [" + min + ", " + max + "]");
        }
    }
}
