package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.model.ModelManifest;
import io.callface.trainer.eval.OnnxFeatureExtractor;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.FaceEncoderImport;
import io.callface.trainer.onnx.ForeignFaceNetwork;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.onnx.PretrainedFaceEncoder;
import io.callface.trainer.synth.CorpusManifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --face-encoder}: a face network from elsewhere (generated here) in the paper's VGG-Face role. */
class PretrainedFaceNetworkTrainingTest {
    private static final int D = 24;

    @TempDir
    Path tmp;

    @Test
    void theModelCarriesTheNetworksFeatureWidthAndTheNetworkAsItsFaceEncoder() throws IOException {
        CorpusManifest corpus = CorpusManifest.read(TestCorpus.write(tmp.resolve("corpus"), 4, 2, 1, 11));
        Path file = tmp.resolve("vggface-like.onnx");
        Files.write(file, new ForeignFaceNetwork(8, D, 2).model("data", "fc7", 13, 3).toByteArray());
        Preset tiny = Preset.tiny();
        TrainingOptions options = TrainingOptions.defaults(tiny).withFaceEpochs(2).withVoiceEpochs(1)
                .withFeatureWeight(0).withViewBlur(0).withSeed(3);

        ModelDirectory model;
        float[] crop = new float[3 * tiny.imageSize() * tiny.imageSize()];
        Random random = new Random(1);
        for (int i = 0; i < crop.length; i++) {
            crop[i] = random.nextFloat();
        }
        float[] expected;
        try (PretrainedFaceEncoder network = PretrainedFaceEncoder.load(file, Optional.empty(), Optional.empty(),
                FaceEncoderImport.Preprocessing.UNIT_RGB, tiny.imageSize())) {
            assertThat(network.featureDim()).isEqualTo(D);
            expected = network.feature(crop);
            model = new TrainingPipeline(quiet(), DataLoading.DEFAULT, Optional.of(network)).train(corpus, tiny,
                    tmp.resolve("model"), options, Optional.of(new CheckpointDirectory(tmp.resolve("ckpt"))), false);
        }
        // export from the checkpoints ships the same networks, the face network included.
        ModelDirectory exported = TrainingPipeline.export(new CheckpointDirectory(tmp.resolve("ckpt")),
                tmp.resolve("exported"), options.version());
        for (String name : java.util.List.of(ModelDirectory.FACE_ENCODER_FILE, "encoder.onnx", "decoder.onnx")) {
            assertThat(Files.readAllBytes(exported.path().resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(model.path().resolve(name)));
        }
        // Resuming those checkpoints without the face network would train another model: refused.
        assertThatThrownBy(() -> new TrainingPipeline(quiet()).train(corpus, tiny, tmp.resolve("other"), options,
                Optional.of(new CheckpointDirectory(tmp.resolve("ckpt"))), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("with a pretrained face network");

        ModelManifest manifest = ModelManifest.read(model.path());
        assertThat(manifest.featureDim()).isEqualTo(D);
        try (OnnxFeatureExtractor extractor = new OnnxFeatureExtractor(model)) {
            // The shipped face encoder is the network itself (behind its preprocessing), not one callface trained.
            assertThat(extractor.faceFeature(crop)).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-5f));
            float[] spectrogram = new SpectrogramCache(0).sixSeconds(corpus.clips().get(0).audio());
            assertThat(extractor.voiceFeature(spectrogram)).hasSize(D);
        }
    }

    @Test
    void theFeatureLossAndBlurredViewsNeedAFaceEncoderCallfaceTrains() throws IOException {
        CorpusManifest corpus = CorpusManifest.read(TestCorpus.write(tmp.resolve("corpus"), 3, 1, 0, 12));
        Path file = tmp.resolve("net.onnx");
        Files.write(file, new ForeignFaceNetwork(8, D, 2).model("data", "fc7", 13, 3).toByteArray());
        Preset tiny = Preset.tiny();
        try (PretrainedFaceEncoder network = PretrainedFaceEncoder.load(file, Optional.empty(), Optional.empty(),
                FaceEncoderImport.Preprocessing.UNIT_RGB, tiny.imageSize())) {
            TrainingPipeline pipeline = new TrainingPipeline(quiet(), DataLoading.DEFAULT, Optional.of(network));
            assertThatThrownBy(() -> pipeline.train(corpus, tiny, tmp.resolve("model"),
                    TrainingOptions.defaults(tiny).withFaceEpochs(1).withVoiceEpochs(1).withFeatureWeight(0.1f)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature weight to 0");
            assertThatThrownBy(() -> pipeline.train(corpus, tiny, tmp.resolve("model"), TrainingOptions.defaults(tiny)
                    .withFaceEpochs(1).withVoiceEpochs(1).withFeatureWeight(0).withViewBlur(0.5f)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("view blur to 0");
        }
    }

    private static ProgressReporter quiet() {
        return new ProgressReporter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System::nanoTime);
    }
}
