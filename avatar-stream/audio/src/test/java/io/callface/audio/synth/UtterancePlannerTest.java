package io.callface.audio.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.audio.synth.Utterance.Segment;
import io.callface.audio.synth.Utterance.Span;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtterancePlannerTest {
    private static final int PLANS = 40;
    private static final VoiceTraits VOICE = new VoiceTraits(120, 17.5, 0.005, 0.03, 4.5, 0.2);

    private static Utterance plan(VoiceTraits voice, Accent accent, long seed) {
        return UtterancePlanner.plan(voice, accent, SpeakingStyle.NEUTRAL, 6000, new SplittableRandom(seed));
    }

    /**
     * Syllables per second of phrase time: the speaking rate, less what phrase-final lengthening adds (one rhyme
     * per phrase lengthened by half), so between 0.85 and 1 times the rate.
     */
    @ParameterizedTest
    @ValueSource(doubles = {3, 4.5, 6.5})
    void phrasesAreSpokenAtTheSpeakingRate(double rate) {
        VoiceTraits voice = new VoiceTraits(120, 17.5, 0.005, 0.03, rate, 0.2);
        double syllables = 0;
        double seconds = 0;
        for (long seed = 0; seed < PLANS; seed++) {
            Utterance plan = plan(voice, Accent.ENGLISH, seed);
            for (Span phrase : plan.phrases()) {
                seconds += (phrase.to() - phrase.from()) / 1000.0;
                syllables += plan.segments().stream()
                        .filter(s -> s.isVowel() && s.start() >= phrase.from() && s.start() < phrase.to()).count();
            }
        }
        assertThat(syllables / seconds / rate).isBetween(0.85, 1.0);
    }

    /** A phrase's final vowel is about 1.5 times as long as vowels of its stress class elsewhere (Wightman et al.). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void phraseFinalVowelsAreLengthened(boolean stressed) {
        double finalSum = 0;
        int finals = 0;
        double otherSum = 0;
        int others = 0;
        for (long seed = 0; seed < PLANS; seed++) {
            Utterance plan = plan(VOICE, Accent.ENGLISH, seed);
            for (Span phrase : plan.phrases()) {
                List<Segment> vowels = plan.segments().stream()
                        .filter(s -> s.isVowel() && s.start() >= phrase.from() && s.start() < phrase.to()).toList();
                for (int i = 0; i < vowels.size(); i++) {
                    if (vowels.get(i).stressed() != stressed) {
                        continue;
                    }
                    if (i == vowels.size() - 1) {
                        finalSum += vowels.get(i).length();
                        finals++;
                    } else {
                        otherSum += vowels.get(i).length();
                        others++;
                    }
                }
            }
        }
        assertThat((finalSum / finals) / (otherSum / others)).isCloseTo(UtterancePlanner.FINAL_LENGTHENING,
                within(0.2));
    }

    @Test
    void stressedVowelsAreLongerByTheAccentsContrast() {
        for (Accent accent : Accent.NAMED) {
            double stressed = 0;
            int nStressed = 0;
            double unstressed = 0;
            int nUnstressed = 0;
            for (long seed = 0; seed < PLANS; seed++) {
                for (Segment s : plan(VOICE, accent, seed).segments()) {
                    if (s.isVowel() && s.stressed()) {
                        stressed += s.length();
                        nStressed++;
                    } else if (s.isVowel()) {
                        unstressed += s.length();
                        nUnstressed++;
                    }
                }
            }
            double ratio = (unstressed / nUnstressed) / (stressed / nStressed);
            assertThat(ratio).as(accent.name()).isCloseTo(accent.unstressedDuration(), within(0.1));
        }
    }

    /**
     * Voiceless onset stops are aspirated for their VOT times the accent's aspiration, short lag after /s/; the
     * retroflex /t/ of Indian English keeps the alveolar VOT.
     */
    @Test
    void voicelessStopsCarryTheAccentsVoiceOnsetTime() {
        for (Accent accent : List.of(Accent.ENGLISH, Accent.SOUTH_ASIAN)) {
            int checked = 0;
            for (long seed = 0; seed < PLANS; seed++) {
                List<Segment> segments = plan(VOICE, accent, seed).segments();
                for (int i = 1; i < segments.size(); i++) {
                    Segment s = segments.get(i);
                    boolean t = s.consonant() == Consonant.T || s.consonant() == Consonant.RETROFLEX_T;
                    if (!t || s.releaseSteps() == 0) {
                        continue;
                    }
                    checked++;
                    Segment before = segments.get(i - 1);
                    int aspirated = (int) Math.round(70 * accent.aspiration());
                    if (!before.isVowel() && before.consonant() == Consonant.S && before.end() == s.start()) {
                        // /st/ in one onset is short lag; a coda /s/ before an onset /t/ is not.
                        assertThat(s.releaseSteps()).as(accent.name()).isIn(12, aspirated);
                    } else {
                        assertThat(s.releaseSteps()).as(accent.name()).isEqualTo(aspirated);
                    }
                }
            }
            assertThat(checked).as(accent.name()).isGreaterThan(20);
        }
    }

    /** Coarticulation: a stop's F2 anchor is its place's locus equation applied to its vowel's F2. */
    @Test
    void stopAnchorsFollowTheLocusEquation() {
        int checked = 0;
        List<Segment> segments = plan(VOICE, Accent.ENGLISH, 3).segments();
        for (int i = 0; i + 1 < segments.size(); i++) {
            Segment stop = segments.get(i);
            Segment vowel = segments.get(i + 1);
            // Onset stops only (they have a release); a coda stop takes the vowel before it.
            if (!stop.isVowel() && stop.consonant().manner == Consonant.Manner.PLOSIVE && stop.releaseSteps() > 0
                    && vowel.isVowel() && vowel.start() == stop.end()) {
                assertThat(stop.onset().f2()).isCloseTo(stop.consonant().place.locusF2(vowel.onset().f2()),
                        within(1e-6));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3);
    }

    @Test
    void pausesSeparatePhrasesAndPhrasesStartUntilTheClipEnds() {
        for (long seed = 0; seed < PLANS; seed++) {
            Utterance plan = plan(VOICE, Accent.ENGLISH, seed);
            List<Span> phrases = plan.phrases();
            for (int p = 1; p < phrases.size(); p++) {
                assertThat(phrases.get(p).from() - phrases.get(p - 1).to())
                        .isGreaterThanOrEqualTo((int) UtterancePlanner.MIN_PAUSE_MS);
            }
            Span last = phrases.get(phrases.size() - 1);
            assertThat(last.from()).isLessThan(plan.steps());
            double longestPauseMs = UtterancePlanner.MEDIAN_PAUSE_MS * Math.exp(4 * UtterancePlanner.PAUSE_LOG_SD);
            assertThat(last.to() + longestPauseMs).as("the clip ends within a pause of the last phrase")
                    .isGreaterThanOrEqualTo(plan.steps());
        }
    }
}
