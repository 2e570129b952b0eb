package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.synth.FaceDetail;
import io.callface.trainer.synth.FaceShape;
import io.callface.trainer.synth.IdentityTraits;
import io.callface.trainer.synth.Population;
import io.callface.trainer.synth.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TraitOracleTest {
    private static final Random RANDOM = new Random(11);
    private static final List<IdentityTraits> TRAIN = population(700);
    private static final List<IdentityTraits> TEST = population(200);

    @Test
    void recoversAFeatureThatIsLinearInTheVoiceParameters() {
        Function<IdentityTraits, float[]> linear = t -> new float[] {
                (float) (0.01 * t.voice().f0Hz() - 2), (float) (3 * t.vocalTractCm() + (t.sex() == Sex.MALE ? 5 : 0)),
                (float) (100 * t.voice().jitter() - t.voice().speakingRate())};
        TraitOracle oracle = TraitOracle.fit(TRAIN, TRAIN.stream().map(linear).toList());

        for (IdentityTraits t : TEST.subList(0, 20)) {
            float[] expected = linear.apply(t);
            float[] predicted = oracle.predict(t);
            for (int k = 0; k < expected.length; k++) {
                // Only the small ridge penalty separates the fit from the exact map.
                assertThat(predicted[k]).isCloseTo(expected[k], within(0.02f * (1 + Math.abs(expected[k]))));
            }
        }
    }

    @Test
    void faceShapeIsRetrievableFromTheVoice() {
        double shape = oracleRecallAt10(TraitOracleTest::standardisedShape);

        // The population ties shape to sex, age and body size.
        assertThat(shape).isGreaterThan(2 * Retrieval.chance(10, TEST.size()));
    }

    /** Skin colour follows ancestry, which a voice reveals only through a group accent: not for reference speakers. */
    @Test
    void skinIsHeardOnlyThroughAGroupAccent() {
        TraitOracle oracle = TraitOracle.fit(TRAIN, TRAIN.stream().map(t -> new float[] {t.colours().skin().getRed()})
                .toList());
        List<IdentityTraits> accented = TEST.stream().filter(t -> t.speech().exposure() < 1).toList();
        List<IdentityTraits> reference = TEST.stream().filter(t -> t.speech().exposure() == 1).toList();

        assertThat(skinCorrelation(oracle, accented)).isGreaterThan(0.5);
        assertThat(Math.abs(skinCorrelation(oracle, reference))).isLessThan(0.3);
    }

    private static double skinCorrelation(TraitOracle oracle, List<IdentityTraits> people) {
        return Correlation.pearson(people.stream().mapToDouble(t -> oracle.predict(t)[0]).toArray(),
                people.stream().mapToDouble(t -> t.colours().skin().getRed()).toArray()).r();
    }

    @Test
    void theVoiceCarriesAgeThroughJitterShimmerRateAndBreathiness() {
        TraitOracle oracle = TraitOracle.fit(TRAIN, TRAIN.stream().map(t -> new float[] {(float) t.ageYears()}).toList());

        Correlation r = Correlation.pearson(TEST.stream().mapToDouble(t -> oracle.predict(t)[0]).toArray(),
                TEST.stream().mapToDouble(IdentityTraits::ageYears).toArray());

        // SpeakerVoice ties jitter, shimmer and breathiness (up) and rate (down) to age, F0 to age within sex.
        assertThat(r.r()).isGreaterThan(0.5);
    }

    @Test
    void rejectsTooFewIdentitiesOrMismatchedFeatures() {
        assertThatThrownBy(() -> TraitOracle.fit(TRAIN.subList(0, TraitOracle.INPUTS),
                TRAIN.subList(0, TraitOracle.INPUTS).stream().map(t -> new float[] {1}).toList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than " + TraitOracle.INPUTS);
        List<float[]> ragged = new ArrayList<>(TRAIN.stream().map(t -> new float[] {1, 2}).toList());
        ragged.set(3, new float[] {1});
        assertThatThrownBy(() -> TraitOracle.fit(TRAIN, ragged))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 2");
    }

    private static double oracleRecallAt10(Function<IdentityTraits, float[]> feature) {
        TraitOracle oracle = TraitOracle.fit(TRAIN, TRAIN.stream().map(feature).toList());
        List<float[]> gallery = TEST.stream().map(feature).toList();
        int hits = 0;
        for (int i = 0; i < TEST.size(); i++) {
            hits += Retrieval.rank(oracle.predict(TEST.get(i)), gallery, i) <= 10 ? 1 : 0;
        }
        return (double) hits / TEST.size();
    }

    /**
     * Shape proportions centred and scaled by their within-sex sds, so cosine compares their deviations; with the
     * brow and chin details, whose sex and age effects a voice reveals.
     */
    private static float[] standardisedShape(IdentityTraits t) {
        FaceShape f = t.face();
        FaceDetail d = t.detail();
        return new float[] {
                (float) ((f.aspect() - 0.8) / 0.025), (float) ((f.jawWidth() - 0.77) / 0.028),
                (float) ((f.noseWidth() - 0.27) / 0.016), (float) ((f.eyeSpacing() - 0.46) / 0.015),
                (float) ((f.lipFullness() - 0.08) / 0.009), (float) ((d.chinHeight() - 0.2) / 0.012),
                (float) ((d.browRidge() - 0.42) / 0.15), (float) ((d.browThickness() - 0.02) / 0.004),
                (float) ((d.browHeight() - 0.088) / 0.008)};
    }

    private static List<IdentityTraits> population(int n) {
        List<IdentityTraits> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(Population.sample(RANDOM));
        }
        return people;
    }
}
