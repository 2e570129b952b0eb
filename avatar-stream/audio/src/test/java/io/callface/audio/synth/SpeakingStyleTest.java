package io.callface.audio.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.audio.synth.Utterance.Segment;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpeakingStyleTest {
    private static final int N = 4000;
    private static final VoiceTraits VOICE = new VoiceTraits(120, 17.5, 0.005, 0.03, 4.5, 0.2);

    @Test
    void drawIsDeterministicAndVaries() {
        assertThat(SpeakingStyle.draw(5)).isEqualTo(SpeakingStyle.draw(5));
        assertThat(SpeakingStyle.draw(5)).isNotEqualTo(SpeakingStyle.draw(6));
    }

    @Test
    void drawsFollowTheDocumentedDistributions() {
        double[] range = new double[N];
        double[] precision = new double[N];
        double[] pauses = new double[N];
        double[] creak = new double[N];
        for (int i = 0; i < N; i++) {
            SpeakingStyle style = SpeakingStyle.draw(i);
            range[i] = Math.log(style.pitchRange());
            precision[i] = style.articulationPrecision();
            pauses[i] = Math.log(style.pauseScale());
            creak[i] = style.creakiness();
        }
        assertThat(mean(range)).isCloseTo(0, within(0.03));
        assertThat(sd(range)).isCloseTo(0.3, within(0.03));
        assertThat(mean(precision)).isCloseTo(1, within(0.01));
        assertThat(sd(precision)).isCloseTo(0.08, within(0.01));
        assertThat(sd(pauses)).isCloseTo(0.35, within(0.03));
        assertThat(mean(creak)).isCloseTo(0.3, within(0.02));
        assertThat(Arrays.stream(creak).max().orElseThrow()).isLessThan(0.6);
    }

    @Test
    void precisionScalesStressedVowelsAroundSchwa() {
        SpeakingStyle precise = new SpeakingStyle(1, 1.2, 1, 8, 0);
        double neutral = stressedF2Spread(SpeakingStyle.NEUTRAL);
        double expanded = stressedF2Spread(precise);
        assertThat(expanded / neutral).isCloseTo(1.2, within(1e-9));
    }

    @Test
    void pauseScaleStretchesPausesAndCreakinessAddsCreak() {
        double shortPauses = medianPauseMs(SpeakingStyle.NEUTRAL);
        double longPauses = medianPauseMs(new SpeakingStyle(1, 1, 2, 8, 0));
        System.out.printf("median pause: %.0f ms at scale 1, %.0f ms at scale 2%n", shortPauses, longPauses);
        assertThat(shortPauses).isCloseTo(UtterancePlanner.MEDIAN_PAUSE_MS, within(60.0));
        assertThat(longPauses / shortPauses).isCloseTo(2, within(0.3));
        int withCreak = 0;
        int without = 0;
        for (long seed = 0; seed < 20; seed++) {
            withCreak += plan(new SpeakingStyle(1, 1, 1, 8, 1), seed).creak().size();
            without += plan(SpeakingStyle.NEUTRAL, seed).creak().size();
        }
        assertThat(withCreak).isGreaterThan(20);
        assertThat(without).isZero();
    }

    @Test
    void rejectsOutOfRangeStyles() {
        assertThrows(IllegalArgumentException.class, () -> new SpeakingStyle(0.1, 1, 1, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpeakingStyle(1, 2, 1, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpeakingStyle(1, 1, Double.NaN, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpeakingStyle(1, 1, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpeakingStyle(1, 1, 1, 8, 1.5));
    }

    private static Utterance plan(SpeakingStyle style, long seed) {
        return UtterancePlanner.plan(VOICE, Accent.ENGLISH, style, 6000, new SplittableRandom(seed));
    }

    /** Sum over stressed vowels of |F2 - F2(schwa)| in the reference tract (VOICE's tract is 17.5 cm). */
    private static double stressedF2Spread(SpeakingStyle style) {
        double sum = 0;
        for (long seed = 0; seed < 10; seed++) {
            for (Segment s : plan(style, seed).segments()) {
                if (s.isVowel() && s.stressed()) {
                    sum += Math.abs(s.onset().f2() - Formants.SCHWA.f2());
                }
            }
        }
        return sum;
    }

    private static double medianPauseMs(SpeakingStyle style) {
        double[] pauses = new double[0];
        for (long seed = 0; seed < 100; seed++) {
            Utterance plan = plan(style, seed);
            for (int p = 1; p < plan.phrases().size(); p++) {
                pauses = Arrays.copyOf(pauses, pauses.length + 1);
                pauses[pauses.length - 1] = plan.phrases().get(p).from() - plan.phrases().get(p - 1).to();
            }
        }
        return SignalMeasures.median(pauses);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double sd(double[] values) {
        double m = mean(values);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).average().orElseThrow());
    }
}
