package io.callface.trainer.synth;

import java.util.Locale;

/** How the hair over the forehead is worn. */
public enum HairStyle {
    SIDE_PART, CENTRE_PART,
    /** Bangs covering the upper forehead. */
    FRINGE,
    /** Combed or tied back: the forehead and hairline show, long hair does not fall beside the face. */
    SWEPT_BACK;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HairStyle fromCsv(String value) {
        return Csv.enumValue("hair_style", value, values());
    }
}
