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

    /** One vowel held for {@code seconds} at a flat F0, rendered by {@code method}. */
    static float[] sustained(Formants target, VoiceTraits traits, SynthesisMethod method, double seconds) {
        int samples = (int) (seconds * RATE);
        int steps = samples / Utterance.STEP + 1;
        Utterance plan = new Utterance(List.of(new Segment(null, 0, steps, true, 1, target, target, 0)),
                List.of(new PitchTarget(0, 0)), List.of(), List.of(new Span(0, steps)), steps);
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
}
