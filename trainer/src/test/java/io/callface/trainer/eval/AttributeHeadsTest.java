package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.synth.HairLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heads on a toy world whose face features encode sex, age, skin and face shape linearly, and whose "speech"
 * features are the face features shrunk to half and blurred with noise, as a voice encoder's predictions are.
 */
class AttributeHeadsTest {
    private static final int FEATURES = 8;
    private static AttributeCalibration onSpeech;
    private static AttributeCalibration ignoringCalibration;

    @BeforeAll
    static void fitAndMeasure() {
        Random random = new Random(7);
        World train = World.draw(600, random, 0);
        World val = World.draw(600, random, 1);
        World test = World.draw(3000, random, 1);
        AttributeHeads heads = AttributeHeads.fit(train.features, train.truth, val.features, val.truth);
        // Calibrated on face features instead: what the heads would state on speech without the speech calibration.
        AttributeHeads uncalibrated = AttributeHeads.fit(train.features, train.truth, train.features, train.truth);
        onSpeech = measure(heads, test);
        ignoringCalibration = measure(uncalibrated, test);
    }

    private static AttributeCalibration measure(AttributeHeads heads, World world) {
        List<CallerAttributes> stated = world.features.stream().map(heads::predict).toList();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < stated.size(); i++) {
            ids.add("id" + i);
        }
        return AttributeCalibration.measure(stated, world.truth, ids, Optional.empty());
    }

    @Test
    void speechCalibratedProbabilitiesAreHonest() {
        assertThat(onSpeech.sex().ece()).isLessThan(0.03);
        assertThat(onSpeech.facialHair().ece()).isLessThan(0.05);
        assertThat(onSpeech.hairLength().ece()).isLessThan(0.05);
        assertThat(onSpeech.faceShape().ece()).isLessThan(0.05);
        assertThat(ignoringCalibration.sex().ece()).isGreaterThan(2 * onSpeech.sex().ece());
    }

    @Test
    void theHeadsReadWhatTheFeaturesCarry() {
        assertThat(onSpeech.sexAccuracy()).isGreaterThan(0.8);
        assertThat(onSpeech.age().r()).isGreaterThan(0.6);
        // Stating the mean ITA of the uniform -40..60 would miss by 25 degrees on average.
        assertThat(onSpeech.skinItaMae()).isLessThan(20);
    }

    @Test
    void theAgeUncertaintyCoversAsAnSdShould() {
        assertThat(onSpeech.ageWithinOneSd()).isBetween(0.6, 0.76);
        assertThat(onSpeech.ageWithinTwoSd()).isBetween(0.9, 0.99);
        // Fitted on face features, the stated spread is that of the face features' far smaller errors.
        assertThat(ignoringCalibration.ageWithinOneSd()).isLessThan(0.5);
    }

    @Test
    void mismatchedInputsAreRefused() {
        World world = World.draw(10, new Random(1), 0);
        assertThatThrownBy(() -> AttributeHeads.fit(world.features, world.truth.subList(0, 9), world.features,
                world.truth)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10/9");
    }

    /** Features and truths of {@code n} toy identities; {@code speech} 1 shrinks and blurs the features. */
    private record World(List<float[]> features, List<AttributeTruth> truth) {
        static World draw(int n, Random random, int speech) {
            List<float[]> features = new ArrayList<>();
            List<AttributeTruth> truth = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean male = random.nextBoolean();
                double age = 18 + 62 * random.nextDouble();
                double ita = -40 + 100 * random.nextDouble();
                boolean beard = male && random.nextDouble() < 0.6;
                HairLength length = male ? (random.nextBoolean() ? HairLength.SHORT : HairLength.BUZZ)
                        : (random.nextBoolean() ? HairLength.SHOULDER : HairLength.LONG);
                FaceShapeClass shape = FaceShapeClass.values()[random.nextInt(FaceShapeClass.values().length)];
                double[] latent = {male ? 1 : -1, (age - 49) / 18, (ita - 10) / 29, beard ? 1 : -1,
                        shape.ordinal() - 1.5, random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
                float[] f = new float[FEATURES];
                for (int d = 0; d < FEATURES; d++) {
                    double face = latent[d] + 0.3 * random.nextGaussian();
                    f[d] = (float) (speech == 1 ? 0.5 * face + 0.5 * random.nextGaussian() : face);
                }
                features.add(f);
                truth.add(new AttributeTruth(male, age, Math.max(0, Math.min(1, (age - 30) / 50)), length, beard, ita,
                        shape));
            }
            return new World(features, truth);
        }
    }
}
