package io.callface.model.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FaceMeasuresCalculatorTest {
    /** float32 landmarks and results against hand-computed decimals. */
    private static final float TOLERANCE = 1e-5f;

    /** Every point the measures use, at hand-picked positions; all others at the centre. */
    private static float[] knownFace() {
        float[] landmarks = new float[136];
        Arrays.fill(landmarks, 0.5f);
        set(landmarks, 0, 0.1f, 0.4f);
        set(landmarks, 16, 0.9f, 0.4f);
        set(landmarks, 19, 0.3f, 0.2f);
        set(landmarks, 24, 0.7f, 0.2f);
        set(landmarks, 8, 0.5f, 0.9f);
        set(landmarks, 4, 0.2f, 0.7f);
        set(landmarks, 12, 0.8f, 0.7f);
        set(landmarks, 27, 0.5f, 0.35f);
        set(landmarks, 31, 0.4f, 0.55f);
        set(landmarks, 32, 0.45f, 0.58f);
        set(landmarks, 33, 0.5f, 0.6f);
        set(landmarks, 34, 0.55f, 0.58f);
        set(landmarks, 35, 0.6f, 0.55f);
        set(landmarks, 51, 0.5f, 0.68f);
        set(landmarks, 36, 0.2f, 0.35f);
        set(landmarks, 39, 0.4f, 0.35f);
        set(landmarks, 42, 0.6f, 0.35f);
        set(landmarks, 45, 0.8f, 0.35f);
        set(landmarks, 48, 0.35f, 0.75f);
        set(landmarks, 54, 0.65f, 0.75f);
        return landmarks;
    }

    private static void set(float[] landmarks, int point, float x, float y) {
        landmarks[2 * point] = x;
        landmarks[2 * point + 1] = y;
    }

    @Test
    void computesHandCalculatedMeasures() {
        FaceMeasurements m = FaceMeasuresCalculator.compute(knownFace());

        // W = 0.8; face height = |(0.5, 0.2) - (0.5, 0.9)| = 0.7
        assertThat(m.faceWidthToHeight()).isCloseTo(0.8f / 0.7f, within(TOLERANCE));
        assertThat(m.jawWidth()).isCloseTo(0.75f, within(TOLERANCE));
        assertThat(m.noseWidth()).isCloseTo(0.25f, within(TOLERANCE));
        assertThat(m.noseHeight()).isCloseTo(0.3125f, within(TOLERANCE));
        assertThat(m.nasalIndex()).isCloseTo(0.8f, within(TOLERANCE));
        assertThat(m.upperLipHeight()).isCloseTo(0.1f, within(TOLERANCE));
        assertThat(m.intercanthalIndex()).isCloseTo(1f / 3f, within(TOLERANCE));
        assertThat(m.mouthFaceWidthIndex()).isCloseTo(0.375f, within(TOLERANCE));
        // nose polygon: triangle 27-31-35 (0.02) plus the strip 31..35 below y = 0.55 (0.0055), over W^2 = 0.64
        assertThat(m.noseArea()).isCloseTo(0.0255f / 0.64f, within(TOLERANCE));
    }

    @Test
    void measuresDoNotChangeWhenTheFaceIsScaledAndMoved() {
        float[] face = knownFace();
        float[] moved = new float[face.length];
        for (int i = 0; i < face.length; i++) {
            moved[i] = face[i] * 0.5f + (i % 2 == 0 ? 0.2f : 0.1f);
        }

        FaceMeasurements original = FaceMeasuresCalculator.compute(face);
        FaceMeasurements transformed = FaceMeasuresCalculator.compute(moved);

        assertSameMeasures(transformed, original);
    }

    @Test
    void scalesXByWidthAndYByHeightForNonSquareImages() {
        float[] face = knownFace();
        float[] pixels = new float[face.length];
        for (int i = 0; i < face.length; i++) {
            pixels[i] = face[i] * (i % 2 == 0 ? 200f : 100f);
        }

        FaceMeasurements fromImage = FaceMeasuresCalculator.compute(face, 100, 200);
        FaceMeasurements fromPixels = FaceMeasuresCalculator.compute(pixels);

        assertSameMeasures(fromImage, fromPixels);
        // W = 160 px, face height = 70 px
        assertThat(fromImage.faceWidthToHeight()).isCloseTo(160f / 70f, within(TOLERANCE));
    }

    @Test
    void rejectsAZeroFaceWidthNamingTheMeasure() {
        float[] face = knownFace();
        set(face, 16, 0.1f, 0.4f);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceMeasuresCalculator.compute(face));

        assertThat(e.getMessage()).contains("jawWidth").contains("face width").contains("degenerate");
    }

    @Test
    void rejectsANaNLandmarkNamingTheMeasureThatUsesIt() {
        float[] face = knownFace();
        set(face, 31, Float.NaN, 0.55f);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceMeasuresCalculator.compute(face));

        assertThat(e.getMessage()).contains("noseWidth").contains("not finite");
    }

    @Test
    void rejectsCollapsedEyesNamingIntercanthalIndex() {
        float[] face = knownFace();
        set(face, 45, 0.2f, 0.35f);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceMeasuresCalculator.compute(face));

        assertThat(e.getMessage()).contains("intercanthalIndex").contains("|p36-p45|");
    }

    private static void assertSameMeasures(FaceMeasurements actual, FaceMeasurements expected) {
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType((a, b) -> Math.abs(a - b) <= TOLERANCE ? 0 : Float.compare(a, b), Float.class)
                .isEqualTo(expected);
    }

    @Test
    void rejectsTheWrongNumberOfFloats() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceMeasuresCalculator.compute(new float[134]));

        assertThat(e.getMessage()).contains("136").contains("134");
    }
}
