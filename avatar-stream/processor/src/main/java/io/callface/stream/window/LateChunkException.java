package io.callface.stream.window;

/** A chunk older than a window already emitted: it cannot be placed any more and goes to the dead-letter topic. */
public final class LateChunkException extends InvalidChunkException {
    public LateChunkException(String message) {
        super(message);
    }
}
