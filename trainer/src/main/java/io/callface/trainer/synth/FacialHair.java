package io.callface.trainer.synth;

import java.util.Locale;

/** Facial hair, drawn in the (greyed) hair colour; only men have any in this world. */
public enum FacialHair {
    NONE, STUBBLE, MOUSTACHE, GOATEE, BEARD;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FacialHair fromCsv(String value) {
        return Csv.enumValue("facial_hair", value, values());
    }
}
