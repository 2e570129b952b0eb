package io.callface.audio.synth;

import java.util.SplittableRandom;

/**
 * Speech-like synthesis at 16 kHz: phrases of nonsense words with English-like phonotactics, spoken with a
 * speaker's voice ({@link VoiceTraits}), an accent ({@link Accent}) and a personal speaking style
 * ({@link SpeakingStyle}), by one of four source-filter methods ({@link SynthesisMethod}). Unlike
 * {@link VoiceSynthesizer}'s vowel babble it has consonants of every manner (stops with closure, burst and
 * aspiration; voiced and voiceless fricatives with place-dependent noise; nasal murmurs with antiformants;
 * approximants), lexical stress, vowel reduction and sentence prosody. It is not intelligible English and does
 * not try to be; its structure is speech's.
 *
 * <p>The pipeline, each step documented in its class:
 * <ol>
 *   <li>{@code PhonotacticGenerator}: words and phrases;</li>
 *   <li>{@code UtterancePlanner}: durations (stress, rhythm, speaking rate, phrase-final lengthening, pauses) and
 *       formant targets (Hillenbrand et al. 1995 vowels, accent shifts, reduction, locus equations, scaled by
 *       {@code 17.5 cm / vocal-tract length});</li>
 *   <li>{@code IntonationPlanner}: declination, pitch accents, syllable tones, boundary tones, creak;</li>
 *   <li>{@code ControlTracks}: per-millisecond Klatt-style parameters;</li>
 *   <li>{@code VoiceSource} (LF or KLGLOTT88 pulses, jitter, shimmer, creak) plus aspiration noise
 *       (breathiness and stop aspiration), through {@code CascadeTract} or {@code ParallelTract}; frication noise
 *       through a {@code NoiseBand} at the consonant's place.</li>
 * </ol>
 * Aspiration noise enters the tract at {@value #ASPIRATION_GAIN} times the aspiration track plus
 * {@value #BREATH_GAIN} times breathiness times voicing (glottal-gated). Frication is mixed so its RMS over
 * strong frication is {@value #FRICATION_LEVEL} of the voiced RMS over strong voicing (sibilants about 10 dB
 * below vowels). Output samples lie in [-1, 1] with the peak normalised to {@value #PEAK}, plus a uniform noise
 * floor of {@value #NOISE_FLOOR} (about 63 dB below the peak) so pauses are not digital silence. The result is a
 * pure function of the arguments: the plan and the rendering draw from separate streams of the seed, so one seed
 * gives the same words and prosody with every method.
 *
 * <p>Instances hold no state and may be shared between threads. Speed: about 750 seconds of audio per CPU second on
 * one core of the development machine ({@code SpeechSynthesizerTest} logs it), so 1000 speakers times five 6 s clips
 * take about 40 CPU seconds.
 */
public final class SpeechSynthesizer {
    public static final int SAMPLE_RATE = VoiceSynthesizer.SAMPLE_RATE;
    public static final double PEAK = VoiceSynthesizer.PEAK;
    public static final double MAX_SECONDS = VoiceSynthesizer.MAX_SECONDS;

    static final double NOISE_FLOOR = 5e-4;
    static final double FRICATION_LEVEL = 0.3;
    static final double ASPIRATION_GAIN = 0.5;
    static final double BREATH_GAIN = 0.3;
    /** F1 bandwidth added at full breathiness: an open glottis damps F1 (Hanson 1997, JASA 101:466). */
    private static final double B1_BREATHY_HZ = 60;
    private static final long STYLE_SALT = 0x5EEDF00D5EEDF00DL;
    private static final long METHOD_SALT = 0x3E7C0DE53E7C0DEL;
    private static final long RENDER_SALT = 0x0DDBA11C0FFEE5L;

