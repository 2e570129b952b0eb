package io.callface.trainer.synth;

import java.awt.image.BufferedImage;

/**
 * A rendered canonical face and its 68 iBUG landmarks as {@code x0, y0, ..., x67, y67} in [0,1] image
 * coordinates (x right, y down). The landmark array is copied in and out.
 */
public record RenderedFace(BufferedImage image, float[] landmarks136) {
    public static final int LANDMARK_VALUES = 136;

    public RenderedFace {
        if (image == null) {
            throw new IllegalArgumentException("image: must not be null");
        }
        if (landmarks136 == null || landmarks136.length != LANDMARK_VALUES) {
            throw new IllegalArgumentException("landmarks136: expected " + LANDMARK_VALUES + " values, got "
                    + (landmarks136 == null ? "null" : landmarks136.length));
        }
        landmarks136 = landmarks136.clone();
    }

    @Override
    public float[] landmarks136() {
        return landmarks136.clone();
    }
}
