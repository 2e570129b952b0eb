package io.callface.model.features;

import io.callface.model.ModelContract;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Samples the mean colour of landmark-defined regions of a decoded face image.
 *
 * <p>Landmarks in [0, 1] are mapped to pixel coordinates ({@code x * width}, {@code y * height}); a pixel belongs
 * to a region when its centre ({@code col + 0.5, row + 0.5}) lies inside one of the region's polygons (even-odd
 * rule). The region's colour is the mean of its pixels, each channel clamped to [0, 1] first. A region too small
 * to hold any pixel centre takes the colour of the pixel nearest to the mean of its polygon vertices.
 *
 * <ul>
 *   <li>skin: the cheeks, polygons (p1, p2, p3, p31) and (p15, p14, p13, p35) between jaw and nose wings</li>
 *   <li>hair: the band above the brows, polygon (x of p0, top), (x of p16, top), p26, p25, ..., p17</li>
 *   <li>lips: the outer lip contour, polygon p48..p59</li>
 *   <li>eyes: both eye contours, polygons p36..p41 and p42..p47</li>
 * </ul>
 */
public final class ColourSampler {
    private static final int[] LEFT_CHEEK = {1, 2, 3, 31};
    private static final int[] RIGHT_CHEEK = {15, 14, 13, 35};
    private static final int[] BROWS_RIGHT_TO_LEFT = {26, 25, 24, 23, 22, 21, 20, 19, 18, 17};
    private static final int[] OUTER_LIPS = range(48, 59);
    private static final int[] LEFT_EYE = range(36, 41);
    private static final int[] RIGHT_EYE = range(42, 47);

    private ColourSampler() {
    }

