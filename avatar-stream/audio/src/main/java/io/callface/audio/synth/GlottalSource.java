package io.callface.audio.synth;

import java.util.SplittableRandom;

/**
 * Glottal excitation: the time derivative of a Rosenberg glottal-flow pulse (which also models lip radiation),
 * one pulse per pitch period, with per-period jitter and shimmer and aspiration noise for breathiness.
 */
final class GlottalSource {
    /** Opening phase as a fraction of the period. */
    private static final double OPEN = 0.45;

    private final double sampleRate;
    private final VoiceTraits traits;
    private final double closing;
    private double period = 1;
    private double t = 1;
    private double amplitude = 1;

    GlottalSource(double sampleRate, VoiceTraits traits) {
        this.sampleRate = sampleRate;
        this.traits = traits;
        // Breathy voices close the glottis more slowly, which removes high harmonics.
        this.closing = 0.12 + 0.15 * traits.breathiness();
    }

    /** The next excitation sample for instantaneous fundamental frequency {@code f0Hz}. */
    double next(double f0Hz, SplittableRandom random) {
        if (t >= period) {
            t -= period;
            double jitter = clamp3(random.nextGaussian()) * traits.jitter();
            period = sampleRate / f0Hz * (1 + jitter);
            amplitude = Math.max(0.1, 1 + clamp3(random.nextGaussian()) * traits.shimmer());
        }
        double phase = t / period;
        t += 1;
        double pulse;
        boolean open = phase < OPEN + closing;
        if (phase < OPEN) {
            pulse = closing / OPEN * Math.sin(Math.PI * phase / OPEN);
        } else if (open) {
            pulse = -Math.sin(Math.PI * (phase - OPEN) / (2 * closing));
        } else {
            pulse = 0;
        }
        double breath = traits.breathiness();
        double aspiration = random.nextGaussian() * breath * (open ? 0.5 : 0.15);
        return amplitude * (1 - 0.5 * breath) * pulse + aspiration;
    }

    private static double clamp3(double z) {
        return Math.max(-3, Math.min(3, z));
    }
}
