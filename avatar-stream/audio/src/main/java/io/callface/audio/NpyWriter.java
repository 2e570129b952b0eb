package io.callface.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes float32 arrays as NumPy {@code .npy} format version 1.0: the magic {@code \x93NUMPY}, version bytes
 * 1 0, a little-endian uint16 header length, an ASCII dict {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (...), }} padded with spaces and a newline so the data starts at a multiple of 64 bytes, then the
 * values little-endian in C (row-major) order.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;

    private NpyWriter() {
    }

    /** Writes {@code data} with {@code shape} to {@code path}, replacing any file there. */
    public static void write(Path path, float[] data, int... shape) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
            write(out, data, shape);
        }
    }

    /**
     * Writes {@code data} with {@code shape} to {@code out} (not closed).
     *
     * @throws IllegalArgumentException if a dimension is negative or the shape does not hold {@code data.length}
     */
    public static void write(OutputStream out, float[] data, int... shape) throws IOException {
        long elements = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape: " + Arrays.toString(shape) + " has a negative dimension");
            }
            elements *= dim;
        }
        if (elements != data.length) {
            throw new IllegalArgumentException("shape: " + Arrays.toString(shape) + " holds " + elements
                    + " elements but data has " + data.length);
        }
        out.write(MAGIC);
        byte[] header = header(shape);
        out.write(header.length & 0xFF);
        out.write(header.length >>> 8);
        out.write(header);
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putFloat(v);
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    private static byte[] header(int[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String tuple = shape.length == 1 ? "(" + dims + ",)" : "(" + dims + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        return (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
