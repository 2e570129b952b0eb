package io.callface.trainer.data;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation; never a reflection):
 * {@code x' = scaleCos * x - scaleSin * y + shiftX}, {@code y' = scaleSin * x + scaleCos * y + shiftY}, where
 * {@code scaleCos = s cos(theta)} and {@code scaleSin = s sin(theta)}; the scale {@code s} must be positive.
 */
public record SimilarityTransform(double scaleCos, double scaleSin, double shiftX, double shiftY) {
    public SimilarityTransform {
        if (!Double.isFinite(scaleCos) || !Double.isFinite(scaleSin) || !Double.isFinite(shiftX)
                || !Double.isFinite(shiftY)) {
            throw new IllegalArgumentException("parameters must be finite: " + scaleCos + ", " + scaleSin + ", "
                    + shiftX + ", " + shiftY);
        }
        if (scaleCos == 0 && scaleSin == 0) {
            throw new IllegalArgumentException("scale: must not be zero (the transform would not be invertible)");
        }
    }

    /**
     * The least-squares similarity taking {@code from[i]} to {@code to[i]} (each point {@code {x, y}}): Umeyama
     * 1991, "Least-squares estimation of transformation parameters between two point patterns", IEEE TPAMI
     * 13(4):376-380, with the rotation kept proper (his det correction). In 2-D that optimum has a closed form:
     * with both point sets centred, {@code scaleCos = sum(p . q) / sum|p|^2} and
     * {@code scaleSin = sum(p x q) / sum|p|^2} (the regression {@code q = z p + t} over complex numbers).
     *
     * @throws IllegalArgumentException for fewer than two points, unequal counts, non-finite values, all
     *                                  {@code from} points equal, or all {@code to} points equal (scale zero)
     */
    public static SimilarityTransform fit(double[][] from, double[][] to) {
        requirePoints(from, to);
        int n = from.length;
        double fromX = 0;
        double fromY = 0;
        double toX = 0;
        double toY = 0;
        for (int i = 0; i < n; i++) {
            fromX += from[i][0] / n;
            fromY += from[i][1] / n;
            toX += to[i][0] / n;
            toY += to[i][1] / n;
        }
        double dot = 0;
        double cross = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double px = from[i][0] - fromX;
            double py = from[i][1] - fromY;
            double qx = to[i][0] - toX;
            double qy = to[i][1] - toY;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            spread += px * px + py * py;
        }
        if (!(spread > 0)) {
            throw new IllegalArgumentException("from: all points are equal; a similarity needs two distinct points");
        }
        double a = dot / spread;
        double b = cross / spread;
        return new SimilarityTransform(a, b, toX - (a * fromX - b * fromY), toY - (b * fromX + a * fromY));
    }

    /** The scale factor {@code s}. */
    public double scale() {
        return Math.hypot(scaleCos, scaleSin);
    }

    /** The image of {@code (x, y)} as {@code {x', y'}}. */
    public double[] apply(double x, double y) {
        return new double[] {scaleCos * x - scaleSin * y + shiftX, scaleSin * x + scaleCos * y + shiftY};
    }

    public SimilarityTransform inverse() {
        // The linear part is the complex number a + ib; its inverse is (a - ib) / (a^2 + b^2).
        double norm = scaleCos * scaleCos + scaleSin * scaleSin;
        double a = scaleCos / norm;
        double b = -scaleSin / norm;
        return new SimilarityTransform(a, b, -(a * shiftX - b * shiftY), -(b * shiftX + a * shiftY));
    }

    private static void requirePoints(double[][] from, double[][] to) {
        if (from == null || to == null || from.length != to.length) {
            throw new IllegalArgumentException("from, to: must be two arrays of the same number of points");
        }
        if (from.length < 2) {
            throw new IllegalArgumentException("from, to: at least 2 points needed, got " + from.length);
        }
        for (int i = 0; i < from.length; i++) {
            requirePoint("from", i, from[i]);
            requirePoint("to", i, to[i]);
        }
    }

    private static void requirePoint(String name, int index, double[] point) {
        if (point == null || point.length != 2 || !Double.isFinite(point[0]) || !Double.isFinite(point[1])) {
            throw new IllegalArgumentException(name + "[" + index + "]: expected two finite numbers {x, y}");
        }
    }
}
