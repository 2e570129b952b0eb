package io.callface.stream.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * A direct, native-order float buffer that grows to the largest batch seen and is refilled for each call, so
 * ONNX Runtime reads the input without a copy (the Java API has no IO binding). Not thread-safe: one per thread.
 */
final class ReusableInputBuffer {
    private FloatBuffer buffer = allocate(0);

    /** Copies the rows back to back and returns the buffer positioned at 0 with its limit at the end. */
    FloatBuffer fill(List<float[]> rows, int rowLength) {
        int needed = Math.multiplyExact(rows.size(), rowLength);
        if (buffer.capacity() < needed) {
            buffer = allocate(needed);
        }
        buffer.clear();
        for (float[] row : rows) {
            buffer.put(row, 0, rowLength);
        }
        return buffer.flip();
    }

    private static FloatBuffer allocate(int floats) {
        return ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES)).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }
}
