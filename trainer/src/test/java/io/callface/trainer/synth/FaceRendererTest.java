package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.stream.synth.VoiceTraits;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaceRendererTest {
    /** Per-channel tolerance for interior pixels (anti-aliasing never reaches the centre of a region). */
    private static final int COLOUR_TOLERANCE = 10;
    private static final double GEOMETRY_TOLERANCE = 1e-5;

    private static final Color SKIN = new Color(224, 172, 130);
    private static final Color HAIR = new Color(40, 30, 25);
    private static final Color EYES = new Color(70, 110, 170);
    private static final Color LIPS = new Color(170, 70, 80);

    private static IdentityTraits traits(FaceShape shape) {
        VoiceTraits voice = new VoiceTraits(120, 17, 0.005, 0.04, 4.5, 0.2);
        return new IdentityTraits(Sex.MALE, 40, Ancestry.EUROPEAN, voice, shape, new Pigmentation(SKIN, HAIR, EYES, LIPS));
    }

    private static FaceShape averageShape() {
        return new FaceShape(0.78, 0.76, 0.25, 0.45, 0.09);
    }

    private static double x(float[] l, int i) {
        return l[2 * i];
    }

    private static double y(float[] l, int i) {
        return l[2 * i + 1];
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 128})
    void imageHasRequestedSize(int size) {
        RenderedFace face = new FaceRenderer(size).render(traits(averageShape()));
        assertThat(face.image().getWidth()).isEqualTo(size);
        assertThat(face.image().getHeight()).isEqualTo(size);
        assertThat(face.landmarks136()).hasSize(136);
    }

    @Test
    void landmarksLieInsideTheImageInIbugArrangementForManyIdentities() {
        FaceRenderer renderer = new FaceRenderer();
        Random random = new Random(3);
        for (int n = 0; n < 300; n++) {
            float[] l = renderer.render(Population.sample(random)).landmarks136();
            for (float v : l) {
                assertThat(v).isBetween(0f, 1f);
            }
            // Jaw runs from image left (0) over the chin (8, lowest) to image right (16).
            for (int i = 0; i < 16; i++) {
                assertThat(x(l, i + 1)).isGreaterThanOrEqualTo(x(l, i) - GEOMETRY_TOLERANCE);
            }
            for (int i = 0; i <= 16; i++) {
                assertThat(y(l, 8)).isGreaterThanOrEqualTo(y(l, i));
            }
            // Left eye (36-41) left of right eye (42-47); brows above eyes.
            assertThat(x(l, 39)).isLessThan(x(l, 42));
            assertThat(x(l, 36)).isLessThan(x(l, 39));
            assertThat(x(l, 42)).isLessThan(x(l, 45));
            assertThat(Math.max(y(l, 19), y(l, 24))).isLessThan(Math.min(y(l, 37), y(l, 44)));
            // Nose between the eyes and the mouth, and horizontally between the inner eye corners.
            double eyeLine = (y(l, 36) + y(l, 45)) / 2;
            assertThat(y(l, 30)).isGreaterThan(eyeLine).isLessThan(y(l, 51));
            assertThat(y(l, 33)).isLessThan(y(l, 51));
            assertThat(x(l, 30)).isBetween(x(l, 39), x(l, 42));
            // Mouth: corners outside the inner points, upper lip above lower lip, all above the chin.
            assertThat(x(l, 48)).isLessThan(x(l, 60));
            assertThat(x(l, 54)).isGreaterThan(x(l, 64));
            assertThat(y(l, 51)).isLessThan(y(l, 57));
            assertThat(y(l, 57)).isLessThan(y(l, 8));
        }
    }

    @Test
    void landmarksFollowTheFaceShapeParameters() {
        FaceShape base = averageShape();
        float[] l = new FaceRenderer().render(traits(base)).landmarks136();
        double faceWidth = x(l, 16) - x(l, 0);
        double faceHeight = FaceLayout.HEIGHT;
        assertThat(faceWidth / faceHeight).isCloseTo(base.aspect(), org.assertj.core.data.Offset.offset(1e-4));
        double eyeCentres = (x(l, 42) + x(l, 45)) / 2 - (x(l, 36) + x(l, 39)) / 2;
        assertThat(eyeCentres / faceWidth).isCloseTo(base.eyeSpacing(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat((x(l, 35) - x(l, 31)) / faceWidth).isCloseTo(base.noseWidth(), org.assertj.core.data.Offset.offset(1e-4));

        float[] wideJaw = new FaceRenderer().render(traits(new FaceShape(0.78, 0.9, 0.25, 0.45, 0.09))).landmarks136();
        assertThat(x(wideJaw, 12) - x(wideJaw, 4)).isGreaterThan(x(l, 12) - x(l, 4));
        float[] fullLips = new FaceRenderer().render(traits(new FaceShape(0.78, 0.76, 0.25, 0.45, 0.11))).landmarks136();
        assertThat(y(fullLips, 57) - y(fullLips, 51)).isGreaterThan(y(l, 57) - y(l, 51));
    }

    @Test
    void pixelsAtLandmarkRegionsHaveTheIntendedColours() {
        int size = 128;
        RenderedFace face = new FaceRenderer(size).render(traits(averageShape()));
        BufferedImage image = face.image();
        float[] l = face.landmarks136();
        // Cheek: below the outer eye corner, at nose-tip height.
        assertColour(image, size, x(l, 41), y(l, 30), SKIN);
        // Lower lip middle.
        assertColour(image, size, x(l, 57), (y(l, 57) + y(l, 66)) / 2, LIPS);
        // Hair: on the midline between the top of the face and the brows' top.
        assertColour(image, size, 0.5, FaceLayout.TOP + 0.05, HAIR);
        // Background corner.
        assertColour(image, size, 0.02, 0.02, FaceRenderer.BACKGROUND);
        // Eyes: some pixel inside each eye's landmark box has the eye colour, and the sclera shows too.
        for (int first : new int[] {36, 42}) {
            assertThat(regionContains(image, size, l, first, EYES)).as("iris colour in eye " + first).isTrue();
            assertThat(regionContains(image, size, l, first, FaceRenderer.SCLERA)).as("sclera in eye " + first).isTrue();
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new FaceRenderer(8));
        assertThrows(IllegalArgumentException.class, () -> new FaceRenderer(5000));
    }

    private static void assertColour(BufferedImage image, int size, double x, double y, Color expected) {
        Color actual = new Color(image.getRGB((int) (x * size), (int) (y * size)));
        assertThat(close(actual, expected)).as("pixel at (%.3f, %.3f) is %s, expected %s", x, y, actual, expected).isTrue();
    }

    private static boolean regionContains(BufferedImage image, int size, float[] l, int first, Color expected) {
        int x0 = (int) (x(l, first) * size);
        int x1 = (int) (x(l, first + 3) * size);
        int y0 = (int) (y(l, first + 1) * size);
        int y1 = (int) (y(l, first + 4) * size);
        for (int py = y0; py <= y1; py++) {
            for (int px = x0; px <= x1; px++) {
                if (close(new Color(image.getRGB(px, py)), expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= COLOUR_TOLERANCE
                && Math.abs(a.getGreen() - b.getGreen()) <= COLOUR_TOLERANCE
                && Math.abs(a.getBlue() - b.getBlue()) <= COLOUR_TOLERANCE;
    }
}
