package io.callface.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small preset's convolutional decoder at 128 x 128: ONNX parity with DJL, contract shapes, file sizes. */
class SmallPresetExportTest {
    private static final float TOLERANCE = 1e-4f;
    /** What the issue allows for a committed demo model: the three ONNX files together. */
    private static final long MAX_MODEL_BYTES = 20_000_000L;

    @TempDir
    static Path dir;
    static Speech2FaceNetworks networks;
    static ModelDirectory exported;

    @BeforeAll
    static void moveBatchNormStatisticsAndExport() {
        networks = new Speech2FaceNetworks(Preset.small(), 5);
        try (NDManager step = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(step, false);
            for (int i = 0; i < 3; i++) {
                NDArray hidden = networks.decoderFDec().forward(store, step.randomNormal(new Shape(4, 128)), true);
                networks.decoderImage().forward(store, hidden, true);
            }
        }
        exported = new OnnxExporter("test").export(networks, dir);
    }

    @AfterAll
    static void close() {
        networks.close();
    }

    @Test
    void decoderDrawsThe128PixelImageDjlDraws() throws OrtException {
        long[] shape = {2, 128};
        float[] input = new float[256];
        Random random = new Random(4);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
        float[] image;
        try (NDManager m = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDArray hidden = networks.decoderFDec().forward(store, m.create(input, new Shape(shape)), false);
            image = networks.decoderImage().forward(store, hidden, false).toFloatArray();
        }
        float[] onnx = OnnxParityTest.onnxForward(exported.decoder(), ModelContract.FACE_FEATURE, input, shape,
                ModelContract.FACE_IMAGE);
        assertThat(onnx).hasSize(2 * 3 * 128 * 128);
        float maxDiff = 0;
        for (int i = 0; i < onnx.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(onnx[i] - image[i]));
        }
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void decoderDeclaresTheImageSizeOfTheModel() throws OrtException {
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(exported.decoder().toString(),
                new OrtSession.SessionOptions())) {
            TensorInfo image = (TensorInfo) s.getOutputInfo().get(ModelContract.FACE_IMAGE).getInfo();
            assertThat(image.getShape()).containsExactly(-1, 3, 128, 128);
        }
        assertThat(exported.manifest().imageHeight()).isEqualTo(128);
        assertThat(exported.manifest().imageWidth()).isEqualTo(128);
    }

    @Test
    void theThreeOnnxFilesFitADemoModel() throws Exception {
        long bytes = Files.size(exported.encoder()) + Files.size(exported.decoder())
                + Files.size(exported.faceEncoder());
        assertThat(bytes).isLessThanOrEqualTo(MAX_MODEL_BYTES);
    }
}
