package io.callface.stream.inference;

import io.callface.model.ModelContract;
import java.util.Arrays;
import java.util.Objects;

/**
 * One face from the decoder. Arrays are copied in and out, so the record stays immutable.
 *
 * @param imageChw  RGB image, planar {@code [3, height, width]} (index {@code (c * height + y) * width + x}),
 *                  values in [0, 1]
 * @param height    image height H
 * @param width     image width W
 * @param landmarks 68 iBUG points as {@code x0, y0, x1, y1, ...} in [0, 1] image coordinates (x right, y down)
 */
public record DecodedFace(float[] imageChw, int height, int width, float[] landmarks) {
    /** Number of floats in {@link #landmarks()}: 68 points times (x, y). */
    public static final int LANDMARK_FLOATS = ModelContract.LANDMARK_COUNT * 2;

    public DecodedFace {
        Objects.requireNonNull(imageChw, "imageChw");
        Objects.requireNonNull(landmarks, "landmarks");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("height and width must be positive, got " + height + "x" + width);
        }
        long expected = (long) ModelContract.IMAGE_CHANNELS * height * width;
        if (imageChw.length != expected) {
            throw new IllegalArgumentException("imageChw has " + imageChw.length + " floats, expected 3 x "
                    + height + " x " + width + " = " + expected);
        }
        if (landmarks.length != LANDMARK_FLOATS) {
            throw new IllegalArgumentException("landmarks has " + landmarks.length + " floats, expected "
                    + LANDMARK_FLOATS);
        }
        imageChw = imageChw.clone();
        landmarks = landmarks.clone();
    }

    @Override
    public float[] imageChw() {
        return imageChw.clone();
    }

    @Override
    public float[] landmarks() {
        return landmarks.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecodedFace face && height == face.height && width == face.width
                && Arrays.equals(imageChw, face.imageChw) && Arrays.equals(landmarks, face.landmarks);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hash(height, width) + Arrays.hashCode(imageChw)) + Arrays.hashCode(landmarks);
    }

    @Override
    public String toString() {
        return "DecodedFace[" + height + "x" + width + "]";
    }
}
