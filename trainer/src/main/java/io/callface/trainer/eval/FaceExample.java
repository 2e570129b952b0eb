package io.callface.trainer.eval;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One row of the paper's Figure 3 for a test identity: its true face, the face decoded from the true face
 * feature {@code v_f} (the decoder's best) and the face decoded from 6 s of its speech {@code v_s}. The
 * images are the caller's to read, not to change.
 */
public record FaceExample(String identity, BufferedImage truth, BufferedImage fromFaceFeature, BufferedImage fromSpeech) {
    public FaceExample {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(fromFaceFeature, "fromFaceFeature");
        Objects.requireNonNull(fromSpeech, "fromSpeech");
    }

    /** An RGB image from channel-major floats {@code [3, size, size]} in [0, 1]. */
    public static BufferedImage toImage(float[] chw, int size) {
        int plane = size * size;
        if (chw.length != 3 * plane) {
            throw new IllegalArgumentException("image has " + chw.length + " floats, expected 3 x " + size + " x " + size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                image.setRGB(x, y, (channel(chw[i]) << 16) | (channel(chw[plane + i]) << 8) | channel(chw[2 * plane + i]));
            }
        }
        return image;
    }

    private static int channel(float v) {
        return Math.round(Math.min(1f, Math.max(0f, v)) * 255);
    }
}
