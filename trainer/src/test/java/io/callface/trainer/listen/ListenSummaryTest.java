package io.callface.trainer.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.eval.AttributeJudgement;
import io.callface.trainer.eval.DecodedFace;
import io.callface.trainer.synth.Ancestry;
import io.callface.trainer.synth.Sex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ListenSummaryTest {
    private static AttributeJudgement verdict(double maleProbability, double age) {
        return new AttributeJudgement(maleProbability, age, Ancestry.values()[0]);
    }

    /** A call whose fused face is judged {@code maleProbability}; its two windows are judged male, then female. */
    private static HeardCall judged(Sex sex, double age, double maleProbability, double judgedAge) {
        return new HeardCall(new SpeechFile(Path.of("/x.wav"), sex, OptionalDouble.of(age)), 12, 2, 0,
                Optional.of(new DecodedFace(new float[3], new float[136])), Optional.of(verdict(maleProbability, judgedAge)),
                List.of(verdict(0.9, 30), verdict(0.1, 30)));
    }

    @Test
    void agreementWithItsStandardErrorPerSexAndAgeFigures() {
        List<HeardCall> calls = List.of(
                judged(Sex.MALE, 20, 0.9, 25), judged(Sex.MALE, 40, 0.2, 45), judged(Sex.MALE, 60, 0.8, 50),
                judged(Sex.FEMALE, 30, 0.1, 30),
                new HeardCall(new SpeechFile(Path.of("/short.wav"), Sex.FEMALE, OptionalDouble.empty()), 0, 0, 0,
                        Optional.empty(), Optional.empty(), List.of()));

        ListenSummary summary = ListenSummary.of(calls);

        assertThat(summary.judged()).isEqualTo(4);
        assertThat(summary.unjudged()).isEqualTo(1);
        assertThat(summary.sexAgreement()).isEqualTo(0.75);
        assertThat(summary.sexAgreementSe()).isCloseTo(Math.sqrt(0.75 * 0.25 / 4), within(1e-12));
        // Wilson's interval for 3 of 4 (z = 1.96): 0.3006 to 0.9544.
        assertThat(summary.wilsonLow()).isCloseTo(0.3006, within(1e-4));
        assertThat(summary.wilsonHigh()).isCloseTo(0.9544, within(1e-4));
        assertThat(summary.majorityShare()).isEqualTo(0.75);
        assertThat(summary.windows()).isEqualTo(8);
        assertThat(summary.windowAgreement()).isEqualTo(0.5);
        assertThat(summary.maleAgreement()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(summary.femaleAgreement()).isEqualTo(1.0);
        assertThat(summary.ageMae().getAsDouble()).isCloseTo((5 + 5 + 10 + 0) / 4.0, within(1e-12));
        assertThat(summary.age().orElseThrow().n()).isEqualTo(4);
        assertThat(summary.age().orElseThrow().r()).isGreaterThan(0.8);
    }

    @Test
    void withoutAnyFaceThereIsNothingToSum() {
        HeardCall silent = new HeardCall(new SpeechFile(Path.of("/s.wav"), Sex.MALE, OptionalDouble.empty()), 0, 0, 0,
                Optional.empty(), Optional.empty(), List.of());

        assertThatThrownBy(() -> ListenSummary.of(List.of(silent))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 s of voice");
    }
}
