package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {
    /** An irregular pentagon, like face anchors: no symmetry that another transform could also match. */
    private static final double[][] POINTS = {{120, 140}, {260, 150}, {190, 230}, {140, 290}, {250, 285}};
    /** Relative error of double arithmetic over a few operations, with margin. */
    private static final double EXACT = 1e-9;

    @Property(tries = 300)
    void recoversAKnownTransformFromNoiselessPoints(
            @ForAll @DoubleRange(min = -180, max = 180) double degrees,
            @ForAll @DoubleRange(min = 0.05, max = 20) double scale,
            @ForAll @DoubleRange(min = -1000, max = 1000) double shiftX,
            @ForAll @DoubleRange(min = -1000, max = 1000) double shiftY) {
        double angle = Math.toRadians(degrees);
        SimilarityTransform known = new SimilarityTransform(scale * Math.cos(angle), scale * Math.sin(angle),
                shiftX, shiftY);
        SimilarityTransform fitted = SimilarityTransform.fit(POINTS, map(known, POINTS));
        assertThat(fitted.scaleCos()).isCloseTo(known.scaleCos(), within(EXACT * scale));
        assertThat(fitted.scaleSin()).isCloseTo(known.scaleSin(), within(EXACT * scale));
        assertThat(fitted.shiftX()).isCloseTo(shiftX, within(EXACT * 1000 * scale));
        assertThat(fitted.shiftY()).isCloseTo(shiftY, within(EXACT * 1000 * scale));
        assertThat(fitted.scale()).isCloseTo(scale, within(EXACT * scale));
    }

    @Property(tries = 300)
    void theInverseUndoesTheTransform(
            @ForAll @DoubleRange(min = -180, max = 180) double degrees,
            @ForAll @DoubleRange(min = 0.05, max = 20) double scale,
            @ForAll @DoubleRange(min = -1000, max = 1000) double shift) {
        double angle = Math.toRadians(degrees);
        SimilarityTransform t = new SimilarityTransform(scale * Math.cos(angle), scale * Math.sin(angle), shift, -shift);
        for (double[] p : POINTS) {
            double[] q = t.apply(p[0], p[1]);
            double[] back = t.inverse().apply(q[0], q[1]);
            assertThat(back[0]).isCloseTo(p[0], within(EXACT * 1000));
            assertThat(back[1]).isCloseTo(p[1], within(EXACT * 1000));
        }
        assertThat(t.inverse().scale()).isCloseTo(1 / scale, within(EXACT / scale));
    }

    @Test
    void degenerateInputIsRejected() {
        double[][] same = {{5, 5}, {5, 5}, {5, 5}};
        assertThat(assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(same, triangle()))
                .getMessage()).contains("all points are equal");
        assertThat(assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(triangle(), same))
                .getMessage()).contains("must not be zero");
        assertThrows(IllegalArgumentException.class,
                () -> SimilarityTransform.fit(new double[][] {{1, 2}}, new double[][] {{3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> SimilarityTransform.fit(POINTS, triangle()));
        assertThrows(IllegalArgumentException.class,
                () -> SimilarityTransform.fit(new double[][] {{1, 2}, {Double.NaN, 0}}, new double[][] {{0, 0}, {1, 1}}));
    }

    @Test
    void aMirrorImageIsFittedWithARotationNotAReflection() {
        double[][] mirrored = new double[POINTS.length][];
        for (int i = 0; i < POINTS.length; i++) {
            mirrored[i] = new double[] {-POINTS[i][0], POINTS[i][1]};
        }
        SimilarityTransform fitted = SimilarityTransform.fit(POINTS, mirrored);
        double[][] mapped = map(fitted, POINTS);
        // A reflection would turn the points' winding round and match them exactly.
        assertThat(Math.signum(turn(mapped))).isEqualTo(Math.signum(turn(POINTS)));
        double best = squaredError(mapped, mirrored);
        assertThat(best).isGreaterThan(1);
        // And it is the least-squares similarity: nudging any parameter makes the fit worse.
        double[] p = {fitted.scaleCos(), fitted.scaleSin(), fitted.shiftX(), fitted.shiftY()};
        for (int k = 0; k < p.length; k++) {
            for (double step : new double[] {-1e-3, 1e-3}) {
                double[] q = p.clone();
                q[k] += step;
                SimilarityTransform nudged = new SimilarityTransform(q[0], q[1], q[2], q[3]);
                assertThat(squaredError(map(nudged, POINTS), mirrored)).isGreaterThan(best);
            }
        }
    }

    private static double[][] triangle() {
        return new double[][] {{0, 0}, {10, 0}, {0, 7}};
    }

    private static double[][] map(SimilarityTransform t, double[][] points) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = t.apply(points[i][0], points[i][1]);
        }
        return out;
    }

    /** The turn from the first three points' first to second edge: its sign is their winding. */
    private static double turn(double[][] p) {
        return (p[1][0] - p[0][0]) * (p[2][1] - p[0][1]) - (p[1][1] - p[0][1]) * (p[2][0] - p[0][0]);
    }

    private static double squaredError(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.pow(a[i][0] - b[i][0], 2) + Math.pow(a[i][1] - b[i][1], 2);
        }
        return sum;
    }
}
