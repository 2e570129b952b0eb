package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.synth.FaceRenderer;
import io.callface.trainer.synth.Population;
import io.callface.trainer.synth.RenderedFace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
    private static final int SIZE = 128;
    /**
     * Mean absolute channel difference allowed between the crop aligned from the photo and the reference, in
     * 8-bit levels. Measured 0.5-1.4 over identities 1-8 (the blur of pasting into the photo with bilinear
     * upscaling and of the box prefilter); the same crop sampled half a pixel off measures 2.9 (in x) to 3.8 (in
     * x and y).
     */
    private static final double IMAGE_TOLERANCE = 2.5;
    /** Landmarks only pass through transforms: float rounding of [0,1] values, in crop pixels. */
    private static final double LANDMARK_TOLERANCE = 0.01;
    /** The central square where the face is: outside it the reference and the photo show different backgrounds. */
    private static final int FACE_FROM = 24;
    private static final int FACE_TO = 104;

    private final RenderedFace face = new FaceRenderer(SIZE).render(Population.sample(new Random(1)));

    /** The photo: the face scaled by 2.7, rotated by 12 degrees and moved, on a green 500 x 420 background. */
    private final AffineTransform placement = placement();
    private final BufferedImage photo = photo();

    @Test
    void aFaceIsAlignedBackFromAScaledRotatedMovedPhoto() {
        AlignedFace aligned = FaceAligner.align(photo, landmarksIn(placement, cropLandmarks()), SIZE);

        // The synthetic face has its own proportions, so aligning it to the mean frame moves it slightly: the
        // reference is the original crop moved by that alignment, drawn independently with Java2D.
        SimilarityTransform toFrame = toFrame();
        assertThat(meanDifference(aligned.image(), reference(toFrame))).isLessThan(IMAGE_TOLERANCE);
        float[] landmarks = aligned.landmarks136().orElseThrow();
        double[] original = cropLandmarks();
        for (int i = 0; i < FaceLandmarks.FULL_SET; i++) {
            double[] expected = toFrame.apply(original[2 * i], original[2 * i + 1]);
            assertThat((double) landmarks[2 * i] * SIZE).as("x%d", i)
                    .isCloseTo(expected[0], within(LANDMARK_TOLERANCE));
            assertThat((double) landmarks[2 * i + 1] * SIZE).as("y%d", i)
                    .isCloseTo(expected[1], within(LANDMARK_TOLERANCE));
        }
        assertThat(aligned.residualPixels()).isLessThan(1.0);
    }

    @Test
    void fiveAnchorsAlignAsTheFullSetDoes() {
        FaceLandmarks full = landmarksIn(placement, cropLandmarks());
        double[] five = new double[2 * FaceLandmarks.ANCHORS];
        double[][] anchors = full.anchors();
        for (int a = 0; a < anchors.length; a++) {
            five[2 * a] = anchors[a][0];
            five[2 * a + 1] = anchors[a][1];
        }
        AlignedFace aligned = FaceAligner.align(photo, new FaceLandmarks(five), SIZE);
        assertThat(aligned.landmarks136()).isEmpty();
        assertThat(meanDifference(aligned.image(), reference(toFrame()))).isLessThan(IMAGE_TOLERANCE);
        assertThat(aligned.residualPixels()).isCloseTo(FaceAligner.align(photo, full, SIZE).residualPixels(),
                within(1e-9));
    }

    @Test
    void shuffledLandmarksGiveALargeResidual() {
        double[] xy = landmarksIn(placement, cropLandmarks()).xy();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < FaceLandmarks.FULL_SET; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        double[] shuffled = new double[xy.length];
        for (int i = 0; i < FaceLandmarks.FULL_SET; i++) {
            shuffled[2 * i] = xy[2 * order.get(i)];
            shuffled[2 * i + 1] = xy[2 * order.get(i) + 1];
        }
        // Good landmarks measured 0.2-0.8 px over identities 1-8, shuffled ones 15-19 px over several shuffles.
        assertThat(FaceAligner.align(photo, new FaceLandmarks(shuffled), SIZE).residualPixels()).isGreaterThan(8);
    }

    @Test
    void aCropAlreadyInTheFrameComesBackUnchanged() {
        AlignedFace aligned = FaceAligner.align(face.image(), new FaceLandmarks(flat(CanonicalFrame.anchors(SIZE))),
                SIZE);
        assertThat(meanDifference(aligned.image(), face.image())).isZero();
    }

    @Test
    void pixelCentresLineUpAtTwiceTheSize() {
        // Each crop pixel becomes a 2 x 2 block at an even offset: every crop pixel centre lands between the
        // centres of its own block, so a half-pixel slip anywhere would blend neighbours.
        AffineTransform twice = AffineTransform.getTranslateInstance(18, 10);
        twice.scale(2, 2);
        BufferedImage big = new BufferedImage(300, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(face.image(), twice, null);
        g.dispose();
        FaceLandmarks anchors = landmarksIn(twice, flat(CanonicalFrame.anchors(SIZE)));
        assertThat(meanDifference(FaceAligner.align(big, anchors, SIZE).image(), face.image())).isZero();
    }

    @Test
    void fineDetailDoesNotAliasWhenShrinking() {
        // A one-pixel checkerboard is grey at any smaller size; point sampling would pick up black and white.
        BufferedImage checkerboard = new BufferedImage(700, 700, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 700; y++) {
            for (int x = 0; x < 700; x++) {
                checkerboard.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
            }
        }
        AffineTransform shrink = AffineTransform.getTranslateInstance(40, 30);
        shrink.rotate(Math.toRadians(7));
        shrink.scale(3.6, 3.6);
        BufferedImage crop = FaceAligner.align(checkerboard, landmarksIn(shrink, flat(CanonicalFrame.anchors(SIZE))),
                SIZE).image();
        // Measured 4.8 with the 3 x 3 prefilter, 43 without.
        assertThat(standardDeviation(crop)).isLessThan(10);
    }

    @Test
    void mappedLandmarksOutsideTheCropAreReturnedUnclamped() {
        double[] xy = landmarksIn(placement, cropLandmarks()).xy();
        xy[0] -= 400;
        float[] landmarks = FaceAligner.align(photo, new FaceLandmarks(xy), SIZE).landmarks136().orElseThrow();
        assertThat(landmarks[0]).isLessThan(-0.5f);
    }

    private double[] cropLandmarks() {
        float[] unit = face.landmarks136();
        double[] xy = new double[unit.length];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = unit[i] * SIZE;
        }
        return xy;
    }

    /** The alignment that the face's own 128-pixel landmarks ask for. */
    private SimilarityTransform toFrame() {
        return SimilarityTransform.fit(new FaceLandmarks(cropLandmarks()).anchors(), CanonicalFrame.anchors(SIZE));
    }

    private BufferedImage reference(SimilarityTransform t) {
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(face.image(), new AffineTransform(t.scaleCos(), t.scaleSin(), -t.scaleSin(), t.scaleCos(),
                t.shiftX(), t.shiftY()), null);
        g.dispose();
        return out;
    }

    private static AffineTransform placement() {
        AffineTransform t = AffineTransform.getTranslateInstance(257, 203);
        t.rotate(Math.toRadians(12));
        t.scale(2.7, 2.7);
        t.translate(-SIZE / 2.0, -SIZE / 2.0);
        return t;
    }

    private BufferedImage photo() {
        BufferedImage out = new BufferedImage(500, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(40, 90, 30));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(face.image(), placement, null);
        g.dispose();
        return out;
    }

    private static FaceLandmarks landmarksIn(AffineTransform t, double[] xy) {
        double[] out = new double[xy.length];
        t.transform(xy, 0, out, 0, xy.length / 2);
        return new FaceLandmarks(out);
    }

    private static double[] flat(double[][] points) {
        double[] out = new double[2 * points.length];
        for (int i = 0; i < points.length; i++) {
            out[2 * i] = points[i][0];
            out[2 * i + 1] = points[i][1];
        }
        return out;
    }

    /** Mean absolute difference over the R, G and B levels of the central face square. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        int n = 0;
        for (int y = FACE_FROM; y < FACE_TO; y++) {
            for (int x = FACE_FROM; x < FACE_TO; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static double standardDeviation(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        int n = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double level = image.getRGB(x, y) & 0xff;
                sum += level;
                squares += level * level;
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
