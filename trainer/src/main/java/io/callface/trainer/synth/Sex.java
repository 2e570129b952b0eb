package io.callface.trainer.synth;

import java.util.Locale;

/** Biological sex of a synthetic identity, as written in {@code identities.csv} (lower case). */
public enum Sex {
    FEMALE, MALE;

    /** The CSV spelling: {@code female} or {@code male}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the CSV spelling; throws {@link IllegalArgumentException} naming the bad value. */
    public static Sex fromCsv(String value) {
        for (Sex sex : values()) {
            if (sex.csvName().equals(value)) {
                return sex;
            }
        }
        throw new IllegalArgumentException("sex: '" + value + "' is not one of female, male");
    }
}
