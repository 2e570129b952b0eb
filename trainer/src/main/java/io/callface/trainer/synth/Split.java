package io.callface.trainer.synth;

import java.util.Locale;

/** Corpus split; every clip of one identity lies in the same split (speaker-disjoint splits). */
public enum Split {
    TRAIN, VAL, TEST;

    /** The CSV spelling: {@code train}, {@code val} or {@code test}. */
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
        throw new IllegalArgumentException("split: '" + value + "' is not one of train, val, test");
    }
}
