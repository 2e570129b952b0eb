package io.callface.trainer.synth;

import java.awt.Color;
import java.util.Locale;

/**
 * Natural colours of a synthetic identity: skin, hair (before greying, see {@link Ageing#greyShare()}), eyes and
 * lips. In the population model they depend on the ancestry group only ({@link PigmentModel}), so a voice in this
 * world, which carries no ancestry yet, cannot predict them; lips are derived from the skin tone.
 */
public record Pigmentation(Color skin, Color hair, Color eyes, Color lips) {
    public Pigmentation {
        requireOpaque("skin", skin);
        requireOpaque("hair", hair);
        requireOpaque("eyes", eyes);
        requireOpaque("lips", lips);
    }

    /** {@code #rrggbb}, as written in {@code identities.csv}. */
    public static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** Parses {@code #rrggbb}; throws {@link IllegalArgumentException} naming the field and value. */
    public static Color parseHex(String field, String value) {
        if (value == null || !value.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a #rrggbb colour");
        }
        return new Color(Integer.parseInt(value.substring(1), 16));
    }

    /** Lip colour for a skin tone: skin blended towards a muted red and slightly darkened. */
    public static Color lipsFor(Color skin) {
        return new Color(
                (int) Math.round((0.55 * skin.getRed() + 0.45 * 178) * 0.88),
                (int) Math.round((0.55 * skin.getGreen() + 0.45 * 72) * 0.88),
                (int) Math.round((0.55 * skin.getBlue() + 0.45 * 82) * 0.88));
    }

    private static void requireOpaque(String field, Color colour) {
        if (colour == null || colour.getAlpha() != 255) {
            throw new IllegalArgumentException(field + ": " + colour + " must be an opaque colour");
        }
    }
}
