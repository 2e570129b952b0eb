package io.callface.trainer.synth;

import java.awt.geom.Point2D;

/**
 * Where everything of a canonical frontal face lies, in [0,1] image coordinates (x right, y down), computed
 * from a {@link FaceShape}. Produces the 68 iBUG landmarks that {@link FaceRenderer} draws through.
 *
 * <p>Vertical proportions are fixed (brows at 35 % of the face height, eyes at 44 %, nose tip at 64 %, mouth at
 * 80 %); the shape parameters set the widths. The jaw (points 0-16) is a superellipse from the eye line to
 * the chin whose exponent is solved so that its width at mouth level is {@code jawWidth} of the face width.
 */
final class FaceLayout {
    static final int LANDMARKS = 68;
    static final double CENTRE_X = 0.5;
    static final double TOP = 0.13;
    static final double HEIGHT = 0.80;
    /** Eye width as a fraction of the face width. */
    static final double EYE_WIDTH = 0.2;
    static final double MOUTH_WIDTH = 0.38;

    final double width;
    final double eyeY;
    final double jawTopY;
    final double chinY;
    final double browY;
    final double mouthY;
    final double hairlineY;
    final double eyeWidth;
    final double eyeHeight;
    final double leftEyeX;
    final double rightEyeX;
    private final Point2D.Double[] points = new Point2D.Double[LANDMARKS];

    FaceLayout(FaceShape shape) {
        width = shape.aspect() * HEIGHT;
        eyeY = y(0.44);
        jawTopY = y(0.46);
        chinY = y(1.0);
        browY = y(0.35);
        mouthY = y(0.80);
        hairlineY = y(0.2);
        eyeWidth = EYE_WIDTH * width;
        eyeHeight = 0.38 * eyeWidth;
        leftEyeX = CENTRE_X - shape.eyeSpacing() * width / 2;
        rightEyeX = CENTRE_X + shape.eyeSpacing() * width / 2;
        jaw(shape.jawWidth());
        brows();
        eyes();
        nose(shape.noseWidth() * width);
        mouth(shape.lipFullness() * HEIGHT);
    }

    Point2D.Double point(int index) {
        return points[index];
    }

    /** Landmarks as {@code x0, y0, x1, y1, ...}. */
    float[] landmarks() {
        float[] out = new float[2 * LANDMARKS];
        for (int i = 0; i < LANDMARKS; i++) {
            out[2 * i] = (float) points[i].x;
            out[2 * i + 1] = (float) points[i].y;
        }
        return out;
    }

    /** Points of the forehead arc from jaw point 16 over the top back towards point 0 (exclusive). */
    Point2D.Double[] foreheadArc(int count) {
        Point2D.Double[] arc = new Point2D.Double[count];
        double halfHeight = jawTopY - TOP;
        for (int i = 0; i < count; i++) {
            double angle = Math.PI * (i + 1) / (count + 1);
            arc[i] = new Point2D.Double(CENTRE_X + width / 2 * Math.cos(angle), jawTopY - halfHeight * Math.sin(angle));
        }
        return arc;
    }

    private static double y(double fractionOfHeight) {
        return TOP + fractionOfHeight * HEIGHT;
    }

    private void set(int index, double x, double y) {
        points[index] = new Point2D.Double(x, y);
    }

    private void jaw(double jawWidth) {
        double depth = chinY - jawTopY;
        double exponent = superellipseExponent((mouthY - jawTopY) / depth, jawWidth);
        for (int i = 0; i <= 16; i++) {
            double angle = Math.PI * i / 16;
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            double dx = Math.signum(c) * Math.pow(Math.abs(c), 2 / exponent);
            double dy = Math.pow(Math.abs(s), 2 / exponent);
            set(i, CENTRE_X - width / 2 * dx, jawTopY + depth * dy);
        }
    }

    /** Exponent n with {@code (1 - q^n)^(1/n) = widthRatio}, by bisection (the width grows with n). */
    private static double superellipseExponent(double q, double widthRatio) {
        double lo = 1.05;
        double hi = 12;
        for (int i = 0; i < 60; i++) {
            double n = (lo + hi) / 2;
            if (Math.pow(1 - Math.pow(q, n), 1 / n) < widthRatio) {
                lo = n;
            } else {
                hi = n;
            }
        }
        return (lo + hi) / 2;
    }

    private void brows() {
        double arch = 0.025 * HEIGHT;
        for (int i = 0; i < 5; i++) {
            double t = i / 4.0;
            double lift = arch * Math.sin(Math.PI * (0.15 + 0.7 * t));
            set(17 + i, leftEyeX - 0.65 * eyeWidth + 1.2 * eyeWidth * t, browY - lift);
            set(26 - i, rightEyeX + 0.65 * eyeWidth - 1.2 * eyeWidth * t, browY - lift);
        }
    }

    private void eyes() {
        double half = eyeWidth / 2;
        double lid = eyeHeight / 2;
        double[] xs = {-half, -half / 3, half / 3, half, half / 3, -half / 3};
        double[] ys = {0, -lid, -lid, 0, lid, lid};
        for (int i = 0; i < 6; i++) {
            set(36 + i, leftEyeX + xs[i], eyeY + ys[i]);
        }
        // Right eye starts at its inner corner (42) and runs over the top to the outer corner (45).
        for (int i = 0; i < 6; i++) {
            set(42 + i, rightEyeX + xs[i], eyeY + ys[i]);
        }
    }

    private void nose(double noseWidth) {
        double top = eyeY - 0.03 * HEIGHT;
        double tip = y(0.64);
        for (int i = 0; i < 4; i++) {
            set(27 + i, CENTRE_X, top + (tip - top) * i / 3);
        }
        double base = y(0.67);
        set(31, CENTRE_X - noseWidth / 2, base - 0.02 * HEIGHT);
        set(32, CENTRE_X - noseWidth / 4, base - 0.005 * HEIGHT);
        set(33, CENTRE_X, base);
        set(34, CENTRE_X + noseWidth / 4, base - 0.005 * HEIGHT);
        set(35, CENTRE_X + noseWidth / 2, base - 0.02 * HEIGHT);
    }

    private void mouth(double lipHeight) {
        double half = MOUTH_WIDTH * width / 2;
        double upper = 0.45 * lipHeight;
        double lower = 0.55 * lipHeight;
        double m = mouthY;
        set(48, CENTRE_X - half, m);
        set(49, CENTRE_X - 0.62 * half, m - 0.8 * upper);
        set(50, CENTRE_X - 0.25 * half, m - upper);
        set(51, CENTRE_X, m - 0.85 * upper);
        set(52, CENTRE_X + 0.25 * half, m - upper);
        set(53, CENTRE_X + 0.62 * half, m - 0.8 * upper);
        set(54, CENTRE_X + half, m);
        set(55, CENTRE_X + 0.62 * half, m + 0.8 * lower);
        set(56, CENTRE_X + 0.3 * half, m + lower);
        set(57, CENTRE_X, m + lower);
        set(58, CENTRE_X - 0.3 * half, m + lower);
        set(59, CENTRE_X - 0.62 * half, m + 0.8 * lower);
        // Closed neutral mouth: the inner upper and lower contours coincide on the lip line.
        double inner = 0.9 * half;
        double[] xs = {-inner, -0.4 * half, 0, 0.4 * half, inner, 0.4 * half, 0, -0.4 * half};
        for (int i = 0; i < 8; i++) {
            set(60 + i, CENTRE_X + xs[i], m);
        }
    }
}
