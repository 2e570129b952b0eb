package io.callface.stream.inference;

/**
 * ONNX Runtime failed while loading or running a model: the one place where {@code OrtException} is turned
 * into an unchecked exception.
 */
public class InferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
