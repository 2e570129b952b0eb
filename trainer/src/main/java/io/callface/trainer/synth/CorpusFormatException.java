package io.callface.trainer.synth;

/** A corpus directory or file that cannot be used; the message names the file, line and value. */
public class CorpusFormatException extends RuntimeException {
    public CorpusFormatException(String message) {
        super(message);
    }
}
