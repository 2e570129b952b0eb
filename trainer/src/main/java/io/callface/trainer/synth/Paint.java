package io.callface.trainer.synth;

import java.awt.Color;

/** Colour arithmetic for the renderer. */
final class Paint {
    /** The colour fully grey hair takes (a silvery white). */
    static final Color GREY_HAIR = new Color(214, 212, 208);

    private Paint() {
    }

    static Color scale(Color colour, double factor) {
        return new Color(channel(colour.getRed() * factor), channel(colour.getGreen() * factor),
                channel(colour.getBlue() * factor));
    }

    /** {@code (1 - t) a + t b}. */
    static Color blend(Color a, Color b, double t) {
        return new Color(channel(a.getRed() + t * (b.getRed() - a.getRed())),
                channel(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                channel(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    static Color alpha(Color colour, double alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), channel(255 * alpha));
    }

    /** Hair with a share {@code grey} of grey hairs, as the eye mixes them. */
    static Color greyed(Color hair, double grey) {
        return blend(hair, GREY_HAIR, grey);
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
