package io.callface.audio.synth;

import static io.callface.audio.synth.SignalMeasures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.audio.synth.Accent.Substitution;
import io.callface.audio.synth.Accent.VowelShift;
import io.callface.audio.synth.Utterance.Segment;
import io.callface.audio.synth.Utterance.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccentTest {
    /** Measured accented/reference formant ratio within 3 points of the documented factor. */
    private static final double SHIFT_TOLERANCE = 0.03;
    /** Grabe &amp; Low 2002: British English vocalic nPVI 57.2; our English plans within 4 of it. */
    private static final double BRITISH_ENGLISH_NPVI = 57.2;
    private static final double NPVI_TOLERANCE = 4;
    private static final VoiceTraits MAN = new VoiceTraits(100, 17.5, 0.005, 0.03, 4.5, 0.15);
    private static final int PLANS = 60;

    @Test
    void documentedVowelShiftsAppearInTheSynthesisedVowel() {
        for (Accent accent : Accent.NAMED) {
            for (VowelShift shift : accent.vowelShifts()) {
                Formants reference = shift.vowel().onset();
                Formants shifted = accent.shift(shift.vowel(), reference);
                double[] plain = SignalMeasures.formants(
                        SpeechSynthesizerTest.sustained(reference, MAN, SynthesisMethod.CASCADE_KLGLOTT88, 1),
                        RATE / 5, RATE);
                double[] accented = SignalMeasures.formants(
                        SpeechSynthesizerTest.sustained(shifted, MAN, SynthesisMethod.CASCADE_KLGLOTT88, 1),
                        RATE / 5, RATE);
                System.out.printf("%s %s: F1 x%.3f (documented %.3f), F2 x%.3f (documented %.3f)%n", accent.name(),
                        shift.vowel(), accented[0] / plain[0], shift.f1Factor(), accented[1] / plain[1],
                        shift.f2Factor());
                assertThat(accented[0] / plain[0]).as("%s F1 of %s", accent.name(), shift.vowel())
                        .isCloseTo(shift.f1Factor(), within(SHIFT_TOLERANCE));
                assertThat(accented[1] / plain[1]).as("%s F2 of %s", accent.name(), shift.vowel())
                        .isCloseTo(shift.f2Factor(), within(SHIFT_TOLERANCE));
            }
        }
    }

    @Test
    void plannerSpeaksStressedVowelsWithTheAccentsShift() {
        double scale = ArticulationPlan.REFERENCE_VTL_CM / MAN.vocalTractCm();
        double englishIh = Vowel.IH.onset().f2() * scale;
        double eastAsianIh = Accent.EAST_ASIAN.shift(Vowel.IH, Vowel.IH.onset()).f2() * scale;
        assertThat(stressedVowelF2s(Accent.ENGLISH)).anySatisfy(f2 -> assertThat(f2).isCloseTo(englishIh, within(1e-6)))
                .noneSatisfy(f2 -> assertThat(f2).isCloseTo(eastAsianIh, within(1e-6)));
        assertThat(stressedVowelF2s(Accent.EAST_ASIAN))
                .anySatisfy(f2 -> assertThat(f2).isCloseTo(eastAsianIh, within(1e-6)))
                .noneSatisfy(f2 -> assertThat(f2).isCloseTo(englishIh, within(1e-6)));
    }

    /**
     * Rhythm: vocalic nPVI of the planned vowel durations (within phrases) is near British English for
     * {@link Accent#ENGLISH} and lower, in the documented order, for the syllable-timed accents; %V is lowest and
     * deltaC highest for English (Ramus et al. 1999).
     */
    @Test
    void rhythmMeasuresOrderStressTimedAboveSyllableTimed() {
        Rhythm english = rhythm(Accent.ENGLISH);
        Rhythm southAsian = rhythm(Accent.SOUTH_ASIAN);
        Rhythm eastAsian = rhythm(Accent.EAST_ASIAN);
        Rhythm westAfrican = rhythm(Accent.WEST_AFRICAN);
        for (Rhythm r : List.of(english, southAsian, eastAsian, westAfrican)) {
            System.out.printf("%s: vocalic nPVI %.1f, %%V %.1f, deltaC %.1f ms%n", r.name, r.npvi, r.percentV,
                    r.deltaC);
        }
        assertThat(english.npvi).isCloseTo(BRITISH_ENGLISH_NPVI, within(NPVI_TOLERANCE));
        assertThat(southAsian.npvi).isLessThan(english.npvi - 5);
        assertThat(eastAsian.npvi).isLessThan(southAsian.npvi);
        assertThat(westAfrican.npvi).isLessThan(eastAsian.npvi);
        for (Rhythm r : List.of(southAsian, eastAsian, westAfrican)) {
            assertThat(r.percentV).as(r.name).isGreaterThan(english.percentV);
            assertThat(r.deltaC).as(r.name).isLessThan(english.deltaC);
        }
    }

    /** Unstressed vowels sit {@code 1 - vowelReduction} as far from schwa as stressed ones (F2, on average). */
    @Test
    void unstressedVowelsMoveTowardSchwaByTheAccentsReduction() {
        for (Accent accent : List.of(Accent.ENGLISH, Accent.WEST_AFRICAN)) {
            double stressed = 0;
            double unstressed = 0;
            int nStressed = 0;
            int nUnstressed = 0;
            for (long seed = 0; seed < PLANS; seed++) {
                for (Segment s : plan(accent, seed).segments()) {
                    if (s.isVowel()) {
                        double distance = Math.abs(s.onset().f2() - Formants.SCHWA.f2());
                        if (s.stressed()) {
                            stressed += distance;
                            nStressed++;
                        } else {
                            unstressed += distance;
                            nUnstressed++;
                        }
                    }
                }
            }
            double ratio = (unstressed / nUnstressed) / (stressed / nStressed);
            System.out.printf("%s: unstressed/stressed F2 distance from schwa %.2f (1 - reduction = %.2f)%n",
                    accent.name(), ratio, 1 - accent.vowelReduction());
            assertThat(ratio).as(accent.name()).isCloseTo(1 - accent.vowelReduction(), within(0.1));
        }
    }

    /**
     * Intonation: the tone-language-influenced accent's F0 span (10th to 90th percentile of the F0 tracked in the
     * audio, robust to the tracker's rare octave errors) is wider than English's; the plans give 7.0 vs 5.7 st.
     */
    @Test
    void eastAsianPitchSpanIsWiderThanEnglish() {
        double english = trackedF0SpanSemitones(Accent.ENGLISH);
        double eastAsian = trackedF0SpanSemitones(Accent.EAST_ASIAN);
        System.out.printf("tracked F0 span (p10-p90): english %.2f st, east-asian %.2f st%n", english, eastAsian);
        assertThat(eastAsian).isGreaterThan(1.1 * english);
    }

    @Test
    void namedAccentsResolveAndUnknownNamesAreRejected() {
        for (Accent accent : Accent.NAMED) {
            assertThat(Accent.named(accent.name())).isSameAs(accent);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Accent.named("martian"));
        assertThat(e.getMessage()).contains("martian").contains("english");
    }

    @Test
    void interpolationRunsFromOneAccentToTheOther() {
        Accent a = Accent.ENGLISH;
        Accent b = Accent.EAST_ASIAN;
        assertThat(a.interpolate(b, 0)).usingRecursiveComparison().ignoringFields("vowelShifts").isEqualTo(a);
        assertThat(a.interpolate(b, 1)).usingRecursiveComparison().ignoringFields("vowelShifts").isEqualTo(b);
        Accent half = a.interpolate(b, 0.5);
        assertThat(half.accentExcursionSt()).isCloseTo((a.accentExcursionSt() + b.accentExcursionSt()) / 2,
                within(1e-12));
        assertThat(half.unstressedDuration()).isCloseTo((a.unstressedDuration() + b.unstressedDuration()) / 2,
                within(1e-12));
        Formants ih = half.shift(Vowel.IH, Vowel.IH.onset());
        assertThat(ih.f2() / Vowel.IH.onset().f2()).isCloseTo(Math.sqrt(1.085), within(1e-9));
        assertThat(a.interpolate(b, 1).shift(Vowel.IH, Vowel.IH.onset()).f2())
                .isCloseTo(b.shift(Vowel.IH, Vowel.IH.onset()).f2(), within(1e-9));
        assertThrows(IllegalArgumentException.class, () -> a.interpolate(b, 1.5));
        assertThrows(IllegalArgumentException.class, () -> a.interpolate(null, 0.5));
    }

    @Test
    void perturbationIsDeterministicSmallAndValid() {
        Accent accent = Accent.WEST_AFRICAN;
        assertThat(accent.perturbed(3, 0.15)).isEqualTo(accent.perturbed(3, 0.15));
        assertThat(accent.perturbed(3, 0.15)).isNotEqualTo(accent.perturbed(4, 0.15));
        assertThat(accent.perturbed(3, 0)).isEqualTo(accent);
        for (long seed = 0; seed < 200; seed++) {
            Accent p = accent.perturbed(seed, 0.5);
            assertThat(p.name()).isEqualTo(accent.name());
            assertThat(p.accentExcursionSt()).isBetween(accent.accentExcursionSt() * Math.exp(-1.5),
                    accent.accentExcursionSt() * Math.exp(1.5));
        }
        assertThrows(IllegalArgumentException.class, () -> accent.perturbed(1, 0.6));
    }

    @Test
    void rejectsInvalidAccents() {
        List<VowelShift> none = List.of();
        List<Substitution> plain = List.of();
        assertThrows(IllegalArgumentException.class, () -> accent(" ", none, 0.5, 0.2, 1, plain));
        assertThrows(IllegalArgumentException.class, () -> accent("x", null, 0.5, 0.2, 1, plain));
        assertThrows(IllegalArgumentException.class, () -> accent("x", none, 1.5, 0.2, 1, plain));
        assertThrows(IllegalArgumentException.class, () -> accent("x", none, 0.5, Double.NaN, 1, plain));
        assertThrows(IllegalArgumentException.class, () -> accent("x", none, 0.5, 0.2, 0, plain));
        assertThrows(IllegalArgumentException.class, () -> new Accent("x", none, 0.5, 0.1, 0.2, 0.5, 4, 0.5, 0, 1,
                plain));
        List<VowelShift> twice = List.of(new VowelShift(Vowel.IH, 1, 1, 1), new VowelShift(Vowel.IH, 1, 1.1, 1));
        assertThrows(IllegalArgumentException.class, () -> accent("x", twice, 0.5, 0.2, 1, plain));
        assertThrows(IllegalArgumentException.class, () -> accent("x", none, 0.5, 0.2, 1, null));
        List<Substitution> overfull = List.of(new Substitution(Consonant.TH, Consonant.T, 0.7),
                new Substitution(Consonant.TH, Consonant.S, 0.4));
        assertThrows(IllegalArgumentException.class, () -> accent("x", none, 0.5, 0.2, 1, overfull));
        assertThrows(IllegalArgumentException.class, () -> new Substitution(Consonant.T, Consonant.T, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Substitution(Consonant.T, Consonant.D, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new VowelShift(Vowel.IH, 3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new VowelShift(null, 1, 1, 1));
    }

    /** Each documented substitution happens at its rate; English and consonants without a rule stay as they are. */
    @Test
    void consonantsAreRealisedAtTheAccentsDocumentedRates() {
        int n = 20_000;
        assertThat(share(Accent.SOUTH_ASIAN, Consonant.T, Consonant.RETROFLEX_T, n)).isCloseTo(0.9, within(0.01));
        assertThat(share(Accent.SOUTH_ASIAN, Consonant.V, Consonant.W, n)).isCloseTo(0.7, within(0.015));
        assertThat(share(Accent.WEST_AFRICAN, Consonant.DH, Consonant.D, n)).isCloseTo(0.9, within(0.01));
        assertThat(share(Accent.EAST_ASIAN, Consonant.TH, Consonant.S, n)).isCloseTo(0.5, within(0.015));
        assertThat(share(Accent.EAST_ASIAN, Consonant.TH, Consonant.F, n)).isCloseTo(0.2, within(0.015));
        assertThat(share(Accent.EAST_ASIAN, Consonant.TH, Consonant.TH, n)).isCloseTo(0.3, within(0.015));
        assertThat(share(Accent.WEST_AFRICAN, Consonant.T, Consonant.T, n)).isEqualTo(1.0);
        for (Consonant c : Consonant.values()) {
            assertThat(share(Accent.ENGLISH, c, c, 100)).isEqualTo(1.0);
        }
    }

    /** Accents that do not substitute a consonant draw nothing for it, so English speech is unchanged by the rules. */
    @Test
    void realisingWithoutARuleLeavesTheRandomStreamAlone() {
        SplittableRandom used = new SplittableRandom(5);
        SplittableRandom untouched = new SplittableRandom(5);
        for (Consonant c : Consonant.values()) {
            Accent.ENGLISH.realise(c, used);
            Accent.WEST_AFRICAN.realise(Consonant.K, used);
        }
        assertThat(used.nextLong()).isEqualTo(untouched.nextLong());
        Accent.WEST_AFRICAN.realise(Consonant.TH, used);
        assertThat(used.nextLong()).isNotEqualTo(untouched.nextLong());
    }

    @Test
    void substitutionsFadeWithExposureToTheReferenceAccent() {
        Accent halfway = Accent.SOUTH_ASIAN.interpolate(Accent.ENGLISH, 0.5);
        assertThat(halfway.substitutions()).contains(new Substitution(Consonant.T, Consonant.RETROFLEX_T, 0.45));
        assertThat(Accent.SOUTH_ASIAN.interpolate(Accent.ENGLISH, 1).substitutions()).isEmpty();
        Accent mixed = Accent.EAST_ASIAN.interpolate(Accent.SOUTH_ASIAN, 0.5);
        assertThat(mixed.substitutions()).contains(new Substitution(Consonant.TH, Consonant.S, 0.25),
                new Substitution(Consonant.TH, Consonant.T, 0.4));
        for (long seed = 0; seed < 200; seed++) {
            Accent p = Accent.EAST_ASIAN.perturbed(seed, 0.5);
            double th = p.substitutions().stream().filter(sub -> sub.from() == Consonant.TH)
                    .mapToDouble(Substitution::probability).sum();
            assertThat(th).isBetween(0.0, 1.0 + 1e-9);
        }
        assertThat(Accent.ENGLISH.perturbed(3, 0.5).substitutions()).isEmpty();
    }

    /** The retroflex stops that Indian English speaks for /t d/ lower F3 at the closure, as real ones do. */
    @Test
    void retroflexStopsPullTheThirdFormantDown() {
        Accent retroflexOnly = new Accent("retroflex", List.of(), 0.7, 0.47, 0.2, 0.65, 4, 0.6, 0, 1,
                List.of(new Substitution(Consonant.T, Consonant.RETROFLEX_T, 1),
                        new Substitution(Consonant.D, Consonant.RETROFLEX_D, 1)));
        Utterance english = plan(Accent.ENGLISH, 11);
        Utterance retroflex = plan(retroflexOnly, 11);
        assertThat(meanF3(retroflex, Consonant.Place.RETROFLEX))
                .isLessThan(meanF3(english, Consonant.Place.ALVEOLAR) - 250);
        assertThat(retroflex.segments()).noneMatch(s -> s.consonant() == Consonant.T || s.consonant() == Consonant.D);
    }

    private static double share(Accent accent, Consonant from, Consonant to, int n) {
        SplittableRandom random = new SplittableRandom(9);
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += accent.realise(from, random) == to ? 1 : 0;
        }
        return hits / (double) n;
    }

    private static double meanF3(Utterance plan, Consonant.Place place) {
        return plan.segments().stream().filter(s -> s.consonant() != null && s.consonant().place == place
                        && s.consonant().manner == Consonant.Manner.PLOSIVE)
                .mapToDouble(s -> s.onset().f3()).average().orElseThrow();
    }

    private static Accent accent(String name, List<VowelShift> shifts, double reduction, double variability,
                                 double aspiration, List<Substitution> substitutions) {
        return new Accent(name, shifts, reduction, 0.5, variability, 0.5, 4, 0.5, 0, aspiration, substitutions);
    }

    private static Utterance plan(Accent accent, long seed) {
        return UtterancePlanner.plan(MAN, accent, SpeakingStyle.NEUTRAL, 6000, new SplittableRandom(seed));
    }

    private static List<Double> stressedVowelF2s(Accent accent) {
        List<Double> out = new ArrayList<>();
        for (long seed = 0; seed < PLANS; seed++) {
            for (Segment s : plan(accent, seed).segments()) {
                if (s.isVowel() && s.stressed()) {
                    out.add(s.onset().f2());
                }
            }
        }
        return out;
    }

    private record Rhythm(String name, double npvi, double percentV, double deltaC) {
    }

    /** Vocalic nPVI, %V and deltaC (ms) over the phrases of {@value #PLANS} plans. */
    private static Rhythm rhythm(Accent accent) {
        double npviSum = 0;
        int pairs = 0;
        double vocalic = 0;
        double total = 0;
        List<Double> consonantal = new ArrayList<>();
        for (long seed = 0; seed < PLANS; seed++) {
            Utterance plan = plan(accent, seed);
            for (Span phrase : plan.phrases()) {
                List<Integer> vowels = new ArrayList<>();
                int interval = 0;
                for (Segment s : plan.segments()) {
                    if (s.start() < phrase.from() || s.start() >= phrase.to()) {
                        continue;
                    }
                    total += s.length();
                    if (s.isVowel()) {
                        vowels.add(s.length());
                        vocalic += s.length();
                        if (interval > 0) {
                            consonantal.add((double) interval);
                        }
                        interval = 0;
                    } else {
                        interval += s.length();
                    }
                }
                if (interval > 0) {
                    consonantal.add((double) interval);
                }
                for (int i = 0; i + 1 < vowels.size(); i++) {
                    double a = vowels.get(i);
                    double b = vowels.get(i + 1);
                    npviSum += Math.abs(a - b) / ((a + b) / 2);
                    pairs++;
                }
            }
        }
        double mean = consonantal.stream().mapToDouble(d -> d).average().orElseThrow();
        double sd = Math.sqrt(consonantal.stream().mapToDouble(d -> (d - mean) * (d - mean)).average().orElseThrow());
        return new Rhythm(accent.name(), 100 * npviSum / pairs, 100 * vocalic / total, sd);
    }

    private static double trackedF0SpanSemitones(Accent accent) {
        SpeechSynthesizer synthesizer = new SpeechSynthesizer();
        List<Double> semitones = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            VoiceTraits voice = new VoiceTraits(150, 16, 0.005, 0.03, 4.5, 0.2);
            float[] x = synthesizer.synthesize(voice, accent, SpeakingStyle.NEUTRAL, SynthesisMethod.CASCADE_LF, 6, seed);
            ControlTracks tracks = ControlTracks.build(
                    SpeechSynthesizer.plan(voice, accent, SpeakingStyle.NEUTRAL, x.length, seed), voice);
            for (int start = 0; start + 640 < x.length; start += 320) {
                int k = (start + 320) / Utterance.STEP;
                if (k < tracks.steps && tracks.voicing[k] > 0.6) {
                    double f0 = SignalMeasures.pitch(x, start, 640);
                    if (!Double.isNaN(f0)) {
                        semitones.add(12 * Math.log(f0 / 150) / Math.log(2));
                    }
                }
            }
        }
        double[] sorted = semitones.stream().mapToDouble(d -> d).sorted().toArray();
        return sorted[sorted.length * 9 / 10] - sorted[sorted.length / 10];
    }
}
