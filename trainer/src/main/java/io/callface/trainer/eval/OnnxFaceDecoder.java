package io.callface.trainer.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.callface.model.ModelContract;
import io.callface.trainer.onnx.ModelDirectory;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported model directory's face decoder in ONNX Runtime: face feature to face image and landmarks. */
public final class OnnxFaceDecoder implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession decoder;

    public OnnxFaceDecoder(ModelDirectory model) {
        try {
            this.decoder = env.createSession(model.decoder().toString(), new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + model.decoder() + ": " + e.getMessage(), e);
        }
    }

    /** The image {@code [3, H, W]} in [0, 1] and the landmarks decoded from one face feature {@code [D]}. */
    public DecodedFace decode(float[] feature) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(feature), new long[] {1, feature.length});
                OrtSession.Result result = decoder.run(Map.of(ModelContract.FACE_FEATURE, tensor))) {
            return new DecodedFace(floats(result, ModelContract.FACE_IMAGE), floats(result, ModelContract.LANDMARKS));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the face decoder: " + e.getMessage(), e);
        }
    }

    private static float[] floats(OrtSession.Result result, String output) {
        FloatBuffer out = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
        float[] values = new float[out.remaining()];
        out.get(values);
        return values;
    }

    @Override
    public void close() {
        try {
            decoder.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close ONNX Runtime session", e);
        }
    }
}
