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
    void theFaceStageFeatureTermIsTwoMinusTwoCosineTimesItsWeight() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {0, 0}, new Shape(1, 2));
            NDArray labels = m.create(new float[] {1, 0}, new Shape(1, 2));
            NDArray image = m.zeros(new Shape(1, 3, 4, 4));
            NDArray marks = m.zeros(new Shape(1, 68, 2));
            NDArray feature = m.create(new float[] {3, 0}, new Shape(1, 2));
            NDArray sameDirection = m.create(new float[] {1, 0}, new Shape(1, 2));
            NDArray orthogonal = m.create(new float[] {0, 5}, new Shape(1, 2));

            float base = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, marks, feature, sameDirection, 0.5f)
                    .getFloat();
            float apart = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, marks, feature, orthogonal, 0.5f)
                    .getFloat();
            float unweighted = Speech2FaceLoss.faceStage(logits, labels, image, image, marks, marks, feature, orthogonal,
                    0f).getFloat();

            // Identical images and landmarks leave the identity cross-entropy, log 2, and the feature term.
            assertThat(base).isCloseTo((float) Math.log(2), within(1e-6f));
            assertThat(apart - base).isCloseTo(0.5f * 2, within(1e-5f));
            assertThat(unweighted).isCloseTo(base, within(1e-6f));
        }
    }

    @Test
    void lossNamesParse() {
        assertThat(VoiceLoss.named("full")).isEqualTo(VoiceLoss.FULL);
        assertThat(VoiceLoss.named("l1")).isEqualTo(VoiceLoss.L1);
        assertThatThrownBy(() -> VoiceLoss.named("l2")).hasMessageContaining("loss: 'l2' is not one of full, l1");
    }
}
