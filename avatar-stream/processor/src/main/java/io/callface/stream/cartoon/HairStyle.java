package io.callface.stream.cartoon;

import io.callface.avro.HairLengthClass;

/** How the hair in front is cut: by length class, and for short hair by the face's perceived sex. */
enum HairStyle {
    /** Clipped close: a thin cap that shows the scalp's shape. */
    BUZZ,
    /** Short with volume and a side part. */
    SIDE_PART,
    /** Short, swept across the forehead. */
    PIXIE,
    /** Parted in the middle and falling beside the face (chin length and longer). */
    CURTAINS;

    static HairStyle of(HairLengthClass length, double maleProbability) {
        return switch (length) {
            case BUZZ -> BUZZ;
            case SHORT -> maleProbability >= 0.5 ? SIDE_PART : PIXIE;
            case CHIN, SHOULDER, LONG -> CURTAINS;
        };
    }
}
