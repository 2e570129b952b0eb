package io.callface.stream.inference;

import io.callface.model.ModelManifest;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest and the bytes of both ONNX files of a model directory, and of the optional attribute head when
 * {@code model.json} lists it, after their SHA-256 digests matched {@code model.json}. Sessions are built from these
 * very bytes, so a file replaced between the check and the load cannot slip through.
 */
public final class VerifiedModelFiles {
    private final ModelManifest manifest;
    private final ByteBuffer encoder;
    private final ByteBuffer decoder;
    private final ByteBuffer attributes;

    /** @param attributes the verified attribute head, or null when the model has none */
    VerifiedModelFiles(ModelManifest manifest, ByteBuffer encoder, ByteBuffer decoder, ByteBuffer attributes) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.encoder = Objects.requireNonNull(encoder, "encoder").asReadOnlyBuffer();
        this.decoder = Objects.requireNonNull(decoder, "decoder").asReadOnlyBuffer();
        this.attributes = attributes == null ? null : attributes.asReadOnlyBuffer();
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

    /** The verified {@code attributes.onnx} bytes (read-only, positioned at 0), when the model has the head. */
    public Optional<ByteBuffer> attributes() {
        return Optional.ofNullable(attributes).map(ByteBuffer::duplicate);
    }
}
