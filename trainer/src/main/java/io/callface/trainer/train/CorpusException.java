package io.callface.trainer.train;

/** A corpus that does not follow the manifest/WAV/PNG/landmarks format; the message names the field. */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
