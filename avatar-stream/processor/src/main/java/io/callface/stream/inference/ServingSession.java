package io.callface.stream.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.Objects;

/**
 * An open ONNX Runtime session and the execution provider that serves it. Closing it closes the session.
 *
 * @param session  the session (thread-safe for {@code run})
 * @param provider {@link OrtProvider#CUDA} or {@link OrtProvider#CPU}
 */
public record ServingSession(OrtSession session, OrtProvider provider) implements AutoCloseable {

    public ServingSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(provider, "provider");
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException("cannot close ONNX Runtime session", e);
        }
    }
}
