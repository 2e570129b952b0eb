package io.callface.stream.inference;

/**
 * A model directory does not honour the ONNX model contract ({@link io.callface.model.ModelContract}):
 * a digest mismatch, a missing or unreadable file, or wrong names, shapes or metadata. The message says which
 * file and which fact failed, so a release can be refused with a clear reason.
 */
public class ModelRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelRejectedException(String reason) {
        super(reason);
    }

    public ModelRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
