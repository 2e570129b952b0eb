package io.callface.trainer.data;

/**
 * Where the five anchors of {@link FaceLandmarks#anchors()} lie in the decoder's canonical crop, in [0,1] crop
 * coordinates (x right, y down): the synthetic world's frame, so that real photos are aligned to the faces the
 * decoder learns to draw.
 *
 * <p>Derived, not chosen: each value is the mean of that anchor over 20 000 canonical faces (identities drawn by
 * {@link io.callface.trainer.synth.Population#sample} from {@code new Random(1)}, landmarks from the frontal,
 * neutral {@link io.callface.trainer.synth.FaceRenderer#render(io.callface.trainer.synth.IdentityTraits)}),
 * rounded to 3 decimals; {@code CanonicalFrameTest} recomputes it. Across identities the eye centres vary by about
 * 0.008 in x and the mouth corners by 0.004 in x and 0.010 in y; the eye line and the nose tip are the same for
 * every synthetic face (44 % and 64 % of the face height).
 */
public final class CanonicalFrame {
    public static final double LEFT_EYE_X = 0.371;
    public static final double LEFT_EYE_Y = 0.458;
    public static final double RIGHT_EYE_X = 0.629;
    public static final double RIGHT_EYE_Y = 0.458;
    public static final double NOSE_TIP_X = 0.500;
    public static final double NOSE_TIP_Y = 0.598;
    public static final double LEFT_MOUTH_X = 0.393;
    public static final double LEFT_MOUTH_Y = 0.708;
    public static final double RIGHT_MOUTH_X = 0.607;
    public static final double RIGHT_MOUTH_Y = 0.708;

    private CanonicalFrame() {
    }

    /** The anchors as {@code {x, y}} pairs in a crop of {@code size} pixels (continuous pixel coordinates). */
    public static double[][] anchors(int size) {
        return new double[][] {
                {LEFT_EYE_X * size, LEFT_EYE_Y * size},
                {RIGHT_EYE_X * size, RIGHT_EYE_Y * size},
                {NOSE_TIP_X * size, NOSE_TIP_Y * size},
                {LEFT_MOUTH_X * size, LEFT_MOUTH_Y * size},
                {RIGHT_MOUTH_X * size, RIGHT_MOUTH_Y * size}};
    }
}
