package io.callface.trainer.data;

/**
 * The landmarks of one photo in that photo's pixel coordinates, as {@code x0, y0, x1, y1, ...} (copied in and
 * out): either the 68 points of iBUG 300-W or the 5 points that RetinaFace, MTCNN and InsightFace write (left eye
 * centre, right eye centre, nose tip, left mouth corner, right mouth corner, "left" meaning image left).
 *
 * <p>Pixel coordinates are continuous: the photo spans {@code [0, width] x [0, height]} and pixel {@code (i, j)}
 * is centred at {@code (i + 0.5, j + 0.5)}, as the synthetic landmarks times the image size are. Tools that put
 * pixel centres on integers (most detectors; 300-W's files count from 1) are half a pixel off, which the
 * alignment's downscaling to the crop shrinks to less than half a crop pixel.
 */
public record FaceLandmarks(double[] xy) {
    public static final int FULL_SET = 68;
    public static final int ANCHORS = 5;

    public FaceLandmarks {
        if (xy == null || (xy.length != 2 * FULL_SET && xy.length != 2 * ANCHORS)) {
            throw new IllegalArgumentException("xy: expected " + 2 * FULL_SET + " or " + 2 * ANCHORS + " values, got "
                    + (xy == null ? "null" : xy.length));
        }
        xy = xy.clone();
        for (int i = 0; i < xy.length; i++) {
            if (!Double.isFinite(xy[i])) {
                throw new IllegalArgumentException("xy[" + i + "]: " + xy[i] + " is not finite");
            }
        }
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    public int count() {
        return xy.length / 2;
    }

    public boolean hasFullSet() {
        return count() == FULL_SET;
    }

    /**
     * The five anchors as {@code {x, y}} pairs, in the order of the 5-point format. From 68 points: the eye
     * centres are the means of points 36-41 and 42-47, the nose tip point 30, the mouth corners points 48 and 54
     * (0-based).
     */
    public double[][] anchors() {
        if (!hasFullSet()) {
            return new double[][] {point(0), point(1), point(2), point(3), point(4)};
        }
        return new double[][] {mean(36, 42), mean(42, 48), point(30), point(48), point(54)};
    }

    private double[] point(int index) {
        return new double[] {xy[2 * index], xy[2 * index + 1]};
    }

    private double[] mean(int from, int to) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += xy[2 * i];
            y += xy[2 * i + 1];
        }
        return new double[] {x / (to - from), y / (to - from)};
    }
}
