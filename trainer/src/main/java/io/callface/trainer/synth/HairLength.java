package io.callface.trainer.synth;

import java.util.Locale;

/** How far the hair reaches, as seen from the front; the renderer draws each differently. */
public enum HairLength {
    /** Clipped close to the scalp (about 1 cm or less). */
    BUZZ,
    /** Short: ears and neck free. */
    SHORT,
    /** Falls beside the face to about the jaw. */
    CHIN,
    /** Falls to the shoulders. */
    SHOULDER,
    /** Falls past the shoulders. */
    LONG;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HairLength fromCsv(String value) {
        return Csv.enumValue("hair_length", value, values());
    }
}
