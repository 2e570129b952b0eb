package io.callface.stream.cartoon;

/**
 * What the cartoon draws on the chin and upper lip, from the attribute head's facial-hair probability: a full
 * beard and moustache when it finds facial hair at least 75 % likely, stubble (the same shape, faint) from 50 %, so
 * the drawing shows the head's doubt, and nothing below.
 */
enum FacialHair {
    NONE, STUBBLE, FULL;

    static FacialHair of(double probability) {
        if (probability >= 0.75) {
            return FULL;
        }
        return probability >= 0.5 ? STUBBLE : NONE;
    }
}