    /**
     * {@code seconds} of speech with the given voice, accent, style and method; deterministic for {@code seed}.
     *
     * @throws IllegalArgumentException if an argument is null or {@code seconds} is outside (0, {@value #MAX_SECONDS}]
     */
    public float[] synthesize(VoiceTraits traits, Accent accent, SpeakingStyle style, SynthesisMethod method,
                              double seconds, long seed) {
        requireNonNull("traits", traits);
        requireNonNull("accent", accent);
        requireNonNull("style", style);
        requireNonNull("method", method);
        if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("seconds: " + seconds + " is outside (0, " + MAX_SECONDS + "]");
        }
        int samples = (int) Math.round(seconds * SAMPLE_RATE);
        if (samples == 0) {
            throw new IllegalArgumentException("seconds: " + seconds + " is shorter than one sample");
        }
        return render(plan(traits, accent, style, samples, seed), traits, method, samples,
                new SplittableRandom(seed ^ RENDER_SALT));
    }

    /** The plan {@link #synthesize} renders for these arguments. */
    static Utterance plan(VoiceTraits traits, Accent accent, SpeakingStyle style, int samples, long seed) {
        return UtterancePlanner.plan(traits, accent, style, samples / Utterance.STEP + 1, new SplittableRandom(seed));
    }

    /** As above with the method drawn from {@code seed} ({@link #methodFor}), so a corpus mixes all four. */
    public float[] synthesize(VoiceTraits traits, Accent accent, SpeakingStyle style, double seconds, long seed) {
        return synthesize(traits, accent, style, methodFor(seed), seconds, seed);
    }

    /**
     * As above with the style drawn from {@code seed} too ({@link SpeakingStyle#draw}). For one-off clips; a corpus
     * should draw one style per speaker and pass it to every clip of that speaker.
     */
    public float[] synthesize(VoiceTraits traits, Accent accent, double seconds, long seed) {
        return synthesize(traits, accent, SpeakingStyle.draw(seed ^ STYLE_SALT), seconds, seed);
    }

    /** The method the seed-only overloads use for {@code seed}: each of the four with probability 1/4. */
    public static SynthesisMethod methodFor(long seed) {
        SynthesisMethod[] methods = SynthesisMethod.values();
        return methods[new SplittableRandom(seed ^ METHOD_SALT).nextInt(methods.length)];
    }

    /** Renders a plan to {@code samples} peak-normalised samples. */
    static float[] render(Utterance plan, VoiceTraits traits, SynthesisMethod method, int samples,
                          SplittableRandom random) {
        ControlTracks tracks = ControlTracks.build(plan, traits);
        VoiceSource source = new VoiceSource(method.lf(), SAMPLE_RATE, traits, random);
        VocalTract tract = method.cascade() ? new CascadeTract(SAMPLE_RATE) : new ParallelTract(SAMPLE_RATE);
        NoiseBand band = new NoiseBand(SAMPLE_RATE);
        double b1Extra = B1_BREATHY_HZ * traits.breathiness();
        double breath = BREATH_GAIN * traits.breathiness();
        float[] voiced = new float[samples];
        float[] frication = new float[samples];
        for (int i = 0; i < samples; i++) {
            int k = i / Utterance.STEP;
            if (i % Utterance.STEP == 0) {
                tract.tune(tracks, k, b1Extra);
                band.tune(tracks.noiseHz[k], tracks.noiseBandwidthHz[k]);
            }
            double av = tracks.voicing[k];
            double pulse = source.next(tracks.f0Hz[k], tracks.creak[k]);
            double noise = 2 * random.nextDouble() - 1;
            double gate = source.open() ? 1 : VoiceSource.CLOSED_PHASE_NOISE;
            double aspiration = noise * (ASPIRATION_GAIN * tracks.aspiration[k] + breath * av * gate);
            voiced[i] = (float) tract.filter(av * pulse + aspiration);
            frication[i] = (float) band.filter(noise * tracks.frication[k]);
        }
        return Mixdown.mix(voiced, tracks.voicing, frication, tracks.frication, Utterance.STEP, FRICATION_LEVEL, PEAK,
                NOISE_FLOOR, random);
    }

    private static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": must not be null");
        }
    }
}
