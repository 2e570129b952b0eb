package io.callface.model.features;

import io.callface.model.ModelContract;
import java.util.Objects;

/** Reads points out of the packed landmark layout {@code x0, y0, x1, y1, ...} (68 iBUG points). */
final class Landmarks {
    static final int FLOATS = ModelContract.LANDMARK_COUNT * 2;

    private Landmarks() {
    }

    static void requireLength(float[] landmarks) {
        Objects.requireNonNull(landmarks, "landmarks");
        if (landmarks.length != FLOATS) {
            throw new IllegalArgumentException("landmarks must hold 68 (x, y) points = " + FLOATS
                    + " floats, has " + landmarks.length);
        }
    }

    static double x(float[] landmarks, int point) {
        return landmarks[2 * point];
    }

    static double y(float[] landmarks, int point) {
        return landmarks[2 * point + 1];
    }
}
