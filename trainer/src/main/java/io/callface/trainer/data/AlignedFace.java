package io.callface.trainer.data;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A photo aligned to the {@link CanonicalFrame} by {@link FaceAligner}.
 *
 * @param image          the square crop, {@code TYPE_INT_RGB}
 * @param landmarks136   the photo's 68 points mapped into the crop as {@code x0, y0, ..., x67, y67} in [0,1] crop
 *                       coordinates; empty when the photo had only the 5 anchors. Not clamped: a point outside
 *                       [0,1] (a jaw beyond the crop, or bad landmarks) is returned as it is, for the caller to
 *                       judge. Copied in and out.
 * @param residualPixels root-mean-square distance, in crop pixels, between the photo's anchors mapped into the
 *                       crop and the canonical anchors: small for a face of usual proportions, large for bad
 *                       landmarks
 */
public record AlignedFace(BufferedImage image, Optional<float[]> landmarks136, double residualPixels) {
    public AlignedFace {
        if (image == null || landmarks136 == null) {
            throw new IllegalArgumentException("image, landmarks136: must not be null");
        }
        if (landmarks136.isPresent() && landmarks136.get().length != 2 * FaceLandmarks.FULL_SET) {
            throw new IllegalArgumentException("landmarks136: expected " + 2 * FaceLandmarks.FULL_SET + " values, got "
                    + landmarks136.get().length);
        }
        if (!(residualPixels >= 0) || Double.isInfinite(residualPixels)) {
            throw new IllegalArgumentException("residualPixels: " + residualPixels + " is not a finite distance");
        }
        landmarks136 = landmarks136.map(float[]::clone);
    }

    @Override
    public Optional<float[]> landmarks136() {
        return landmarks136.map(float[]::clone);
    }
}
