package io.callface.model.features;

/**
 * Computes {@link FaceMeasurements} from 68 iBUG landmarks. {@code pI} is landmark I, {@code |a - b|} the
 * Euclidean distance and {@code W = |p0 - p16|} the face width:
 *
 * <ul>
 *   <li>faceWidthToHeight = W / |mid(p19, p24) - p8| (brow midpoint to chin)</li>
 *   <li>jawWidth = |p4 - p12| / W</li>
 *   <li>noseWidth = |p31 - p35| / W</li>
 *   <li>noseHeight = |p27 - p33| / W</li>
 *   <li>nasalIndex = noseWidth / noseHeight = |p31 - p35| / |p27 - p33|</li>
 *   <li>upperLipHeight = |p33 - p51| / W</li>
 *   <li>intercanthalIndex = |p39 - p42| / |p36 - p45|</li>
 *   <li>mouthFaceWidthIndex = |p48 - p54| / W</li>
 *   <li>noseArea = area(p27, p31, p32, p33, p34, p35) / W^2, the area by the shoelace formula
 *       {@code |sum (x_i y_(i+1) - x_(i+1) y_i)| / 2}</li>
 * </ul>
 *
 * All measures are ratios, so they do not depend on the scale of the coordinates, but they do depend on the
 * aspect: {@link #compute(float[], int, int)} first scales x by the image width and y by its height.
 */
public final class FaceMeasuresCalculator {
    /** Denominators shorter than this (in the coordinates' unit) mark degenerate landmarks. */
    private static final double DEGENERATE_LENGTH = 1e-6;

    private FaceMeasuresCalculator() {
    }

    /**
     * Measures landmarks whose x and y share one unit (a square image, or pixel coordinates).
     *
     * @param landmarks136 68 points as {@code x0, y0, x1, y1, ...}
     * @throws IllegalArgumentException naming the measure when a denominator is degenerate (near zero) or a
     *                                  value is not finite, or when the array has the wrong length
     */
    public static FaceMeasurements compute(float[] landmarks136) {
        Landmarks.requireLength(landmarks136);
        return measure(landmarks136, 1, 1);
    }

    /**
     * Measures landmarks given in [0, 1] coordinates of an image of {@code height x width} pixels.
     *
     * @see #compute(float[])
     */
    public static FaceMeasurements compute(float[] landmarks136, int height, int width) {
        Landmarks.requireLength(landmarks136);
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("height and width must be positive, got " + height + "x" + width);
        }
        return measure(landmarks136, width, height);
    }

    private static FaceMeasurements measure(float[] landmarks, double xScale, double yScale) {
        Points p = new Points(landmarks, xScale, yScale);
        double faceWidth = p.distance(0, 16);
        double browMidX = (p.x(19) + p.x(24)) / 2;
        double browMidY = (p.y(19) + p.y(24)) / 2;
        double faceHeight = Math.hypot(browMidX - p.x(8), browMidY - p.y(8));
        String w = "face width |p0-p16|";
        return new FaceMeasurements(
                ratio("faceWidthToHeight", faceWidth, faceHeight, "face height |mid(p19,p24)-p8|"),
                ratio("jawWidth", p.distance(4, 12), faceWidth, w),
                ratio("noseWidth", p.distance(31, 35), faceWidth, w),
                ratio("noseHeight", p.distance(27, 33), faceWidth, w),
                ratio("nasalIndex", p.distance(31, 35), p.distance(27, 33), "nose height |p27-p33|"),
                ratio("upperLipHeight", p.distance(33, 51), faceWidth, w),
                ratio("intercanthalIndex", p.distance(39, 42), p.distance(36, 45),
                        "outer eye-corner distance |p36-p45|"),
                ratio("mouthFaceWidthIndex", p.distance(48, 54), faceWidth, w),
                ratio("noseArea", p.polygonArea(27, 31, 32, 33, 34, 35), faceWidth * faceWidth, "face width squared"));
    }

    private static float ratio(String measure, double numerator, double denominator, String denominatorName) {
        if (!Double.isFinite(numerator) || !Double.isFinite(denominator)) {
            throw new IllegalArgumentException(measure + " cannot be computed: its landmarks are not finite ("
                    + numerator + " / " + denominator + ")");
        }
        if (denominator < DEGENERATE_LENGTH) {
            throw new IllegalArgumentException(measure + " cannot be computed: " + denominatorName + " is "
                    + denominator + " (degenerate landmarks)");
        }
        return (float) (numerator / denominator);
    }

    /** Landmarks in a common unit: x times {@code xScale}, y times {@code yScale}. */
    private record Points(float[] landmarks, double xScale, double yScale) {
        double x(int point) {
            return Landmarks.x(landmarks, point) * xScale;
        }

        double y(int point) {
            return Landmarks.y(landmarks, point) * yScale;
        }

        double distance(int a, int b) {
            return Math.hypot(x(a) - x(b), y(a) - y(b));
        }

        double polygonArea(int... points) {
            double twiceArea = 0;
            for (int i = 0; i < points.length; i++) {
                int next = points[(i + 1) % points.length];
                twiceArea += x(points[i]) * y(next) - x(next) * y(points[i]);
            }
            return Math.abs(twiceArea) / 2;
        }
    }
}
