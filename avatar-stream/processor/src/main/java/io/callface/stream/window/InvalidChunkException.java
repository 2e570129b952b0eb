package io.callface.stream.window;

/** An audio chunk that breaks the input contract; the processing exception handler dead-letters it. */
public class InvalidChunkException extends RuntimeException {
    public InvalidChunkException(String message) {
        super(message);
    }

    public InvalidChunkException(String message, Throwable cause) {
        super(message, cause);
    }
}
