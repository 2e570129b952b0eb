package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.nn.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults(Preset.tiny());
    private static final List<String> TRAINING = List.of("a", "b", "c", "d");

    @Test
    void byDefaultTheFaceStageLearnsFromEveryTrainingIdentity() {
        assertThat(DEFAULTS.faceStageIdentities(TRAINING)).isEqualTo(TRAINING);
    }

    @Test
    void aLimitKeepsTheFirstIdentitiesInCorpusOrder() {
        assertThat(DEFAULTS.withFaceIdentities(2).faceStageIdentities(TRAINING)).containsExactly("a", "b");
        assertThat(DEFAULTS.withFaceIdentities(9).faceStageIdentities(TRAINING)).isEqualTo(TRAINING);
    }

    @Test
    void aLimitBelowTwoIdentityClassesIsRejected() {
        assertThatThrownBy(() -> DEFAULTS.withFaceIdentities(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> DEFAULTS.withFaceIdentities(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeGradientWeightIsRejected() {
        assertThat(DEFAULTS.withGradientWeight(0).gradientWeight()).isZero();
        assertThatThrownBy(() -> DEFAULTS.withGradientWeight(-0.5f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradientWeight=-0.5");
    }

    @Test
    void halfTheViewsAreBlurredByDefaultAndTheBlurredShareIsAProbability() {
        assertThat(DEFAULTS.viewBlur()).isEqualTo(0.5f);
        assertThat(DEFAULTS.withViewBlur(0).viewBlur()).isZero();
        assertThatThrownBy(() -> DEFAULTS.withViewBlur(1.5f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("viewBlur must be in [0, 1]");
        assertThatThrownBy(() -> DEFAULTS.withViewBlur(-0.1f)).isInstanceOf(IllegalArgumentException.class);
    }
}
