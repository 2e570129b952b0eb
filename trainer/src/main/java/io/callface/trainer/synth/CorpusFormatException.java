package io.callface.trainer.synth;

/**
 * Corpus data that cannot be used (manifest, identities, WAV, PNG or landmarks file); the message names the
 * file, line and value.
 */
public class CorpusFormatException extends RuntimeException {
    public CorpusFormatException(String message) {
        super(message);
    }

    public CorpusFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
