package io.callface.trainer.synth;

import java.util.Locale;

/**
 * The population group of a synthetic identity: the world's stand-in for the ancestry groups that face-attribute
 * services such as Face++ report and that the Speech2Face paper evaluates (its Figure 4). Groups set the joint
 * distribution of pigmentation, hair texture and some face shape (see {@link Population}); they are used only to
 * generate and to evaluate, and are never published by the stream processor.
 */
public enum Ancestry {
    EUROPEAN, AFRICAN, EAST_ASIAN, SOUTH_ASIAN;

    /** The CSV spelling: lower case, e.g. {@code east_asian}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the CSV spelling; throws {@link IllegalArgumentException} naming the bad value. */
    public static Ancestry fromCsv(String value) {
        for (Ancestry group : values()) {
            if (group.csvName().equals(value)) {
                return group;
            }
        }
        throw new IllegalArgumentException("ancestry: '" + value + "' is not one of european, african, east_asian, "
                + "south_asian");
    }
}
