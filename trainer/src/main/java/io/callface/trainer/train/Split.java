package io.callface.trainer.train;

import java.util.Locale;

/** Corpus split of a manifest row; speakers of different splits are disjoint by construction of the corpus. */
public enum Split {
    TRAIN, VAL, TEST;

    /** Parses {@code train}, {@code val} or {@code test}. */
    public static Split parse(String value) {
        for (Split s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(value)) {
                return s;
            }
        }
        throw new CorpusException("split: expected train, val or test, got '" + value + "'");
    }
}
