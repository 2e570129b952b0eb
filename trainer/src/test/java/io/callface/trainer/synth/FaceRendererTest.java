package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.audio.synth.SpeakingStyle;
import io.callface.audio.synth.VoiceTraits;
import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaceRendererTest {
    private static final double GEOMETRY_TOLERANCE = 1e-5;

    private static final Color SKIN = new Color(224, 172, 130);
    private static final Color HAIR = new Color(40, 30, 25);
    private static final Color EYES = new Color(70, 110, 170);
    private static final Color LIPS = new Color(170, 70, 80);
    /** The colours a pixel can be classified as (shading changes brightness, not which of these is nearest). */
    private static final Map<String, Color> REGIONS = Map.of("skin", SKIN, "hair", HAIR, "iris", EYES, "lips", LIPS,
            "background", FaceRenderer.BACKGROUND, "sclera", FaceRenderer.SCLERA, "grey", Paint.GREY_HAIR);

    private static final Hair SHORT = new Hair(HairLength.SHORT, HairStyle.SIDE_PART, HairTexture.STRAIGHT, 1);

    private static IdentityTraits traits(FaceShape shape) {
        return traits(shape, SHORT, FacialHair.NONE, Ageing.NONE);
    }

    private static IdentityTraits traits(FaceShape shape, Hair hair, FacialHair facialHair, Ageing ageing) {
        VoiceTraits voice = new VoiceTraits(120, 17, 0.005, 0.04, 4.5, 0.2);
        return new IdentityTraits(Sex.MALE, 40, Ancestry.EUROPEAN, 0, voice, shape, FaceDetail.AVERAGE,
                new Pigmentation(SKIN, HAIR, EYES, LIPS), hair, facialHair, ageing,
                new SpeechHabits("english", 1, 0, SpeakingStyle.NEUTRAL));
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
    void defaultSizeIs128() {
        assertThat(new FaceRenderer().size()).isEqualTo(128);
        assertThat(CorpusSpec.defaults().faceSize()).isEqualTo(128);
    }

    @Test
    void landmarksLieInsideTheImageInIbugArrangementForManyIdentitiesAndVariations() {
        FaceRenderer renderer = new FaceRenderer(64);
        Random random = new Random(3);
        for (int n = 0; n < 300; n++) {
            IdentityTraits person = Population.sample(random);
            RenderingVariation variation = n % 2 == 0 ? RenderingVariation.CANONICAL : RenderingVariation.random(random);
            float[] l = renderer.render(person, variation).landmarks136();
            for (float v : l) {
                assertThat(v).isBetween(0f, 1f);
            }
            // Undo the roll so the arrangement can be checked upright.
            float[] u = upright(l, variation);
            // Jaw runs from image left (0) over the chin (8, lowest) to image right (16); a turned head may fold
            // its far-side contour back a little, as a real silhouette does.
            for (int i = 0; i < 16; i++) {
                double fold = variation == RenderingVariation.CANONICAL ? GEOMETRY_TOLERANCE : 0.01;
                assertThat(x(u, i + 1)).isGreaterThanOrEqualTo(x(u, i) - fold);
            }
            for (int i = 0; i <= 16; i++) {
                assertThat(y(u, 8)).isGreaterThanOrEqualTo(y(u, i) - GEOMETRY_TOLERANCE);
            }
            assertThat(x(u, 39)).isLessThan(x(u, 42));
            assertThat(x(u, 36)).isLessThan(x(u, 39));
            assertThat(x(u, 42)).isLessThan(x(u, 45));
            assertThat(Math.max(y(u, 19), y(u, 24))).isLessThan(Math.min(y(u, 37), y(u, 44)));
            double eyeLine = (y(u, 36) + y(u, 45)) / 2;
            assertThat(y(u, 30)).isGreaterThan(eyeLine).isLessThan(y(u, 51));
            assertThat(y(u, 33)).isLessThan(y(u, 51));
            assertThat(x(u, 30)).isBetween(x(u, 39), x(u, 42));
            assertThat(x(u, 48)).isLessThan(x(u, 60));
            assertThat(x(u, 54)).isGreaterThan(x(u, 64));
            assertThat(y(u, 51)).isLessThan(y(u, 57));
            assertThat(y(u, 57)).isLessThan(y(u, 8));
        }
    }

    @Test
    void landmarksFollowTheFaceShapeParameters() {
        FaceShape base = averageShape();
        float[] l = new FaceRenderer().render(traits(base)).landmarks136();
        double faceWidth = x(l, 16) - x(l, 0);
        assertThat(faceWidth / FaceLayout.HEIGHT).isCloseTo(base.aspect(), within(1e-4));
        double eyeCentres = (x(l, 42) + x(l, 45)) / 2 - (x(l, 36) + x(l, 39)) / 2;
        assertThat(eyeCentres / faceWidth).isCloseTo(base.eyeSpacing(), within(1e-4));
        assertThat((x(l, 35) - x(l, 31)) / faceWidth).isCloseTo(base.noseWidth(), within(1e-4));

        float[] wideJaw = new FaceRenderer().render(traits(new FaceShape(0.78, 0.9, 0.25, 0.45, 0.09))).landmarks136();
        assertThat(x(wideJaw, 12) - x(wideJaw, 4)).isGreaterThan(x(l, 12) - x(l, 4));
        float[] fullLips = new FaceRenderer().render(traits(new FaceShape(0.78, 0.76, 0.25, 0.45, 0.11))).landmarks136();
        assertThat(y(fullLips, 57) - y(fullLips, 51)).isGreaterThan(y(l, 57) - y(l, 51));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 256})
    void landmarksAreTheDrawnGeometryAtEverySize(int size) {
        assertDrawnGeometry(new FaceRenderer(size).render(traits(averageShape())), size);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 256})
    void variedRenderingsKeepLandmarksOnTheDrawnGeometry(int size) {
        RenderingVariation turned = new RenderingVariation(10, -6, 1.05, 0.02, -0.01, 30, 0.3, 0.4, 0.6, 0.5, 0.5);
        assertDrawnGeometry(new FaceRenderer(size).render(traits(averageShape()), turned), size);
    }

    @Test
    void rollScaleAndShiftMoveTheLandmarksByTheSameTransformAsTheDrawing() {
        RenderingVariation affineOnly = new RenderingVariation(0, 7, 1.06, 0.03, -0.02, 120, 0.5, -0.5, 0, 0, 0);
        float[] canonical = new FaceRenderer().render(traits(averageShape())).landmarks136();
        float[] varied = new FaceRenderer().render(traits(averageShape()), affineOnly).landmarks136();
        float[] expected = canonical.clone();
        FaceRenderer.pose(affineOnly).transform(expected, 0, expected, 0, 68);
        for (int i = 0; i < 136; i++) {
            assertThat(varied[i]).isCloseTo(expected[i], within(1e-6f));
        }
    }

    @Test
    void yawTurnsTheNoseAndExpressionMovesMouthAndBrows() {
        float[] canonical = new FaceRenderer().render(traits(averageShape())).landmarks136();
        float[] turned = new FaceRenderer().render(traits(averageShape()),
                new RenderingVariation(12, 0, 1, 0, 0, 90, 0, 0, 0, 0, 0)).landmarks136();
        double noseOffCentre = x(turned, 30) - (x(turned, 0) + x(turned, 16)) / 2;
        double eyesOffCentre = (x(turned, 39) + x(turned, 42)) / 2 - (x(turned, 0) + x(turned, 16)) / 2;
        assertThat(noseOffCentre).isGreaterThan(eyesOffCentre).isGreaterThan(0.01);
        assertThat(x(turned, 16) - x(turned, 0)).isLessThan(x(canonical, 16) - x(canonical, 0));

        float[] smiling = new FaceRenderer().render(traits(averageShape()),
                new RenderingVariation(0, 0, 1, 0, 0, 90, 0, 0, 1, 1, 0)).landmarks136();
        assertThat(y(smiling, 48)).isLessThan(y(canonical, 48) - 0.005);
        assertThat(x(smiling, 54) - x(smiling, 48)).isGreaterThan(x(canonical, 54) - x(canonical, 48));
        assertThat(y(smiling, 19)).isLessThan(y(canonical, 19) - 0.005);
    }

    @Test
    void hairFacialHairGreyAndBaldnessAreDrawnWhereTheTraitsSay() {
        FaceRenderer renderer = new FaceRenderer(128);
        float[] l = renderer.render(traits(averageShape())).landmarks136();
        double besideJawX = x(l, 4) - 0.03;
        double besideJawY = y(l, 4);
        double chinX = x(l, 57);
        double chinY = (y(l, 57) + y(l, 8)) / 2;
        double scalpY = FaceLayout.TOP + 0.03;

        BufferedImage plain = renderer.render(traits(averageShape())).image();
        assertThat(region(plain, besideJawX, besideJawY)).isEqualTo("background");
        assertThat(region(plain, chinX, chinY)).isEqualTo("skin");
        assertThat(region(plain, 0.5, scalpY)).isEqualTo("hair");

        Hair longHair = new Hair(HairLength.LONG, HairStyle.CENTRE_PART, HairTexture.WAVY, 1);
        assertThat(region(renderer.render(traits(averageShape(), longHair, FacialHair.NONE, Ageing.NONE)).image(),
                besideJawX, besideJawY)).isEqualTo("hair");
        assertThat(region(renderer.render(traits(averageShape(), SHORT, FacialHair.BEARD, Ageing.NONE)).image(),
                chinX, chinY)).isEqualTo("hair");
        assertThat(region(renderer.render(traits(averageShape(), SHORT, FacialHair.NONE, new Ageing(1, 0, 0, 0))).image(),
                0.5, scalpY)).isEqualTo("grey");
        Hair bald = new Hair(HairLength.SHORT, HairStyle.SIDE_PART, HairTexture.STRAIGHT, 7);
        assertThat(region(renderer.render(traits(averageShape(), bald, FacialHair.NONE, Ageing.NONE)).image(),
                0.5, scalpY)).isEqualTo("skin");
    }

    @Test
    void theSameInputsDrawTheSamePixels() {
        RenderingVariation variation = RenderingVariation.random(new Random(4));
        IdentityTraits person = Population.sample(new Random(8));
        BufferedImage a = new FaceRenderer(96).render(person, variation).image();
        BufferedImage b = new FaceRenderer(96).render(person, variation).image();
        assertThat(a.getRGB(0, 0, 96, 96, null, 0, 96)).isEqualTo(b.getRGB(0, 0, 96, 96, null, 0, 96));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new FaceRenderer(8));
        assertThrows(IllegalArgumentException.class, () -> new FaceRenderer(5000));
    }

    /** Skin at the cheek and just inside the jaw, background just outside it, lips on the lower lip, both eyes. */
    private static void assertDrawnGeometry(RenderedFace face, int size) {
        BufferedImage image = face.image();
        float[] l = face.landmarks136();
        double px = 2.0 / size;
        assertThat(region(image, x(l, 41), y(l, 30))).as("cheek").isEqualTo("skin");
        assertThat(region(image, x(l, 4) + 2 * px, y(l, 4))).as("inside the jaw").isEqualTo("skin");
        assertThat(region(image, x(l, 4) - 2 * px, y(l, 4))).as("outside the jaw").isEqualTo("background");
        assertThat(region(image, x(l, 57), (y(l, 57) + y(l, 66)) / 2)).as("lower lip").isEqualTo("lips");
        for (int first : new int[] {36, 42}) {
            assertThat(eyeContains(image, l, first, "iris")).as("iris in eye " + first).isTrue();
            assertThat(eyeContains(image, l, first, "sclera")).as("sclera in eye " + first).isTrue();
        }
    }

    private static float[] upright(float[] l, RenderingVariation v) {
        AffineTransform unroll = AffineTransform.getRotateInstance(-Math.toRadians(v.rollDegrees()), 0.5, 0.5);
        float[] out = l.clone();
        unroll.transform(out, 0, out, 0, 68);
        return out;
    }

    private static String region(BufferedImage image, double x, double y) {
        int px = (int) (x * image.getWidth());
        int py = (int) (y * image.getHeight());
        return nearest(new Color(image.getRGB(px, py)));
    }

    private static boolean eyeContains(BufferedImage image, float[] l, int first, String expected) {
        int size = image.getWidth();
        int x0 = (int) (Math.min(x(l, first), x(l, first + 3)) * size);
        int x1 = (int) (Math.max(x(l, first), x(l, first + 3)) * size);
        int y0 = (int) (Math.min(y(l, first + 1), y(l, first + 2)) * size);
        int y1 = (int) (Math.max(y(l, first + 4), y(l, first + 5)) * size);
        for (int py = y0; py <= y1; py++) {
            for (int px = x0; px <= x1; px++) {
                if (nearest(new Color(image.getRGB(px, py))).equals(expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nearest(Color c) {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Map.Entry<String, Color> e : REGIONS.entrySet()) {
            Color r = e.getValue();
            double d = Math.pow(c.getRed() - r.getRed(), 2) + Math.pow(c.getGreen() - r.getGreen(), 2)
                    + Math.pow(c.getBlue() - r.getBlue(), 2);
            if (d < bestDistance) {
                bestDistance = d;
                best = e.getKey();
            }
        }
        return best;
    }
}
