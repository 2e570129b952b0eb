package io.callface.audio.synth;

import static io.callface.audio.synth.SignalMeasures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.audio.synth.IntonationPlanner.TimedSyllable;
import io.callface.audio.synth.Utterance.PitchTarget;
import io.callface.audio.synth.Utterance.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntonationPlannerTest {
    /** Median relative error of the tracked F0 against the plan's F0 on voiced frames. */
    private static final double MEDIAN_F0_TOLERANCE = 0.03;
    /** Share of voiced frames whose tracked F0 is within 10 % of the plan (the rest: transitions, octave errors). */
    private static final double MIN_SHARE_WITHIN_10_PERCENT = 0.85;
    private static final int FRAME = 640;
    private static final double EPS = 1e-9;

    private final SpeechSynthesizer synthesizer = new SpeechSynthesizer();

    @Test
    void trackedPitchFollowsThePlannedContour() {
        List<Double> errors = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            VoiceTraits voice = seed % 2 == 0 ? new VoiceTraits(120, 17, 0.005, 0.03, 4.5, 0.15)
                    : new VoiceTraits(210, 14.5, 0.005, 0.03, 4.5, 0.3);
            Accent accent = Accent.NAMED.get((int) seed % 4);
            SynthesisMethod method = SynthesisMethod.values()[(int) (seed / 2) % 4];
            float[] x = synthesizer.synthesize(voice, accent, SpeakingStyle.NEUTRAL, method, 6, seed);
            ControlTracks tracks = ControlTracks.build(
                    SpeechSynthesizer.plan(voice, accent, SpeakingStyle.NEUTRAL, x.length, seed), voice);
            for (int start = 0; start + FRAME < x.length; start += FRAME / 2) {
                double planned = voicedPlanF0(tracks, start);
                double measured = SignalMeasures.pitch(x, start, FRAME);
                if (!Double.isNaN(planned)) {
                    errors.add(Double.isNaN(measured) ? 1 : Math.abs(measured / planned - 1));
                }
            }
        }
        double[] e = errors.stream().mapToDouble(d -> d).toArray();
        double median = SignalMeasures.median(e);
        double within10 = errors.stream().filter(d -> d < 0.1).count() / (double) e.length;
        System.out.printf("F0 vs plan over %d voiced frames: median error %.2f %%, %.2f within 10 %%%n",
                e.length, 100 * median, within10);
        assertThat(e.length).isGreaterThan(200);
        assertThat(median).isLessThan(MEDIAN_F0_TOLERANCE);
        assertThat(within10).isGreaterThan(MIN_SHARE_WITHIN_10_PERCENT);
    }

    /** Declination: in the audio, F0 in a phrase's last third is below its first third, on average by over 1 st. */
    @Test
    void phraseFinalPitchIsBelowPhraseInitial() {
        double sum = 0;
        int phrases = 0;
        for (long seed = 1; seed <= 8; seed++) {
            VoiceTraits voice = new VoiceTraits(seed % 2 == 0 ? 120 : 200, 16, 0.005, 0.03, 4.5, 0.2);
            float[] x = synthesizer.synthesize(voice, Accent.ENGLISH, SpeakingStyle.NEUTRAL,
                    SynthesisMethod.CASCADE_LF, 6, seed);
            Utterance plan = SpeechSynthesizer.plan(voice, Accent.ENGLISH, SpeakingStyle.NEUTRAL, x.length, seed);
            ControlTracks tracks = ControlTracks.build(plan, voice);
            for (Span phrase : plan.phrases()) {
                int from = phrase.from() * Utterance.STEP;
                int to = Math.min(phrase.to() * Utterance.STEP, x.length - FRAME);
                int third = (to - from) / 3;
                double initial = medianPitch(x, tracks, from, from + third);
                double fin = medianPitch(x, tracks, to - third, to);
                if (!Double.isNaN(initial) && !Double.isNaN(fin)) {
                    sum += 12 * Math.log(fin / initial) / Math.log(2);
                    phrases++;
                }
            }
        }
        double meanDrop = sum / phrases;
        System.out.printf("phrase-final vs initial F0 over %d phrases: %.1f st%n", phrases, meanDrop);
        assertThat(phrases).isGreaterThan(10);
        assertThat(meanDrop).isLessThan(-1);
    }

    @Test
    void unaccentedPhraseDeclinesAtTheHartRateAndEndsInABoundaryTone() {
        List<TimedSyllable> syllables = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            syllables.add(new TimedSyllable(functionWord(), 150 * i + 30, 150 * i + 110));
        }
        // 1.5 s: short enough that the 6 st cap does not bind (11 / (1.5 + 1.5) * 1.5 = 5.5 st).
        Span phrase = new Span(0, 1500);
        for (long seed = 0; seed < 20; seed++) {
            List<PitchTarget> pitch = new ArrayList<>();
            List<Span> creak = new ArrayList<>();
            IntonationPlanner.phrase(syllables, phrase, Accent.ENGLISH, new SpeakingStyle(1, 1, 1, 8, 1),
                    new SplittableRandom(seed), pitch, creak);
            double slope = 11 / (1.5 + 1.5);
            // The second syllable's vowel start: 180 ms into the phrase.
            assertThat(pitch.get(3).semitones()).isCloseTo(2 - 0.5 - slope * 0.18, within(EPS));
            double last = pitch.get(pitch.size() - 1).semitones();
            double baselineAtEnd = 2 - slope * 1.46;
            if (last > baselineAtEnd) {
                assertThat(last).as("continuation rise").isCloseTo(baselineAtEnd + 3, within(EPS));
                assertThat(creak).isEmpty();
            } else {
                assertThat(last).as("final fall").isCloseTo(baselineAtEnd - 2.5, within(EPS));
                assertThat(creak).as("creakiness 1 creaks every falling phrase end").hasSize(1);
            }
        }
    }

    @Test
    void nuclearAccentRisesByTheAccentsExcursion() {
        List<TimedSyllable> syllables = List.of(
                new TimedSyllable(functionWord(), 0, 100),
                new TimedSyllable(new Syllable(List.of(Consonant.B), Vowel.AE, List.of(), true, true, true), 200, 300),
                new TimedSyllable(functionWord(), 400, 500));
        for (Accent accent : Accent.NAMED) {
            List<PitchTarget> pitch = new ArrayList<>();
            IntonationPlanner.phrase(syllables, new Span(0, 500), accent, SpeakingStyle.NEUTRAL,
                    new SplittableRandom(1), pitch, new ArrayList<>());
            PitchTarget low = pitch.stream().filter(t -> t.step() == 200).reduce((a, b) -> b).orElseThrow();
            PitchTarget peak = pitch.stream().filter(t -> t.step() == 260).findFirst().orElseThrow();
            assertThat(peak.semitones() - low.semitones()).as(accent.name())
                    .isBetween(0.8 * accent.accentExcursionSt(), 1.2 * accent.accentExcursionSt());
        }
    }

    private static Syllable functionWord() {
        return new Syllable(List.of(Consonant.DH), Vowel.AX, List.of(), false, false, true);
    }

    /** Mean planned F0 over the frame if it is fully voiced (voicing above 0.6) and not creaky; NaN otherwise. */
    private static double voicedPlanF0(ControlTracks tracks, int start) {
        double sum = 0;
        int from = start / Utterance.STEP;
        int to = (start + FRAME) / Utterance.STEP;
        for (int k = from; k < to; k++) {
            if (k >= tracks.steps || tracks.voicing[k] < 0.6 || tracks.creak[k]) {
                return Double.NaN;
            }
            sum += tracks.f0Hz[k];
        }
        return sum / (to - from);
    }

    private static double medianPitch(float[] x, ControlTracks tracks, int from, int to) {
        List<Double> pitches = new ArrayList<>();
        for (int start = from; start + FRAME <= to; start += FRAME / 4) {
            if (!Double.isNaN(voicedPlanF0(tracks, start))) {
                pitches.add(SignalMeasures.pitch(x, start, FRAME));
            }
        }
        return pitches.size() < 2 ? Double.NaN : SignalMeasures.median(pitches.stream().mapToDouble(d -> d).toArray());
    }
}
