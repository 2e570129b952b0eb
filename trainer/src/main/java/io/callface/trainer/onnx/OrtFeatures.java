package io.callface.trainer.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.callface.model.ModelContract;
import java.nio.FloatBuffer;
import java.util.Map;

/** One ONNX Runtime call of an encoder of the contract: one input tensor in, its {@code face_feature} out. */
public final class OrtFeatures {
    private OrtFeatures() {
    }

    /** The {@value ModelContract#FACE_FEATURE} output of {@code session} on {@code values} shaped {@code shape}. */
    public static float[] run(OrtEnvironment env, OrtSession session, String input, float[] values, long[] shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(ModelContract.FACE_FEATURE).orElseThrow()).getFloatBuffer();
            float[] feature = new float[out.remaining()];
            out.get(feature);
            return feature;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + input + ": " + e.getMessage(), e);
        }
    }
}