    /**
     * @param imageChw  RGB image, planar {@code [3, h, w]}, values in [0, 1] (clamped)
     * @param h         image height
     * @param w         image width
     * @param landmarks 68 points as {@code x0, y0, x1, y1, ...} in [0, 1] image coordinates
     * @throws IllegalArgumentException when sizes disagree, a landmark the regions need is not finite, or a
     *                                  region's pixels are not finite
     */
    public static FaceColourSet sample(float[] imageChw, int h, int w, float[] landmarks) {
        Objects.requireNonNull(imageChw, "imageChw");
        Landmarks.requireLength(landmarks);
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("h and w must be positive, got " + h + "x" + w);
        }
        if (imageChw.length != (long) ModelContract.IMAGE_CHANNELS * h * w) {
            throw new IllegalArgumentException("imageChw has " + imageChw.length + " floats, expected 3 x " + h
                    + " x " + w + " = " + (long) ModelContract.IMAGE_CHANNELS * h * w);
        }
        PixelPoints points = new PixelPoints(landmarks, w, h);
        Image image = new Image(imageChw, h, w);
        return new FaceColourSet(
                image.meanColour("skin", List.of(points.polygon("skin", LEFT_CHEEK),
                        points.polygon("skin", RIGHT_CHEEK))),
                image.meanColour("hair", List.of(points.hairBand())),
                image.meanColour("lips", List.of(points.polygon("lips", OUTER_LIPS))),
                image.meanColour("eyes", List.of(points.polygon("eyes", LEFT_EYE),
                        points.polygon("eyes", RIGHT_EYE))));
    }

    private static int[] range(int first, int last) {
        int[] points = new int[last - first + 1];
        for (int i = 0; i < points.length; i++) {
            points[i] = first + i;
        }
        return points;
    }

    /** Landmarks in pixel coordinates; polygons are {@code double[] {x0, y0, x1, y1, ...}}. */
    private record PixelPoints(float[] landmarks, int width, int height) {
        double[] polygon(String region, int... indices) {
            double[] polygon = new double[indices.length * 2];
            for (int i = 0; i < indices.length; i++) {
                polygon[2 * i] = x(region, indices[i]);
                polygon[2 * i + 1] = y(region, indices[i]);
            }
            return polygon;
        }

        double[] hairBand() {
            double[] brows = polygon("hair", BROWS_RIGHT_TO_LEFT);
            double[] band = new double[brows.length + 4];
            band[0] = x("hair", 0);
            band[1] = 0;
            band[2] = x("hair", 16);
            band[3] = 0;
            System.arraycopy(brows, 0, band, 4, brows.length);
            return band;
        }

        private double x(String region, int point) {
            return finite(region, point, Landmarks.x(landmarks, point)) * width;
        }

        private double y(String region, int point) {
            return finite(region, point, Landmarks.y(landmarks, point)) * height;
        }

        private static double finite(String region, int point, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("landmark " + point + " is " + value + ", the " + region
                        + " region needs it");
            }
            return value;
        }
    }

    private record Image(float[] chw, int height, int width) {
        String meanColour(String region, List<double[]> polygons) {
            double[] box = boundingBox(polygons);
            int firstRow = Math.max(0, (int) Math.floor(box[1]));
            int lastRow = Math.min(height - 1, (int) Math.ceil(box[3]));
            int firstCol = Math.max(0, (int) Math.floor(box[0]));
            int lastCol = Math.min(width - 1, (int) Math.ceil(box[2]));
            double[] sum = new double[3];
            long count = 0;
            for (int row = firstRow; row <= lastRow; row++) {
                for (int col = firstCol; col <= lastCol; col++) {
                    if (insideAny(polygons, col + 0.5, row + 0.5)) {
                        addPixel(sum, row, col);
                        count++;
                    }
                }
            }
            if (count == 0) {
                double[] centre = vertexMean(polygons);
                int row = clamp((int) Math.floor(centre[1]), height - 1);
                int col = clamp((int) Math.floor(centre[0]), width - 1);
                addPixel(sum, row, col);
                count = 1;
            }
            return hex(region, sum[0] / count, sum[1] / count, sum[2] / count);
        }

        private void addPixel(double[] sum, int row, int col) {
            int plane = height * width;
            int index = row * width + col;
            for (int c = 0; c < 3; c++) {
                sum[c] += Math.min(1f, Math.max(0f, chw[c * plane + index]));
            }
        }

        private static String hex(String region, double r, double g, double b) {
            if (!Double.isFinite(r) || !Double.isFinite(g) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("imageChw has non-finite values in the " + region + " region");
            }
            return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(r * 255), Math.round(g * 255),
                    Math.round(b * 255));
        }

        private static int clamp(int value, int max) {
            return Math.min(max, Math.max(0, value));
        }
    }

    /** {minX, minY, maxX, maxY} over all vertices. */
    private static double[] boundingBox(List<double[]> polygons) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] polygon : polygons) {
            for (int i = 0; i < polygon.length; i += 2) {
                box[0] = Math.min(box[0], polygon[i]);
                box[1] = Math.min(box[1], polygon[i + 1]);
                box[2] = Math.max(box[2], polygon[i]);
                box[3] = Math.max(box[3], polygon[i + 1]);
            }
        }
        return box;
    }

    private static double[] vertexMean(List<double[]> polygons) {
        double sumX = 0;
        double sumY = 0;
        int vertices = 0;
        for (double[] polygon : polygons) {
            for (int i = 0; i < polygon.length; i += 2) {
                sumX += polygon[i];
                sumY += polygon[i + 1];
                vertices++;
            }
        }
        return new double[] {sumX / vertices, sumY / vertices};
    }

    private static boolean insideAny(List<double[]> polygons, double px, double py) {
        for (double[] polygon : polygons) {
            if (inside(polygon, px, py)) {
                return true;
            }
        }
        return false;
    }

    /** Even-odd rule: count crossings of a ray from (px, py) towards +x with the polygon's edges. */
    private static boolean inside(double[] polygon, double px, double py) {
        boolean inside = false;
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i];
            double yi = polygon[2 * i + 1];
            double xj = polygon[2 * j];
            double yj = polygon[2 * j + 1];
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
