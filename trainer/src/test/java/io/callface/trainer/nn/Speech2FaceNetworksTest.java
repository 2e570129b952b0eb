package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

class Speech2FaceNetworksTest {
    private static final int SEED = 5;

    @Test
    void theFaceNetworksStartTheSameWhateverTheVoiceEncoder() {
        Preset tiny = Preset.tiny();
        List<Layer> otherVoice = List.of(new Layer.MeanOverTime(), new Layer.Flatten(), new Layer.Dense(
                tiny.featureDim()));
        Preset otherVoiceEncoder = new Preset(tiny.name(), tiny.featureDim(), tiny.imageSize(), tiny.decoderUnits(),
                otherVoice, tiny.faceEncoder(), tiny.decoderLandmarks(), tiny.decoderImage(), tiny.faceEpochs(),
                tiny.voiceEpochs(), tiny.batchSize());

        float[][] first = initialFaceWeights(tiny);
        float[][] second = initialFaceWeights(otherVoiceEncoder);

        assertThat(second).isDeepEqualTo(first);
    }

    /** The first weights of the face encoder, f_dec and the image branch after seeding the engine. */
    private static float[][] initialFaceWeights(Preset preset) {
        Engine.getEngine("PyTorch").setRandomSeed(SEED);
        try (Speech2FaceNetworks networks = new Speech2FaceNetworks(preset, 4)) {
            return new float[][] {networks.faceEncoder().parameter(0, "weight").toFloatArray(),
                networks.decoderFDec().parameter(0, "weight").toFloatArray(),
                networks.decoderImage().parameter(1, "weight").toFloatArray()};
        }
    }
}
