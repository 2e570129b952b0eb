package io.callface.trainer.eval;

/**
 * The decoder's two outputs for one face feature: the image {@code [3, H, W]} in [0, 1] and 68 landmarks
 * {@code x0, y0, ..., x67, y67} in [0, 1] image coordinates. Accessors return copies.
 */
public record DecodedFace(float[] image, float[] landmarks) {
    public DecodedFace {
        image = image.clone();
        landmarks = landmarks.clone();
    }

    @Override
    public float[] image() {
        return image.clone();
    }

    @Override
    public float[] landmarks() {
        return landmarks.clone();
    }
}
