package io.callface.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.trainer.train.TrainedTinyModel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trained tiny model directory honours callface's ONNX contract as ONNX Runtime sees it. */
class ExportedModelContractTest {
    private static final long DYNAMIC = -1;

    private final ModelDirectory model = TrainedTinyModel.get().model();

    @Test
    void encoderTakesSpectrogramWithDynamicBatchAndTimeAndGivesFaceFeature() throws OrtException {
        try (OrtSession s = session(model.encoder())) {
            assertThat(s.getInputNames()).containsExactly(ModelContract.SPECTROGRAM);
            assertThat(s.getOutputNames()).containsExactly(ModelContract.FACE_FEATURE);
            assertTensor(s.getInputInfo().get(ModelContract.SPECTROGRAM), DYNAMIC, 2, DYNAMIC, 257);
            assertTensor(s.getOutputInfo().get(ModelContract.FACE_FEATURE), DYNAMIC, 64);
            assertMetadata(s);
        }
    }

    @Test
    void encoderRunsOnAnyBatchAndLength() throws OrtException {
        for (long[] shape : new long[][] {{1, 2, 598, 257}, {3, 2, 298, 257}}) {
            float[] input = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
            java.util.Arrays.fill(input, 0.1f);
            float[] out = OnnxParityTest.onnxForward(model.encoder(), ModelContract.SPECTROGRAM, input, shape,
                    ModelContract.FACE_FEATURE);
            assertThat(out).hasSize((int) shape[0] * 64);
        }
    }

    @Test
    void decoderGivesImageAndLandmarksInUnitRange() throws OrtException {
        try (OrtSession s = session(model.decoder())) {
            assertThat(s.getInputNames()).containsExactly(ModelContract.FACE_FEATURE);
            assertThat(s.getOutputNames()).containsExactlyInAnyOrder(ModelContract.FACE_IMAGE, ModelContract.LANDMARKS);
            assertTensor(s.getInputInfo().get(ModelContract.FACE_FEATURE), DYNAMIC, 64);
            assertTensor(s.getOutputInfo().get(ModelContract.FACE_IMAGE), DYNAMIC, 3, 64, 64);
            assertTensor(s.getOutputInfo().get(ModelContract.LANDMARKS), DYNAMIC, 68, 2);
            assertMetadata(s);
        }
        float[] feature = new float[2 * 64];
        java.util.Arrays.fill(feature, 1f);
        float[] landmarks = OnnxParityTest.onnxForward(model.decoder(), ModelContract.FACE_FEATURE, feature,
                new long[] {2, 64}, ModelContract.LANDMARKS);
        assertThat(landmarks).hasSize(2 * 68 * 2);
        for (float v : landmarks) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void manifestRecordsContractFactsAndFileChecksums() {
        ModelManifest manifest = ModelManifest.read(model.path());
        assertThat(manifest.opset()).isEqualTo(ModelContract.OPSET);
        assertThat(manifest.featureDim()).isEqualTo(64);
        assertThat(manifest.imageHeight()).isEqualTo(64);
        assertThat(manifest.imageWidth()).isEqualTo(64);
        assertThat(manifest.sha256().get(ModelContract.ENCODER_FILE)).isEqualTo(ModelDirectory.sha256(model.encoder()));
        assertThat(manifest.sha256().get(ModelContract.DECODER_FILE)).isEqualTo(ModelDirectory.sha256(model.decoder()));
    }

    private static OrtSession session(Path file) throws OrtException {
        return OrtEnvironment.getEnvironment().createSession(file.toString(), new OrtSession.SessionOptions());
    }

    private static void assertTensor(NodeInfo node, long... shape) {
        TensorInfo info = (TensorInfo) node.getInfo();
        assertThat(info.type).isEqualTo(OnnxJavaType.FLOAT);
        assertThat(info.getShape()).containsExactly(shape);
    }

    private static void assertMetadata(OrtSession s) throws OrtException {
        Map<String, String> meta = s.getMetadata().getCustomMetadata();
        assertThat(meta).containsEntry(ModelContract.META_PRESET, "tiny")
                .containsEntry(ModelContract.META_FEATURE_DIM, "64")
                .containsEntry(ModelContract.META_VERSION, OnnxExporter.DEFAULT_VERSION);
    }
}
