package io.callface.trainer.synth;

import java.awt.geom.Point2D;

/**
 * Where everything of a face lies, in [0,1] image coordinates (x right, y down), computed from a
 * {@link FaceShape}, a {@link FaceDetail}, an expression and a head yaw. Produces the 68 iBUG landmarks that
 * {@link FaceRenderer} draws through.
 *
 * <p>Vertical proportions: eyes at 44 % of the face height, nose tip at 64 %, nose base at 67 %; the brows sit
 * {@code browHeight} above the eyes and the mouth {@code chinHeight} above the chin. The shape parameters set the
 * widths. The jaw (points 0-16) is a superellipse from just below the eye line to the chin whose exponent is
 * solved so that its width at mouth level is {@code jawWidth} of the face width.
 *
 * <p>Yaw turns the head about a vertical axis behind the face: every point, landmark or not, is placed by
 * {@link #at(double, double, double)}: {@code x' = cx + (x - cx) cos(yaw) + depth * width * sin(yaw)}, where
 * {@code depth} is how far the point stands in front of the axis (nose tip most, silhouette none).
 */
final class FaceLayout {
    static final int LANDMARKS = 68;
    static final double CENTRE_X = 0.5;
    static final double TOP = 0.15;
    static final double HEIGHT = 0.70;
    /** Eye width as a fraction of the face width. */
    static final double EYE_WIDTH = 0.2;
    static final double MOUTH_WIDTH = 0.38;
    /** Depths in front of the yaw axis, in face widths. */
    static final double FACE_DEPTH = 0.30;
    static final double EYE_DEPTH = 0.26;
    static final double NOSE_TIP_DEPTH = 0.45;
    static final double MOUTH_DEPTH = 0.33;

    final double width;
    final double eyeY;
    final double jawTopY;
    final double chinY;
    final double browY;
    final double mouthY;
    final double noseBaseY;
    final double hairlineY;
    final double eyeWidth;
    final double eyeHeight;
    final double leftEyeX;
    final double rightEyeX;
    private final double cosYaw;
    private final double sinYaw;
    private final Point2D.Double[] points = new Point2D.Double[LANDMARKS];

    FaceLayout(FaceShape shape, FaceDetail detail, double smile, double browRaise, double yawRadians) {
        cosYaw = Math.cos(yawRadians);
        sinYaw = Math.sin(yawRadians);
        width = shape.aspect() * HEIGHT;
        eyeY = y(0.44);
        jawTopY = y(0.46);
        chinY = y(1.0);
        browY = eyeY - detail.browHeight() * HEIGHT;
        mouthY = chinY - detail.chinHeight() * HEIGHT;
        noseBaseY = y(0.67);
        hairlineY = y(0.2);
        eyeWidth = EYE_WIDTH * width;
        eyeHeight = detail.eyeOpening() * eyeWidth;
        leftEyeX = CENTRE_X - shape.eyeSpacing() * width / 2;
        rightEyeX = CENTRE_X + shape.eyeSpacing() * width / 2;
        jaw(shape.jawWidth());
        brows(detail.browHeight(), browRaise);
        eyes();
        nose(shape.noseWidth() * width);
        mouth(shape.lipFullness() * HEIGHT, smile);
    }

    /** The canonical layout: neutral expression, frontal. */
    FaceLayout(FaceShape shape, FaceDetail detail) {
        this(shape, detail, 0, 0, 0);
    }

    Point2D.Double point(int index) {
        return points[index];
    }

    /** Where the frontal-face point (x, y) at {@code depth} face widths before the yaw axis is drawn. */
    Point2D.Double at(double x, double y, double depth) {
        return new Point2D.Double(CENTRE_X + (x - CENTRE_X) * cosYaw + depth * width * sinYaw, y);
    }

    /** Horizontal shift of a point at {@code depth} by the yaw (for shapes drawn around a mapped centre). */
    double yawShift(double depth) {
        return depth * width * sinYaw;
    }

