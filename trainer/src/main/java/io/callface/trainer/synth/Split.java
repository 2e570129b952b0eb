package io.callface.trainer.synth;

import java.util.Locale;

/**
 * Corpus split; every clip of one identity lies in the same split (speaker-disjoint splits).
 *
 * <p>{@link #VOICE} marks training speakers for the voice stage only: each comes with a face (the target of its
 * speech) but the face stage, the evaluation's classifiers and read-outs never learn from them. This is how the paper
 * trained: its face networks came from face data of their own, its voice encoder from far more speakers
 * (AVSpeech), each heard in a few clips.
 */
public enum Split {
    TRAIN, VAL, TEST, VOICE;

    /** The CSV spelling: {@code train}, {@code val}, {@code test} or {@code voice}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the CSV spelling; throws {@link IllegalArgumentException} naming the bad value. */
    public static Split fromCsv(String value) {
        for (Split split : values()) {
            if (split.csvName().equals(value)) {
                return split;
            }
        }
        throw new IllegalArgumentException("split: '" + value + "' is not one of train, val, test, voice");
    }
}
