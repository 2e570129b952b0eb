package io.callface.audio.synth;

import java.util.SplittableRandom;

/**
 * The glottal excitation of {@link SpeechSynthesizer}: one pulse per period, either an LF pulse ({@link LfPulse})
 * or a KLGLOTT88 pulse, with the speaker's jitter, shimmer and breathiness and occasional creak.
 * <ul>
 *   <li><b>KLGLOTT88</b> (Klatt &amp; Klatt 1990, JASA 87:820): glottal flow {@code U(t) = a t^2 - b t^3} over the
 *       open phase {@code 0 <= t < OQ T}, zero while closed; its derivative {@code 2 a t - 3 b t^2} (which includes
 *       lip radiation) is scaled so the closing excitation is -1, then low-passed by a one-pole spectral tilt filter
 *       {@code y[n] = (1 - c) x[n] + c y[n-1]} whose attenuation at 3 kHz is TL dB. Open quotient
 *       {@code OQ = 0.5 + 0.3 b} and {@code TL = 4 + 16 b} dB for breathiness b: breathy voices have longer open
 *       phases and steeper tilt (Klatt &amp; Klatt 1990; Hanson 1997, JASA 101:466).</li>
 *   <li><b>LF</b>: {@code Rd = 0.9 + 1.5 b}, from modal (about 1) toward breathy (2-2.7; Fant 1995).</li>
 *   <li><b>Jitter and shimmer</b>: each period's length and amplitude are perturbed by independent normal factors
 *       with the speaker's relative sd ({@link VoiceTraits#jitter()}, {@link VoiceTraits#shimmer()}), clipped at
 *       three sd.</li>
 *   <li><b>Breathiness</b>: aspiration noise (see {@link SpeechSynthesizer}) is gated by the glottis: full in the
 *       open phase, {@value #CLOSED_PHASE_NOISE} of it while closed (Klatt &amp; Klatt 1990).</li>
 *   <li><b>Creak</b> (vocal fry): F0 falls to {@value #CREAK_F0_RATIO} of the contour, at most
 *       {@value #MAX_CREAK_F0_HZ} Hz, with period jitter {@value #CREAK_JITTER}, alternate periods
 *       {@value #CREAK_ALTERNATION} weaker and a pressed pulse (Rd {@value #CREAK_RD}, OQ 0.3): low, irregular,
 *       constricted, as in prototypical creak (Keating, Garellek &amp; Kreiman 2015, Proc. 18th ICPhS, Glasgow).</li>
 * </ul>
 */
final class VoiceSource {
    static final double CLOSED_PHASE_NOISE = 0.3;
    static final double CREAK_F0_RATIO = 0.5;
    static final double MAX_CREAK_F0_HZ = 75;
    static final double CREAK_JITTER = 0.15;
    static final double CREAK_ALTERNATION = 0.4;
    static final double CREAK_RD = 0.4;
    private static final double CREAK_OQ = 0.3;
    private static final double TILT_REFERENCE_HZ = 3000;

    private final boolean lf;
    private final double sampleRate;
    private final VoiceTraits traits;
    private final SplittableRandom random;
    private final double modalRd;
    private final double modalOq;
    private final double tilt;

    private float[] table;
    private double oq;
    private double period = 1;
    private double t = 1;
    private double amplitude = 1;
    private boolean weak;
    private boolean open;
    private double tilted;

    VoiceSource(boolean lf, double sampleRate, VoiceTraits traits, SplittableRandom random) {
        this.lf = lf;
        this.sampleRate = sampleRate;
        this.traits = traits;
        this.random = random;
        double b = traits.breathiness();
        this.modalRd = 0.9 + 1.5 * b;
        this.modalOq = 0.5 + 0.3 * b;
        this.tilt = lf ? 0 : tiltCoefficient(4 + 16 * b, TILT_REFERENCE_HZ, sampleRate);
    }

    /** The next excitation sample at instantaneous F0 {@code f0Hz}; {@code creak} switches to vocal fry. */
    double next(double f0Hz, boolean creak) {
        if (t >= period) {
            t -= period;
            startPeriod(f0Hz, creak);
        }
        double phase = t / period;
        t += 1;
        double pulse;
        if (lf) {
            double x = phase * LfPulse.TABLE_SIZE;
            int i = (int) x;
            pulse = table[i] + (x - i) * (table[i + 1] - table[i]);
        } else {
            double tau = phase / oq;
            pulse = phase < oq ? 2 * tau - 3 * tau * tau : 0;
        }
        open = phase < oq;
        tilted = (1 - tilt) * pulse + tilt * tilted;
        return amplitude * tilted;
    }

    /** Whether the glottis is open at the sample just returned (gates aspiration noise). */
    boolean open() {
        return open;
    }

    private void startPeriod(double f0Hz, boolean creak) {
        double f0 = creak ? Math.min(MAX_CREAK_F0_HZ, CREAK_F0_RATIO * f0Hz) : f0Hz;
        double jitter = creak ? CREAK_JITTER : traits.jitter();
        period = Math.max(2, sampleRate / f0 * (1 + clamp3(random.nextGaussian()) * jitter));
        amplitude = Math.max(0.1, 1 + clamp3(random.nextGaussian()) * traits.shimmer());
        weak = creak && !weak;
        if (weak) {
            amplitude *= 1 - CREAK_ALTERNATION;
        }
        if (lf) {
            double rd = creak ? CREAK_RD : modalRd;
            table = LfPulse.table(rd);
            oq = LfPulse.openQuotient(rd);
        } else {
            oq = creak ? CREAK_OQ : modalOq;
        }
    }

    /**
     * The pole c of {@code (1 - c) / (1 - c z^-1)} whose gain at {@code hz} is {@code -db} dB: from
     * {@code (1 - c)^2 = g^2 (1 - 2 c cos w + c^2)}, the root below 1.
     */
    static double tiltCoefficient(double db, double hz, double sampleRate) {
        double g2 = Math.pow(10, -db / 10);
        if (g2 >= 1) {
            return 0;
        }
        double cos = Math.cos(2 * Math.PI * hz / sampleRate);
        double half = 1 - g2 * cos;
        return (half - Math.sqrt(half * half - (1 - g2) * (1 - g2))) / (1 - g2);
    }

    private static double clamp3(double z) {
        return Math.max(-3, Math.min(3, z));
    }
}
