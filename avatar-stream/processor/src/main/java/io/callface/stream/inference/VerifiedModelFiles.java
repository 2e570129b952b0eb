package io.callface.stream.inference;

import io.callface.model.ModelManifest;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The manifest and the bytes of both ONNX files of a model directory, after their SHA-256 digests matched
 * {@code model.json}. Sessions are built from these very bytes, so a file replaced between the check and the
 * load cannot slip through.
 */
public final class VerifiedModelFiles {
    private final ModelManifest manifest;
    private final ByteBuffer encoder;
    private final ByteBuffer decoder;

    VerifiedModelFiles(ModelManifest manifest, ByteBuffer encoder, ByteBuffer decoder) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.encoder = Objects.requireNonNull(encoder, "encoder").asReadOnlyBuffer();
        this.decoder = Objects.requireNonNull(decoder, "decoder").asReadOnlyBuffer();
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The verified {@code encoder.onnx} bytes, as a read-only view positioned at 0. */
    public ByteBuffer encoder() {
        return encoder.duplicate();
    }

    /** The verified {@code decoder.onnx} bytes, as a read-only view positioned at 0. */
    public ByteBuffer decoder() {
        return decoder.duplicate();
    }
}
