package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import org.junit.jupiter.api.Test;

class Speech2FaceLossTest {
    @Test
    void plainL1IsTheFirstTermOfTheFullLoss() {
        Preset tiny = Preset.tiny();
        TrainingOptions full = TrainingOptions.defaults(tiny);
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(tiny, 4);
                NDManager m = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDArray predicted = m.randomNormal(new Shape(3, tiny.featureDim()));
            NDArray target = m.randomNormal(new Shape(3, tiny.featureDim()));

            Speech2FaceLoss.VoiceObjective paper = Speech2FaceLoss.voiceStage(store, networks, predicted, target, full);
            Speech2FaceLoss.VoiceObjective l1 = Speech2FaceLoss.voiceStage(store, networks, predicted, target,
                    full.withVoiceLoss(VoiceLoss.L1));

            assertThat(l1.objective().getFloat()).isEqualTo(l1.fDecL1().getFloat()).isEqualTo(paper.fDecL1().getFloat());
            // The normalised-L2 and distillation terms are positive for different random vectors.
            assertThat(paper.objective().getFloat()).isGreaterThan(paper.fDecL1().getFloat());
        }
    }

    @Test
    void theGradientDifferenceIgnoresBrightnessButChargesGrainAndFadedLines() {
        try (NDManager m = NDManager.newBaseManager()) {
            // A 1 x 1 x 4 x 4 target: flat 0.2 with one vertical line of 0.8 in column 2.
            float[] lined = new float[16];
            for (int i = 0; i < 16; i++) {
                lined[i] = i % 4 == 2 ? 0.8f : 0.2f;
            }
            NDArray target = m.create(lined, new Shape(1, 1, 4, 4));

            float brighter = Speech2FaceLoss.gradientDifference(target.add(0.1f), target).getFloat();
            float faded = Speech2FaceLoss.gradientDifference(m.full(new Shape(1, 1, 4, 4), 0.2f), target).getFloat();
            float[] checkered = new float[16];
            for (int i = 0; i < 16; i++) {
                checkered[i] = ((i / 4 + i % 4) % 2 == 0) ? 0.25f : 0.15f;
            }
            NDArray flat = m.full(new Shape(1, 1, 4, 4), 0.2f);
            float grain = Speech2FaceLoss.gradientDifference(m.create(checkered, new Shape(1, 1, 4, 4)), flat).getFloat();

            assertThat(brighter).isCloseTo(0f, within(1e-6f));
            // Across: 2 of the 3 column steps of each row meet the line (0.6 each); down: none.
            assertThat(faded).isCloseTo(2 * 0.6f / 3, within(1e-5f));
            // Every step of the checkerboard is 0.1 where the flat target has none, across and down.
            assertThat(grain).isCloseTo(0.2f, within(1e-5f));
        }
    }

    @Test
    void theLandmarkErrorCountsOnlyTheSamplesWhoseLandmarksAreKnown() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.zeros(new Shape(2, 3));
            NDArray labels = m.create(new float[] {1, 0, 0, 0, 1, 0}, new Shape(2, 3));
            NDArray image = m.zeros(new Shape(2, 3, 4, 4));
            NDArray marks = m.zeros(new Shape(2, 68, 2));
            // Sample 0 is 0.1 off everywhere; sample 1 is 0.5 off, but its target is unknown (zeros stand in).
            NDArray target = m.full(new Shape(1, 68, 2), 0.1f).concat(m.full(new Shape(1, 68, 2), 0.5f));
            float base = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, marks, new boolean[] {true, true})
                    .getFloat();

            float both = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, target,
                    new boolean[] {true, true}).getFloat();
            float firstOnly = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, target,
                    new boolean[] {true, false}).getFloat();
            float none = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, target,
                    new boolean[] {false, false}).getFloat();

            float weight = Speech2FaceLoss.LANDMARK_WEIGHT;
            assertThat(both - base).isCloseTo(weight * (0.01f + 0.25f) / 2, within(1e-5f));
            assertThat(firstOnly - base).isCloseTo(weight * 0.01f, within(1e-5f));
            assertThat(none).isCloseTo(base, within(1e-6f));
        }
    }

    @Test
    void theFeatureDistanceIsTwoMinusTwoCosineAveragedOverTheBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray judged = m.create(new float[] {3, 0, 3, 0}, new Shape(2, 2));
            NDArray sameDirection = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
            NDArray oneOrthogonal = m.create(new float[] {1, 0, 0, 5}, new Shape(2, 2));
            NDArray oneOpposite = m.create(new float[] {1, 0, -2, 0}, new Shape(2, 2));

            // Scale does not matter; per row 2 - 2 cos is 0 (same direction), 2 (orthogonal), 4 (opposite).
            assertThat(Speech2FaceLoss.featureDistance(judged, sameDirection).getFloat()).isCloseTo(0f, within(1e-6f));
            assertThat(Speech2FaceLoss.featureDistance(judged, oneOrthogonal).getFloat()).isCloseTo(1f, within(1e-6f));
            assertThat(Speech2FaceLoss.featureDistance(judged, oneOpposite).getFloat()).isCloseTo(2f, within(1e-6f));
        }
    }

    @Test
    void theInvarianceTermIsTheVoiceLossAgainstTheCleanTwinSummedOverTheBatch() {
        Preset tiny = Preset.tiny();
        TrainingOptions full = TrainingOptions.defaults(tiny);
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(tiny, 4);
                NDManager m = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDArray heard = m.randomNormal(new Shape(2, tiny.featureDim()));
            NDArray clean = m.randomNormal(new Shape(2, tiny.featureDim()));

            for (TrainingOptions options : new TrainingOptions[] {full, full.withVoiceLoss(VoiceLoss.L1)}) {
                float twoOfFive = Speech2FaceLoss.invariance(store, networks, heard, clean, 5, options).getFloat();
                // The objective of the same pairs is their mean; over a batch of five, the two pairs weigh 2/5.
                float mean = Speech2FaceLoss.voiceStage(store, networks, heard, clean, options).objective().getFloat();
                assertThat(twoOfFive).as(options.voiceLoss().name()).isCloseTo(mean * 2 / 5, within(mean * 1e-5f));
            }
            float l1Only = Speech2FaceLoss.invariance(store, networks, clean, clean, 5, full.withVoiceLoss(VoiceLoss.L1))
                    .getFloat();
            assertThat(l1Only).isZero();
        }
    }

    @Test
    void aNegativeInvarianceWeightIsRefused() {
        TrainingOptions defaults = TrainingOptions.defaults(Preset.tiny());
        assertThat(defaults.invarianceWeight()).isEqualTo(TrainingOptions.DEFAULT_INVARIANCE_WEIGHT);
        assertThatThrownBy(() -> defaults.withInvarianceWeight(-0.5f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invarianceWeight");
    }

    @Test
    void lossNamesParse() {
        assertThat(VoiceLoss.named("full")).isEqualTo(VoiceLoss.FULL);
        assertThat(VoiceLoss.named("l1")).isEqualTo(VoiceLoss.L1);
        assertThatThrownBy(() -> VoiceLoss.named("l2")).hasMessageContaining("loss: 'l2' is not one of full, l1");
    }
}
