package io.callface.trainer.synth;

/**
 * The face's further sexually dimorphic and ancestry-dependent proportions, beyond {@link FaceShape}; the renderer
 * draws exactly these.
 *
 * @param chinHeight    mouth line to chin / face height, {@value #MIN_CHIN}-{@value #MAX_CHIN}
 * @param browRidge     supraorbital (brow-ridge) prominence, drawn as shadow under the brows, 0-1
 * @param browThickness brow thickness / face height, {@value #MIN_BROW_THICKNESS}-{@value #MAX_BROW_THICKNESS}
 * @param browHeight    brow line above the eye line / face height, {@value #MIN_BROW_HEIGHT}-{@value #MAX_BROW_HEIGHT}
 * @param eyeOpening    palpebral fissure height / width, {@value #MIN_EYE_OPENING}-{@value #MAX_EYE_OPENING}
 */
public record FaceDetail(double chinHeight, double browRidge, double browThickness, double browHeight,
                         double eyeOpening) {
    public static final double MIN_CHIN = 0.15;
    public static final double MAX_CHIN = 0.26;
    public static final double MIN_BROW_THICKNESS = 0.006;
    public static final double MAX_BROW_THICKNESS = 0.04;
    public static final double MIN_BROW_HEIGHT = 0.05;
    public static final double MAX_BROW_HEIGHT = 0.14;
    public static final double MIN_EYE_OPENING = 0.22;
    public static final double MAX_EYE_OPENING = 0.48;
    /** The proportions of the old fixed layout: chin 0.2, brow 0.09 above the eyes, eyes 0.38 open. */
    public static final FaceDetail AVERAGE = new FaceDetail(0.2, 0.4, 0.02, 0.09, 0.38);

    public FaceDetail {
        Ranges.require("chinHeight", chinHeight, MIN_CHIN, MAX_CHIN);
        Ranges.require("browRidge", browRidge, 0, 1);
        Ranges.require("browThickness", browThickness, MIN_BROW_THICKNESS, MAX_BROW_THICKNESS);
        Ranges.require("browHeight", browHeight, MIN_BROW_HEIGHT, MAX_BROW_HEIGHT);
        Ranges.require("eyeOpening", eyeOpening, MIN_EYE_OPENING, MAX_EYE_OPENING);
    }
}
