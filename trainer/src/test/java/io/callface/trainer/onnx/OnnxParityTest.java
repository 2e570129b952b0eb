package io.callface.trainer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Network;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported ONNX graphs compute what the DJL networks compute (batch norm in inference mode). */
class OnnxParityTest {
    private static final float TOLERANCE = 1e-4f;
    private static final long[] SPECTROGRAM_SHAPE = {3, 2, 150, 257};

    @TempDir
    static Path dir;
    static Speech2FaceNetworks networks;
    static ModelDirectory exported;

    @BeforeAll
    static void trainBatchNormStatisticsAndExport() {
        networks = new Speech2FaceNetworks(Preset.tiny(), 5);
        try (NDManager step = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(step, false);
            // Training-mode passes move the running statistics away from (0, 1), so parity checks them.
            for (int i = 0; i < 3; i++) {
                networks.voiceEncoder().forward(store, step.randomNormal(new Shape(SPECTROGRAM_SHAPE)).add(0.5f), true);
                networks.faceEncoder().forward(store, step.randomUniform(0, 1, new Shape(4, 3, 64, 64)), true);
                NDArray hidden = networks.decoderFDec().forward(store, step.randomNormal(new Shape(4, 64)), true);
                networks.decoderImage().forward(store, hidden, true);
                networks.decoderLandmarks().forward(store, hidden, true);
            }
        }
        exported = new OnnxExporter("test").export(networks, dir);
    }

    @AfterAll
    static void close() {
        networks.close();
    }

    @Test
    void batchNormRunningStatisticsWereUpdated() {
        NDArray mean = networks.voiceEncoder().parameter(3, "runningMean");
        assertThat(mean.abs().sum().getFloat()).isPositive();
    }

    @Test
    void encoderMatchesDjl() throws OrtException {
        float[] input = random(SPECTROGRAM_SHAPE, 1);
        float[] djl = djlForward(networks.voiceEncoder(), input, SPECTROGRAM_SHAPE);
        float[] onnx = onnxForward(exported.encoder(), ModelContract.SPECTROGRAM, input, SPECTROGRAM_SHAPE,
                ModelContract.FACE_FEATURE);
        assertClose(onnx, djl);
    }

    @Test
    void faceEncoderMatchesDjl() throws OrtException {
        long[] shape = {2, 3, 64, 64};
        float[] input = random(shape, 2);
        float[] djl = djlForward(networks.faceEncoder(), input, shape);
        float[] onnx = onnxForward(exported.faceEncoder(), ModelDirectory.FACE_ENCODER_INPUT, input, shape,
                ModelContract.FACE_FEATURE);
        assertClose(onnx, djl);
    }

    @Test
    void decoderMatchesDjl() throws OrtException {
        long[] shape = {3, 64};
        float[] input = random(shape, 3);
        float[] image;
        float[] landmarks;
        try (NDManager m = networks.manager().newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDArray hidden = networks.decoderFDec().forward(store, m.create(input, new Shape(shape)), false);
            image = networks.decoderImage().forward(store, hidden, false).toFloatArray();
            landmarks = networks.decoderLandmarks().forward(store, hidden, false).toFloatArray();
        }
        assertClose(onnxForward(exported.decoder(), ModelContract.FACE_FEATURE, input, shape, ModelContract.FACE_IMAGE),
                image);
        assertClose(onnxForward(exported.decoder(), ModelContract.FACE_FEATURE, input, shape, ModelContract.LANDMARKS),
                landmarks);
    }

    private static float[] djlForward(Network network, float[] input, long[] shape) {
        try (NDManager m = networks.manager().newSubManager()) {
            return network.forward(new ParameterStore(m, false), m.create(input, new Shape(shape)), false).toFloatArray();
        }
    }

    static float[] onnxForward(Path model, String inputName, float[] input, long[] shape, String outputName)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(outputName).orElseThrow();
            FloatBuffer buffer = out.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        }
    }

    private static float[] random(long[] shape, long seed) {
        java.util.Random random = new java.util.Random(seed);
        long size = 1;
        for (long s : shape) {
            size *= s;
        }
        float[] values = new float[(int) size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        float maxDiff = 0;
        for (int i = 0; i < actual.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
        }
        assertThat(maxDiff).isLessThanOrEqualTo(TOLERANCE);
    }
}
