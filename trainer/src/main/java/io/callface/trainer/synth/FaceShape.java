package io.callface.trainer.synth;

/**
 * Face shape of a synthetic identity as dimensionless proportions; {@link FaceRenderer} draws exactly these.
 *
 * @param aspect      face width / face height (forehead top to chin), {@value #MIN_ASPECT}-{@value #MAX_ASPECT}
 * @param jawWidth    jaw width at mouth level / face width, {@value #MIN_JAW}-{@value #MAX_JAW}
 * @param noseWidth   nose (alar) width / face width, {@value #MIN_NOSE}-{@value #MAX_NOSE}
 * @param eyeSpacing  distance between the eye centres / face width, {@value #MIN_EYES}-{@value #MAX_EYES}
 * @param lipFullness total lip (vermilion) height / face height, {@value #MIN_LIPS}-{@value #MAX_LIPS}
 */
public record FaceShape(double aspect, double jawWidth, double noseWidth, double eyeSpacing, double lipFullness) {
    public static final double MIN_ASPECT = 0.65;
    public static final double MAX_ASPECT = 0.95;
    public static final double MIN_JAW = 0.6;
    public static final double MAX_JAW = 0.95;
    public static final double MIN_NOSE = 0.18;
    public static final double MAX_NOSE = 0.40;
    public static final double MIN_EYES = 0.36;
    public static final double MAX_EYES = 0.52;
    public static final double MIN_LIPS = 0.04;
    public static final double MAX_LIPS = 0.14;

    public FaceShape {
        Ranges.require("aspect", aspect, MIN_ASPECT, MAX_ASPECT);
        Ranges.require("jawWidth", jawWidth, MIN_JAW, MAX_JAW);
        Ranges.require("noseWidth", noseWidth, MIN_NOSE, MAX_NOSE);
        Ranges.require("eyeSpacing", eyeSpacing, MIN_EYES, MAX_EYES);
        Ranges.require("lipFullness", lipFullness, MIN_LIPS, MAX_LIPS);
    }
}