    /** Horizontal foreshortening by the yaw. */
    double cosYaw() {
        return cosYaw;
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
            arc[i] = at(CENTRE_X + width / 2 * Math.cos(angle), jawTopY - halfHeight * Math.sin(angle),
                    FACE_DEPTH * Math.sin(angle));
        }
        return arc;
    }

    static double y(double fractionOfHeight) {
        return TOP + fractionOfHeight * HEIGHT;
    }

    private void set(int index, double x, double y, double depth) {
        points[index] = at(x, y, depth);
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
            set(i, CENTRE_X - width / 2 * dx, jawTopY + depth * dy, FACE_DEPTH * s);
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

    private void brows(double browHeight, double raise) {
        // Higher-set brows are also more arched (the female pattern); a raise lifts the inner and middle parts.
        double arch = (0.25 * browHeight + 0.01 * raise) * HEIGHT;
        double lift = 0.025 * raise * HEIGHT;
        for (int i = 0; i < 5; i++) {
            double t = i / 4.0;
            double up = arch * Math.sin(Math.PI * (0.15 + 0.7 * t)) + lift * (1 - 0.4 * t);
            set(17 + i, leftEyeX - 0.65 * eyeWidth + 1.2 * eyeWidth * t, browY - up + lift * 0.4 * (1 - t), FACE_DEPTH);
            set(26 - i, rightEyeX + 0.65 * eyeWidth - 1.2 * eyeWidth * t, browY - up + lift * 0.4 * (1 - t), FACE_DEPTH);
        }
    }

    private void eyes() {
        double half = eyeWidth / 2;
        double lid = eyeHeight / 2;
        double[] xs = {-half, -half / 3, half / 3, half, half / 3, -half / 3};
        double[] ys = {0, -lid, -lid, 0, lid, lid};
        for (int i = 0; i < 6; i++) {
            set(36 + i, leftEyeX + xs[i], eyeY + ys[i], EYE_DEPTH);
        }
        // Right eye starts at its inner corner (42) and runs over the top to the outer corner (45).
        for (int i = 0; i < 6; i++) {
            set(42 + i, rightEyeX + xs[i], eyeY + ys[i], EYE_DEPTH);
        }
    }

    private void nose(double noseWidth) {
        double top = eyeY - 0.03 * HEIGHT;
        double tip = y(0.64);
        for (int i = 0; i < 4; i++) {
            set(27 + i, CENTRE_X, top + (tip - top) * i / 3, EYE_DEPTH + (NOSE_TIP_DEPTH - EYE_DEPTH) * i / 3);
        }
        double base = noseBaseY;
        double wing = EYE_DEPTH + 0.08;
        set(31, CENTRE_X - noseWidth / 2, base - 0.02 * HEIGHT, wing);
        set(32, CENTRE_X - noseWidth / 4, base - 0.005 * HEIGHT, wing + 0.04);
        set(33, CENTRE_X, base, wing + 0.07);
        set(34, CENTRE_X + noseWidth / 4, base - 0.005 * HEIGHT, wing + 0.04);
        set(35, CENTRE_X + noseWidth / 2, base - 0.02 * HEIGHT, wing);
    }

    private void mouth(double lipHeight, double smile) {
        // A smile widens the mouth and lifts its corners; the inner line curves up with them.
        double half = MOUTH_WIDTH * width / 2 * (1 + 0.12 * smile);
        double corner = mouthY - 0.025 * smile * HEIGHT;
        double upper = 0.45 * lipHeight;
        double lower = 0.55 * lipHeight * (1 - 0.15 * smile);
        double m = mouthY;
        double d = MOUTH_DEPTH;
        set(48, CENTRE_X - half, corner, d - 0.05);
        set(49, CENTRE_X - 0.62 * half, m - 0.8 * upper - 0.3 * (m - corner), d);
        set(50, CENTRE_X - 0.25 * half, m - upper, d);
        set(51, CENTRE_X, m - 0.85 * upper, d);
        set(52, CENTRE_X + 0.25 * half, m - upper, d);
        set(53, CENTRE_X + 0.62 * half, m - 0.8 * upper - 0.3 * (m - corner), d);
        set(54, CENTRE_X + half, corner, d - 0.05);
        set(55, CENTRE_X + 0.62 * half, m + 0.8 * lower - 0.4 * (m - corner), d);
        set(56, CENTRE_X + 0.3 * half, m + lower, d);
        set(57, CENTRE_X, m + lower, d);
        set(58, CENTRE_X - 0.3 * half, m + lower, d);
        set(59, CENTRE_X - 0.62 * half, m + 0.8 * lower - 0.4 * (m - corner), d);
        // Closed mouth: the inner upper and lower contours coincide on the lip line.
        double inner = 0.9 * half;
        double[] xs = {-inner, -0.4 * half, 0, 0.4 * half, inner, 0.4 * half, 0, -0.4 * half};
        double[] lifts = {0.85, 0.3, 0, 0.3, 0.85, 0.3, 0, 0.3};
        for (int i = 0; i < 8; i++) {
            set(60 + i, CENTRE_X + xs[i], m - lifts[i] * (m - corner), d);
        }
    }
}
