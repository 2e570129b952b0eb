package io.callface.trainer.eval;

import io.callface.trainer.synth.FaceShape;

/**
 * The face-shape classes an avatar kit draws, from the face's width-to-height ratio ({@link FaceShape#aspect()}) and
 * its jaw-to-face width ratio ({@link FaceShape#jawWidth()}). The cut points lie near the quartiles of the default
 * synthetic world's adults (aspect 0.78 and 0.82, the jaw's upper quartile 0.81), so each class holds a sizeable share.
 */
public enum FaceShapeClass {
    /** Narrow for its height: aspect below {@value #LONG_BELOW}. */
    LONG,
    /** Broad jaw: jaw ratio at least {@value #SQUARE_FROM}. */
    SQUARE,
    /** Broad face with a narrower jaw: aspect at least {@value #ROUND_FROM}. */
    ROUND,
    /** Everything between. */
    OVAL;

    static final double LONG_BELOW = 0.78;
    static final double SQUARE_FROM = 0.81;
    static final double ROUND_FROM = 0.82;

    public static FaceShapeClass of(FaceShape face) {
        if (face.aspect() < LONG_BELOW) {
            return LONG;
        }
        if (face.jawWidth() >= SQUARE_FROM) {
            return SQUARE;
        }
        return face.aspect() >= ROUND_FROM ? ROUND : OVAL;
    }
}
