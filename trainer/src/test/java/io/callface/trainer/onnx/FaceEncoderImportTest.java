package io.callface.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.callface.model.ModelContract;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A "foreign" face network ({@link ForeignFaceNetwork}: 8 x 8 RGB to 4 features, with its own names), wrapped and run
 * in ONNX Runtime on callface's 16 x 16 crops.
 */
class FaceEncoderImportTest {
    private static final int SIDE = 8;
    private static final int CROP = 16;
    private static final int D = 4;
    private final ForeignFaceNetwork foreign = new ForeignFaceNetwork(SIDE, D, 3);

    @Test
    void aCropIsResizedScaledAndNormalisedAsTheNetworkWants() throws OrtException {
        FaceEncoderImport.Preprocessing pre = new FaceEncoderImport.Preprocessing(255, new float[] {129, 104, 93},
                new float[] {64, 60, 58}, false);
        ModelProto wrapped = FaceEncoderImport.wrap(foreign.model("data", "embedding", 13, 3), Optional.empty(),
                Optional.empty(), pre, CROP).model();
        float[] crop = blocks(new Random(5));

        float[] expected = gemm(normalised(downsampledByBlocks(crop), pre));

        assertThat(run(wrapped, crop)).containsExactly(expected, within(1e-4f));
    }

    @Test
    void bgrNetworksGetTheirChannelsReversed() throws OrtException {
        FaceEncoderImport.Preprocessing pre = new FaceEncoderImport.Preprocessing(1, new float[] {0, 0, 0},
                new float[] {1, 1, 1}, true);
        ModelProto wrapped = FaceEncoderImport.wrap(foreign.model("data", "embedding", 17, 3), Optional.empty(),
                Optional.empty(), pre, CROP).model();
        float[] crop = blocks(new Random(6));
        float[] small = downsampledByBlocks(crop);
        float[] reversed = new float[small.length];
        int plane = SIDE * SIDE;
        for (int c = 0; c < 3; c++) {
            System.arraycopy(small, (2 - c) * plane, reversed, c * plane, plane);
        }

        assertThat(run(wrapped, crop)).containsExactly(gemm(reversed), within(1e-4f));
    }

    @Test
    void namesThatClashWithTheContractsAreKeptApart() throws OrtException {
        ModelProto wrapped = FaceEncoderImport.wrap(foreign.model(ModelDirectory.FACE_ENCODER_INPUT,
                ModelContract.FACE_FEATURE, 13, 3), Optional.empty(), Optional.empty(),
                FaceEncoderImport.Preprocessing.UNIT_RGB, CROP).model();
        float[] crop = blocks(new Random(7));

        assertThat(run(wrapped, crop)).containsExactly(gemm(downsampledByBlocks(crop)), within(1e-4f));
    }

    @Test
    void whatCannotBeWrappedIsSaid() {
        ModelProto twoInputs = foreign.model("data", "embedding", 13, 3).toBuilder().setGraph(foreign.model("data", "embedding",
                13, 3).getGraph().toBuilder().addInput(ForeignFaceNetwork.imageInfo("mask", 3, SIDE))).build();
        assertThatThrownBy(() -> FaceEncoderImport.wrap(twoInputs, Optional.empty(), Optional.empty(),
                FaceEncoderImport.Preprocessing.UNIT_RGB, CROP)).hasMessageContaining("has 2 inputs [data, mask]");
        assertThatThrownBy(() -> FaceEncoderImport.wrap(twoInputs, Optional.of("rgb"), Optional.empty(),
                FaceEncoderImport.Preprocessing.UNIT_RGB, CROP)).hasMessageContaining("no input 'rgb'");
        assertThatThrownBy(() -> FaceEncoderImport.wrap(foreign.model("data", "embedding", 11, 3), Optional.empty(),
                Optional.empty(), FaceEncoderImport.Preprocessing.UNIT_RGB, CROP))
                .hasMessageContaining("opset 11").hasMessageContaining("opset 13 or later");
        assertThatThrownBy(() -> FaceEncoderImport.wrap(foreign.model("data", "embedding", 13, 1), Optional.empty(),
                Optional.empty(), FaceEncoderImport.Preprocessing.UNIT_RGB, CROP))
                .hasMessageContaining("[N, 3, H, W]");
    }

    /** Pixels constant over 2 x 2 blocks, so a halving resize is exact: each output pixel is its block's value. */
    private static float[] blocks(Random random) {
        float[] crop = new float[3 * CROP * CROP];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float v = random.nextFloat();
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            crop[(c * CROP + 2 * y + dy) * CROP + 2 * x + dx] = v;
                        }
                    }
                }
            }
        }
        return crop;
    }

    private static float[] downsampledByBlocks(float[] crop) {
        float[] small = new float[3 * SIDE * SIDE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    small[(c * SIDE + y) * SIDE + x] = crop[(c * CROP + 2 * y) * CROP + 2 * x];
                }
            }
        }
        return small;
    }

    private static float[] normalised(float[] pixels, FaceEncoderImport.Preprocessing p) {
        float[] out = new float[pixels.length];
        int plane = SIDE * SIDE;
        for (int i = 0; i < pixels.length; i++) {
            int c = i / plane;
            out[i] = (pixels[i] * p.scale() - p.mean()[c]) / p.std()[c];
        }
        return out;
    }

    private float[] gemm(float[] x) {
        float[] y = new float[D];
        for (int d = 0; d < D; d++) {
            double sum = foreign.bias()[d];
            for (int i = 0; i < x.length; i++) {
                sum += foreign.weights()[d * x.length + i] * x[i];
            }
            y[d] = (float) sum;
        }
        return y;
    }

    private static float[] run(ModelProto model, float[] crop) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toByteArray(), new OrtSession.SessionOptions());
                OnnxTensor image = OnnxTensor.createTensor(env, FloatBuffer.wrap(crop), new long[] {1, 3, CROP, CROP});
                OrtSession.Result result = session.run(Map.of(ModelDirectory.FACE_ENCODER_INPUT, image))) {
            FloatBuffer out = ((OnnxTensor) result.get(ModelContract.FACE_FEATURE).orElseThrow()).getFloatBuffer();
            float[] feature = new float[out.remaining()];
            out.get(feature);
            return feature;
        }
    }
}
