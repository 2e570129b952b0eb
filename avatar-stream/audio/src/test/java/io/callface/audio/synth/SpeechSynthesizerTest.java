package io.callface.audio.synth;

import static io.callface.audio.synth.SignalMeasures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.audio.VoiceActivityDetector;
import io.callface.audio.synth.Utterance.PitchTarget;
import io.callface.audio.synth.Utterance.Segment;
import io.callface.audio.synth.Utterance.Span;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpeechSynthesizerTest {
    /** Measured F1 and F2 of a sustained vowel within 10 % of the target. */
    private static final double FORMANT_TOLERANCE = 0.10;
    private static final VoiceTraits MAN = new VoiceTraits(110, 17.5, 0.005, 0.03, 4.5, 0.15);
    private static final VoiceTraits WOMAN = new VoiceTraits(200, 14.5, 0.005, 0.03, 4.5, 0.3);

    private final SpeechSynthesizer synthesizer = new SpeechSynthesizer();

    /**
     * One vowel held for {@code seconds}, rendered by {@code method}, its F0 gliding 10 semitones up through the
     * speaker's F0 so that harmonics sweep past the formants and the median over frames cancels LPC's pull toward
     * the nearest harmonic.
     */
    static float[] sustained(Formants target, VoiceTraits traits, SynthesisMethod method, double seconds) {
        int samples = (int) (seconds * RATE);
        int steps = samples / Utterance.STEP + 1;
        Utterance plan = new Utterance(List.of(new Segment(null, 0, steps, true, 1, target, target, 0)),
                List.of(new PitchTarget(0, -5), new PitchTarget(steps, 5)), List.of(), List.of(new Span(0, steps)), steps);
        return SpeechSynthesizer.render(plan, traits, method, samples, new SplittableRandom(1));
    }

    /**
     * F0 100 and 120 Hz keep the LPC estimate clear of harmonic bias (at 200 Hz, F1 of /u/ is pulled toward the
     * second harmonic by over 10 %); the tract lengths are a man's and a woman's.
     */
    @ParameterizedTest
    @EnumSource(SynthesisMethod.class)
    void sustainedVowelsReachTheirFormantTargets(SynthesisMethod method) {
        Vowel[] monophthongs = {Vowel.IY, Vowel.IH, Vowel.EH, Vowel.AE, Vowel.AA, Vowel.AO, Vowel.OW, Vowel.UH,
                Vowel.UW, Vowel.AH, Vowel.ER, Vowel.AX};
        double worstF1 = 0;
        double worstF2 = 0;
        for (VoiceTraits voice : List.of(new VoiceTraits(100, 17.5, 0.005, 0.03, 4.5, 0.15),
                new VoiceTraits(120, 14.5, 0.005, 0.03, 4.5, 0.3))) {
            double scale = ArticulationPlan.REFERENCE_VTL_CM / voice.vocalTractCm();
            for (Vowel vowel : monophthongs) {
                Formants target = vowel.onset().scaled(scale);
                double[] measured = SignalMeasures.formants(sustained(target, voice, method, 1), RATE / 5, RATE);
                assertThat(measured[0]).as("%s F1 of %s for a %s cm tract", method, vowel, voice.vocalTractCm())
                        .isCloseTo(target.f1(), within(FORMANT_TOLERANCE * target.f1()));
                assertThat(measured[1]).as("%s F2 of %s for a %s cm tract", method, vowel, voice.vocalTractCm())
                        .isCloseTo(target.f2(), within(FORMANT_TOLERANCE * target.f2()));
                worstF1 = Math.max(worstF1, Math.abs(measured[0] / target.f1() - 1));
                worstF2 = Math.max(worstF2, Math.abs(measured[1] / target.f2() - 1));
            }
        }
        System.out.printf("%s: worst F1 error %.1f %%, worst F2 error %.1f %% over 12 vowels x 2 tracts%n",
                method, 100 * worstF1, 100 * worstF2);
    }

    @Test
    void sameSeedGivesSameSamplesOtherSeedOrMethodDiffers() {
        float[] a = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL, SynthesisMethod.CASCADE_LF, 3, 7);
        float[] b = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL, SynthesisMethod.CASCADE_LF, 3, 7);
        float[] otherSeed = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL,
                SynthesisMethod.CASCADE_LF, 3, 8);
        float[] otherMethod = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL,
                SynthesisMethod.PARALLEL_KLGLOTT88, 3, 7);
        assertThat(a).isEqualTo(b);
        assertThat(Arrays.equals(a, otherSeed)).isFalse();
        assertThat(Arrays.equals(a, otherMethod)).isFalse();
        assertThat(synthesizer.synthesize(WOMAN, Accent.EAST_ASIAN, 2, 5))
                .isEqualTo(synthesizer.synthesize(WOMAN, Accent.EAST_ASIAN, 2, 5));
    }

    @Test
    void seedOnlyOverloadsMixAllFourMethods() {
        int[] counts = new int[SynthesisMethod.values().length];
        for (long seed = 0; seed < 400; seed++) {
            counts[SpeechSynthesizer.methodFor(seed).ordinal()]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(70, 130);
        }
    }

    @ParameterizedTest
    @EnumSource(SynthesisMethod.class)
    void lengthMatchesDurationAndPeakIsNormalised(SynthesisMethod method) {
        for (double seconds : new double[] {0.5, 3, 6.5}) {
            float[] x = synthesizer.synthesize(WOMAN, Accent.SOUTH_ASIAN, SpeakingStyle.draw(1), method, seconds, 3);
            assertThat(x).hasSize((int) Math.round(seconds * RATE));
            double peak = 0;
            for (float v : x) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertThat(peak).isLessThanOrEqualTo(SpeechSynthesizer.PEAK + 1e-6).isGreaterThan(0.6);
        }
    }

    /** A clip shorter than the lead-in silence holds no phrase: only the noise floor, not an error. */
    @Test
    void clipShorterThanTheLeadInIsQuiet() {
        float[] x = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL, SynthesisMethod.PARALLEL_LF,
                0.01, 1);
        assertThat(x).hasSize(160);
        for (float v : x) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) SpeechSynthesizer.NOISE_FLOOR);
        }
    }

    @Test
    void rejectsBadArguments() {
        SpeakingStyle style = SpeakingStyle.NEUTRAL;
        SynthesisMethod method = SynthesisMethod.CASCADE_LF;
        Accent accent = Accent.ENGLISH;
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(null, accent, style, method, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(MAN, null, style, method, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(MAN, accent, null, method, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> synthesizer.synthesize(MAN, accent, style, null, 1, 1));
        for (double seconds : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 601, 1e-6}) {
            assertThrows(IllegalArgumentException.class,
                    () -> synthesizer.synthesize(MAN, accent, style, method, seconds, 1), "seconds " + seconds);
        }
    }

    /**
     * The stream's detector must take the output for speech: a 6 s utterance is voiced for a share like read
     * speech with pauses (between 0.3 and 0.85), and frames well inside pauses are not voiced.
     */
    @ParameterizedTest
    @EnumSource(SynthesisMethod.class)
    void voiceActivityDetectorHearsSpeechAndPauses(SynthesisMethod method) {
        VoiceActivityDetector vad = new VoiceActivityDetector();
        int samples = 6 * RATE;
        for (long seed = 1; seed <= 3; seed++) {
            for (VoiceTraits voice : List.of(MAN, WOMAN)) {
                Accent accent = Accent.NAMED.get((int) seed);
                SpeakingStyle style = SpeakingStyle.draw(seed);
                float[] x = synthesizer.synthesize(voice, accent, style, method, 6, seed);
                VoiceActivityDetector.FrameAnalysis[] frames = vad.analyse(x);
                double voiced = Arrays.stream(frames).filter(VoiceActivityDetector.FrameAnalysis::voiced).count()
                        / (double) frames.length;
                System.out.printf("%s seed %d %s f0 %.0f: VAD voiced share %.2f%n", method, seed, accent.name(),
                        voice.f0Hz(), voiced);
                assertThat(voiced).as("voiced share").isBetween(0.3, 0.85);
                Utterance plan = SpeechSynthesizer.plan(voice, accent, style, samples, seed);
                int inPause = 0;
                int voicedInPause = 0;
                for (int t = 0; t < frames.length; t++) {
                    if (farFromSpeech(plan, t * 10, t * 10 + 25)) {
                        inPause++;
                        voicedInPause += frames[t].voiced() ? 1 : 0;
                    }
                }
                assertThat(voicedInPause).as("voiced frames of %d inside pauses", inPause).isZero();
            }
        }
    }

    /** Whether [fromMs, toMs) lies at least 50 ms away from every phrase of the plan. */
    private static boolean farFromSpeech(Utterance plan, int fromMs, int toMs) {
        return plan.phrases().stream().noneMatch(p -> fromMs < p.to() + 50 && toMs > p.from() - 50);
    }

    /**
     * Voiceless stops: the closure is near-silent (at least 25 dB below the vowel after the stop) and the release
     * burst rises at least 15 dB above the closure. Medians over the stops of several utterances.
     */
    @Test
    void plosivesHaveSilentClosureThenBurst() {
        List<Double> closureVsVowel = new ArrayList<>();
        List<Double> burstVsClosure = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            float[] x = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL,
                    SynthesisMethod.values()[(int) seed % 4], 6, seed);
            List<Segment> segments = SpeechSynthesizer.plan(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL, x.length, seed)
                    .segments();
            for (int i = 1; i + 1 < segments.size(); i++) {
                Segment stop = segments.get(i);
                Segment next = segments.get(i + 1);
                if (stop.isVowel() || stop.consonant().manner != Consonant.Manner.PLOSIVE || stop.consonant().voiced
                        || stop.length() < 40 || !next.isVowel() || next.start() != stop.end()
                        || (next.end() + 1) * Utterance.STEP > x.length) {
                    continue;
                }
                int closureFrom = (stop.start() + stop.length() / 4) * Utterance.STEP;
                int closureTo = (stop.end() - stop.length() / 4) * Utterance.STEP;
                int release = stop.end() * Utterance.STEP;
                double closure = SignalMeasures.rms(x, closureFrom, closureTo);
                double burst = SignalMeasures.rms(x, release, release + 10 * Utterance.STEP);
                double vowel = SignalMeasures.rms(x, (next.start() + next.length() / 2) * Utterance.STEP,
                        next.end() * Utterance.STEP);
                closureVsVowel.add(db(closure / vowel));
                burstVsClosure.add(db(burst / closure));
            }
        }
        double closure = SignalMeasures.median(closureVsVowel.stream().mapToDouble(d -> d).toArray());
        double burst = SignalMeasures.median(burstVsClosure.stream().mapToDouble(d -> d).toArray());
        System.out.printf("voiceless stops (%d): closure %.1f dB re vowel, burst %.1f dB re closure%n",
                closureVsVowel.size(), closure, burst);
        assertThat(closureVsVowel).hasSizeGreaterThan(10);
        assertThat(closure).isLessThan(-25);
        assertThat(burst).isGreaterThan(15);
    }

    /**
     * Frication noise sits in its place's band: for a 17.5 cm tract the spectral peak of /s z/ lies in 4-8 kHz and
     * of /ʃ ʒ/ in 2-4 kHz (Jongman et al. 2000), and /s/'s centroid is at least 1.5 kHz above /ʃ/'s.
     */
    @Test
    void fricativeNoiseSitsInItsPlacesBand() {
        double[] alveolar = new double[129];
        double[] postalveolar = new double[129];
        for (long seed = 1; seed <= 10; seed++) {
            VoiceTraits voice = new VoiceTraits(110, 17.5, 0.005, 0.03, 4.5, 0.15);
            float[] x = synthesizer.synthesize(voice, Accent.ENGLISH, SpeakingStyle.NEUTRAL,
                    SynthesisMethod.CASCADE_LF, 6, seed);
            for (Segment s : SpeechSynthesizer.plan(voice, Accent.ENGLISH, SpeakingStyle.NEUTRAL, x.length, seed)
                    .segments()) {
                int middle = (s.start() + s.length() / 2) * Utterance.STEP;
                if (s.isVowel() || s.consonant().manner != Consonant.Manner.FRICATIVE || s.consonant().voiced
                        || s.length() < 40 || middle + 128 > x.length) {
                    continue;
                }
                double[] target = s.consonant() == Consonant.S ? alveolar
                        : s.consonant() == Consonant.SH ? postalveolar : null;
                if (target != null) {
                    double[] p = SignalMeasures.powerSpectrum(x, middle - 128, 256);
                    for (int k = 0; k < p.length; k++) {
                        target[k] += p[k];
                    }
                }
            }
        }
        double sPeak = peakHz(alveolar);
        double shPeak = peakHz(postalveolar);
        System.out.printf("/s/ peak %.0f Hz, centroid %.0f Hz; /sh/ peak %.0f Hz, centroid %.0f Hz%n",
                sPeak, centroidHz(alveolar), shPeak, centroidHz(postalveolar));
        assertThat(sPeak).isBetween(4000.0, 8000.0);
        assertThat(shPeak).isBetween(2000.0, 4000.0);
        assertThat(centroidHz(alveolar)).isGreaterThan(centroidHz(postalveolar) + 1500);
    }

    /** Nasal murmurs are voiced, weaker than vowels and dominated by their low resonance. */
    @Test
    void nasalMurmurIsLowAndWeak() {
        List<Double> lowShare = new ArrayList<>();
        List<Double> vsVowel = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            float[] x = synthesizer.synthesize(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL,
                    SynthesisMethod.values()[(int) seed % 4], 6, seed);
            List<Segment> segments = SpeechSynthesizer.plan(MAN, Accent.ENGLISH, SpeakingStyle.NEUTRAL, x.length, seed)
                    .segments();
            for (int i = 0; i + 1 < segments.size(); i++) {
                Segment nasal = segments.get(i);
                Segment next = segments.get(i + 1);
                int middle = (nasal.start() + nasal.length() / 2) * Utterance.STEP;
                if (nasal.isVowel() || nasal.consonant().manner != Consonant.Manner.NASAL || nasal.length() < 40
                        || !next.isVowel() || next.start() != nasal.end() || next.end() * Utterance.STEP > x.length) {
                    continue;
                }
                double low = SignalMeasures.bandEnergy(x, middle - 128, 256, 60, 500);
                double all = SignalMeasures.bandEnergy(x, middle - 128, 256, 60, 8001);
                lowShare.add(low / all);
                double vowel = SignalMeasures.rms(x, (next.start() + next.length() / 4) * Utterance.STEP,
                        (next.end() - next.length() / 4) * Utterance.STEP);
                vsVowel.add(db(SignalMeasures.rms(x, middle - 128, middle + 128) / vowel));
            }
        }
        double share = SignalMeasures.median(lowShare.stream().mapToDouble(d -> d).toArray());
        double level = SignalMeasures.median(vsVowel.stream().mapToDouble(d -> d).toArray());
        System.out.printf("nasals (%d): %.2f of power below 500 Hz, %.1f dB re the next vowel%n",
                lowShare.size(), share, level);
        assertThat(lowShare).hasSizeGreaterThan(5);
        assertThat(share).isGreaterThan(0.7);
        assertThat(level).isBetween(-20.0, -2.0);
    }

    /** Not an assertion: logs the real-time factor (seconds of audio per CPU second of this thread). */
    @Test
    void logsRealTimeFactor() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 4; i++) {
            synthesizer.synthesize(MAN, Accent.ENGLISH, 6, i);
        }
        long cpu = bean.getCurrentThreadCpuTime();
        double audio = 0;
        for (int i = 0; i < 20; i++) {
            synthesizer.synthesize(i % 2 == 0 ? MAN : WOMAN, Accent.NAMED.get(i % 4), 6, 100 + i);
            audio += 6;
        }
        double seconds = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("real-time factor: %.0f (%.0f s of audio in %.2f CPU s)%n", audio / seconds, audio, seconds);
        assertThat(seconds).isPositive();
    }

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    private static double peakHz(double[] power) {
        int best = 1;
        for (int k = 1; k < power.length; k++) {
            if (power[k] > power[best]) {
                best = k;
            }
        }
        return best * (double) RATE / 256;
    }

    private static double centroidHz(double[] power) {
        double weighted = 0;
        double total = 0;
        for (int k = 16; k < power.length; k++) {
            weighted += power[k] * k * RATE / 256.0;
            total += power[k];
        }
        return weighted / total;
    }
}
