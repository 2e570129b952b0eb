package io.callface.model.features;

/**
 * Craniofacial measures of one face, all scale-free (see {@link FaceMeasuresCalculator} for the formulas).
 * Field names match the Avro record {@code io.callface.avro.FaceMeasures}.
 */
public record FaceMeasurements(
        float faceWidthToHeight,
        float jawWidth,
        float noseWidth,
        float noseHeight,
        float nasalIndex,
        float upperLipHeight,
        float intercanthalIndex,
        float mouthFaceWidthIndex,
        float noseArea) {

    public FaceMeasurements {
        requireFiniteNonNegative("faceWidthToHeight", faceWidthToHeight);
        requireFiniteNonNegative("jawWidth", jawWidth);
        requireFiniteNonNegative("noseWidth", noseWidth);
        requireFiniteNonNegative("noseHeight", noseHeight);
        requireFiniteNonNegative("nasalIndex", nasalIndex);
        requireFiniteNonNegative("upperLipHeight", upperLipHeight);
        requireFiniteNonNegative("intercanthalIndex", intercanthalIndex);
        requireFiniteNonNegative("mouthFaceWidthIndex", mouthFaceWidthIndex);
        requireFiniteNonNegative("noseArea", noseArea);
    }

    private static void requireFiniteNonNegative(String name, float value) {
        if (!Float.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }
}
