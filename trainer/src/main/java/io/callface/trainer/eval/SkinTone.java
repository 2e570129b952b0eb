package io.callface.trainer.eval;

import java.awt.Color;

/**
 * Skin tone on the individual typology angle (ITA) scale, an objective light-to-dark measure from colorimetry:
 * {@code ITA = atan2(L* - 50, b*) * 180 / pi} in degrees, with {@code L*} and {@code b*} the CIE 1976 L*a*b*
 * coordinates of the skin colour (sRGB, D65 white). Higher is lighter; the classes of the model contract
 * ({@link io.callface.model.AttributeContract.SkinToneCategory}) follow Chardon, Cretois &amp; Hourseau (1991, Int J
 * Cosmet Sci 13:191) and Del Bino &amp; Bernerd (2013, Br J Dermatol 169 Suppl 3:33).
 * It names a colour, never a group of people, which is why callface may publish it.
 */
public final class SkinTone {
    private SkinTone() {
    }

    /** The ITA in degrees of an sRGB colour. */
    public static double itaDegrees(Color colour) {
        double[] lab = lab(colour);
        return Math.toDegrees(Math.atan2(lab[0] - 50, lab[2]));
    }

    /** CIE L*a*b* (D65) of an sRGB colour: {@code {L*, a*, b*}}. */
    static double[] lab(Color colour) {
        double r = linear(colour.getRed());
        double g = linear(colour.getGreen());
        double b = linear(colour.getBlue());
        // sRGB to XYZ (IEC 61966-2-1), each over the D65 white's coordinate.
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }
}
