package io.callface.model.fusion;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A speaker's running fusion of window embeddings: the vector the face is decoded from, how many windows it
 * summarises and which model made them (embeddings of different models are never mixed).
 *
 * @param modelVersion {@code callface.version} of the model whose embeddings were fused
 * @param vector       the fused embedding (copied in and out)
 * @param windows      how many windows it summarises, at least 1
 */
public record FusedEmbedding(String modelVersion, float[] vector, int windows) {
    public FusedEmbedding {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty");
        }
        if (windows < 1) {
            throw new IllegalArgumentException("windows must be at least 1, got " + windows);
        }
        vector = vector.clone();
    }

    /** The fusion of a single window: the embedding itself. */
    public static FusedEmbedding first(float[] embedding, String modelVersion) {
        return new FusedEmbedding(modelVersion, embedding, 1);
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public int dimension() {
        return vector.length;
    }

    /** Store layout: int windows, int version length, version UTF-8, int D, D floats (big-endian). */
    public byte[] toBytes() {
        byte[] version = modelVersion.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(3 * Integer.BYTES + version.length + vector.length * Float.BYTES);
        out.putInt(windows).putInt(version.length).put(version).putInt(vector.length);
        for (float value : vector) {
            out.putFloat(value);
        }
        return out.array();
    }

    /** Reads {@link #toBytes()}. */
    public static FusedEmbedding fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(Objects.requireNonNull(bytes, "bytes"));
        try {
            int windows = in.getInt();
            byte[] version = new byte[in.getInt()];
            in.get(version);
            float[] vector = new float[in.getInt()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = in.getFloat();
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("fused embedding bytes: " + in.remaining() + " trailing bytes");
            }
            return new FusedEmbedding(new String(version, StandardCharsets.UTF_8), vector, windows);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("fused embedding bytes: " + bytes.length + " bytes are not a stored "
                    + "fused embedding: " + e, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FusedEmbedding f && windows == f.windows && modelVersion.equals(f.modelVersion)
                && Arrays.equals(vector, f.vector);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(modelVersion, windows) + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "FusedEmbedding[" + modelVersion + ", D=" + vector.length + ", windows=" + windows + "]";
    }
}
