package io.callface.stream.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;

/** Reads a session's float32 outputs as one row per batch item, checking their size and that every value is finite. */
final class OutputTensors {
    private OutputTensors() {
    }

    /**
     * Splits output {@code name} into n rows of {@code rowLength}.
     *
     * @param model names the model in errors (e.g. {@code "model tiny-1"})
     * @throws InferenceException when the output is missing, not a float tensor of n x rowLength values, or holds a
     *                            non-finite value
     */
    static float[][] rows(OrtSession.Result result, String name, int n, int rowLength, String model) {
        OnnxValue value = result.get(name).orElseThrow(
                () -> new InferenceException(model + " returned no output '" + name + "'"));
        if (!(value instanceof OnnxTensor tensor)) {
            throw new InferenceException("output '" + name + "' of " + model + " is not a tensor");
        }
        FloatBuffer data = tensor.getFloatBuffer();
        if (data == null || data.remaining() != (long) n * rowLength) {
            throw new InferenceException("output '" + name + "' of " + model + " has shape "
                    + Arrays.toString(tensor.getInfo().getShape()) + ", expected " + n + " rows of " + rowLength);
        }
        float[][] rows = new float[n][rowLength];
        for (int i = 0; i < n; i++) {
            data.get(i * rowLength, rows[i]);
            for (int j = 0; j < rowLength; j++) {
                if (!Float.isFinite(rows[i][j])) {
                    throw new InferenceException(model + " produced " + rows[i][j] + " in output '" + name
                            + "' of batch item " + i + " at index " + j);
                }
            }
        }
        return rows;
    }
}
