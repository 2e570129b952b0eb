package io.callface.trainer.synth;

import java.util.Locale;

/** Hair curl, the four broad classes of De la Mettrie et al. 2007 (Hum Biol 79:265) merged from their eight. */
public enum HairTexture {
    STRAIGHT, WAVY, CURLY, COILY;

    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HairTexture fromCsv(String value) {
        return Csv.enumValue("hair_texture", value, values());
    }
}
