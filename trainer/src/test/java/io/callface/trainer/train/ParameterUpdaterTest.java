package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.nn.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterUpdaterTest {
    private final TrainingOptions options = TrainingOptions.defaults(Preset.tiny());

    @Test
    void theFaceStageRateFallsByAHalfCosineToOnePercentAtItsLastUpdate() {
        ParameterUpdater face = ParameterUpdater.faceStage(List.of(), options, 1000);
        float base = options.learningRate();

        assertThat(face.learningRate(0)).isCloseTo(base, within(1e-9f));
        assertThat(face.learningRate(500)).isCloseTo(base * 0.505f, within(1e-6f));
        assertThat(face.learningRate(1000)).isCloseTo(base * 0.01f, within(1e-9f));
        assertThat(face.learningRate(250)).isGreaterThan(face.learningRate(251));
    }

    @Test
    void theVoiceStageKeepsThePapersStepDecay() {
        ParameterUpdater voice = ParameterUpdater.voiceStage(List.of(), options);
        float base = options.learningRate();

        assertThat(voice.learningRate(options.decaySteps() - 1)).isEqualTo(base);
        assertThat(voice.learningRate(options.decaySteps())).isCloseTo(base * options.decayRate(), within(1e-9f));
    }
}
