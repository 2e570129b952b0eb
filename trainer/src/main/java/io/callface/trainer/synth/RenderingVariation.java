package io.callface.trainer.synth;

import static io.callface.audio.synth.VoiceTraits.clamp;

import java.util.Random;

/**
 * How one rendering of a face departs from the canonical one (frontal, neutral, evenly lit): the small pose,
 * light, expression and hair changes of the face stage's several images per identity.
 *
 * @param yawDegrees         head turn about the vertical axis, +-{@value #MAX_YAW} (positive: nose towards image right)
 * @param rollDegrees        head tilt in the image plane, +-{@value #MAX_ROLL}
 * @param scale              head size relative to the canonical, {@value #MIN_SCALE}-{@value #MAX_SCALE}
 * @param shiftX             horizontal shift in image widths, +-{@value #MAX_SHIFT}
 * @param shiftY             vertical shift in image heights, +-{@value #MAX_SHIFT}
 * @param lightDegrees       direction the key light comes from, in the image plane (0 = from the right, 90 = from above)
 * @param lightStrength      how much brighter the lit side is than the shaded side, 0-1
 * @param colourTemperature  white balance, -1 (cool, bluish) to +1 (warm, reddish)
 * @param smile              0 (neutral) to 1 (broad closed-mouth smile)
 * @param browRaise          0 (neutral) to 1 (brows raised)
 * @param hairShift          small change of hair volume and fringe, -1 to 1
 */
public record RenderingVariation(double yawDegrees, double rollDegrees, double scale, double shiftX, double shiftY,
                                 double lightDegrees, double lightStrength, double colourTemperature, double smile,
                                 double browRaise, double hairShift) {
    public static final double MAX_YAW = 15;
    public static final double MAX_ROLL = 10;
    public static final double MIN_SCALE = 0.9;
    public static final double MAX_SCALE = 1.1;
    public static final double MAX_SHIFT = 0.04;
    /** The canonical rendering: no change at all. */
    public static final RenderingVariation CANONICAL = new RenderingVariation(0, 0, 1, 0, 0, 90, 0, 0, 0, 0, 0);

    public RenderingVariation {
        Ranges.require("yawDegrees", yawDegrees, -MAX_YAW, MAX_YAW);
        Ranges.require("rollDegrees", rollDegrees, -MAX_ROLL, MAX_ROLL);
        Ranges.require("scale", scale, MIN_SCALE, MAX_SCALE);
        Ranges.require("shiftX", shiftX, -MAX_SHIFT, MAX_SHIFT);
        Ranges.require("shiftY", shiftY, -MAX_SHIFT, MAX_SHIFT);
        Ranges.require("lightDegrees", lightDegrees, -360, 360);
        Ranges.require("lightStrength", lightStrength, 0, 1);
        Ranges.require("colourTemperature", colourTemperature, -1, 1);
        Ranges.require("smile", smile, 0, 1);
        Ranges.require("browRaise", browRaise, 0, 1);
        Ranges.require("hairShift", hairShift, -1, 1);
    }

    /**
     * A random small variation: yaw sd 6 degrees, roll sd 4, scale sd 0.04, shifts sd 0.015 (all clipped to the
     * ranges), light from any direction at strength U(0, 0.6), white balance sd 0.4, a smile in 40 % and a brow
     * raise in 25 % of renderings; deterministic for the state of {@code random}.
     */
    public static RenderingVariation random(Random random) {
        double yaw = clamp(6 * random.nextGaussian(), -MAX_YAW, MAX_YAW);
        double roll = clamp(4 * random.nextGaussian(), -MAX_ROLL, MAX_ROLL);
        double scale = clamp(1 + 0.04 * random.nextGaussian(), MIN_SCALE, MAX_SCALE);
        double shiftX = clamp(0.015 * random.nextGaussian(), -MAX_SHIFT, MAX_SHIFT);
        double shiftY = clamp(0.015 * random.nextGaussian(), -MAX_SHIFT, MAX_SHIFT);
        double light = 360 * random.nextDouble() - 180;
        double strength = 0.6 * random.nextDouble();
        double temperature = clamp(0.4 * random.nextGaussian(), -1, 1);
        double smile = random.nextDouble() < 0.4 ? 0.2 + 0.8 * random.nextDouble() : 0;
        double raise = random.nextDouble() < 0.25 ? 0.2 + 0.8 * random.nextDouble() : 0;
        double hair = clamp(0.5 * random.nextGaussian(), -1, 1);
        return new RenderingVariation(yaw, roll, scale, shiftX, shiftY, light, strength, temperature, smile, raise, hair);
    }
}
