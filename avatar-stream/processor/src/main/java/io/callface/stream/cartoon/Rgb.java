package io.callface.stream.cartoon;

import java.util.Locale;
import java.util.regex.Pattern;

/** An sRGB colour, channels 0-255, with the few operations a flat cartoon palette needs. */
record Rgb(int red, int green, int blue) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    Rgb {
        if (red < 0 || red > 255 || green < 0 || green > 255 || blue < 0 || blue > 255) {
            throw new IllegalArgumentException("channels must lie in 0-255, got " + red + ", " + green + ", " + blue);
        }
    }

    /** {@code #rrggbb} as a colour; {@code fallback} for anything else (a colour field is a free string). */
    static Rgb parse(String hex, Rgb fallback) {
        if (hex == null || !HEX.matcher(hex).matches()) {
            return fallback;
        }
        int value = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff);
    }

    static Rgb parse(String hex) {
        Rgb colour = parse(hex, null);
        if (colour == null) {
            throw new IllegalArgumentException("not a #rrggbb colour: '" + hex + "'");
        }
        return colour;
    }

    /** The colour {@code share} of the way towards {@code other} (0 this, 1 other). */
    Rgb mix(Rgb other, double share) {
        double t = Math.max(0, Math.min(1, share));
        return new Rgb(blend(red, other.red, t), blend(green, other.green, t), blend(blue, other.blue, t));
    }

    /** Shaded towards black by {@code share}, for shadows and lines drawn in the colour's own hue. */
    Rgb darker(double share) {
        return mix(new Rgb(0, 0, 0), share);
    }

    String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static int blend(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
