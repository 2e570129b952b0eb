package io.callface.model.features;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Mean sRGB colours of four face regions, each {@code "#rrggbb"} in lower case (see {@link ColourSampler}).
 * Field names match the Avro record {@code io.callface.avro.FaceColours}.
 */
public record FaceColourSet(String skin, String hair, String lips, String eyes) {
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-f]{6}");

    public FaceColourSet {
        requireHex("skin", skin);
        requireHex("hair", hair);
        requireHex("lips", lips);
        requireHex("eyes", eyes);
    }

    private static void requireHex(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!HEX_COLOUR.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must look like #rrggbb (lower case), got '" + value + "'");
        }
    }
}
