package io.callface.stream.cartoon;

import io.callface.avro.FaceShapeClass;

/**
 * Where the head and its features sit on the 200 x 240 canvas, from the face shape class and the proportions.
 *
 * <p>Each face shape sets the head's half width and height, the jaw's half width at its corner and the flat part
 * of the chin: LONG narrow and tall, ROUND wide and short with a broad rounded jaw, SQUARE a wide jaw and flat chin,
 * OVAL in between, tapering to the chin. The measured face width to height widens or narrows the head by up to 5 %,
 * the jaw width moves the jaw corners by up to 10 %; eye spacing, nose and mouth sizes follow their proportions.
 * The eyes sit at mid-height of the head, as in a real skull.
 */
record HeadGeometry(double cx, double top, double halfWidth, double height, double jawHalfWidth, double jawCornerY,
                    double chinHalfWidth, double eyeY, double eyeOffset, double noseY, double noseHalfWidth,
                    double mouthY, double mouthHalfWidth, double lipDepth) {
    static final double WIDTH = 200;
    static final double HEIGHT = 240;
    private static final double TOP = 50;

    static HeadGeometry of(FaceShapeClass shape, Proportions p) {
        double[] base = switch (shape) {
            // half width, height, jaw half width / half width, jaw corner below the eyes / height, chin flat / half width
            case LONG -> new double[] {42, 136, 0.66, 0.36, 0.18};
            case ROUND -> new double[] {51, 118, 0.80, 0.28, 0.30};
            case SQUARE -> new double[] {50, 124, 0.88, 0.36, 0.42};
            case OVAL -> new double[] {47, 128, 0.64, 0.33, 0.18};
        };
        double halfWidth = base[0] * (0.95 + 0.1 * p.width());
        double height = base[1];
        double eyeY = TOP + height / 2;
        double noseY = eyeY + height * (0.15 + 0.05 * p.noseHeight());
        return new HeadGeometry(100, TOP, halfWidth, height, halfWidth * base[2] * (0.9 + 0.2 * p.jaw()),
                eyeY + height * base[3], halfWidth * base[4], eyeY, halfWidth * (0.38 + 0.12 * (p.eyeSpacing() - 0.5)),
                noseY, 4.5 + 5 * p.noseWidth(), noseY + 13 + 0.04 * height, halfWidth * (0.26 + 0.14 * p.mouthWidth()),
                5 + 6 * p.lipFullness());
    }

    double bottom() {
        return top + height;
    }

    /** Where the hair meets the forehead at the centre line. */
    double hairlineY() {
        return top + 0.19 * height;
    }

    double browY() {
        return eyeY - 13;
    }

    /** The head's outline: cranium, cheeks, jaw corners and chin. */
    String outline() {
        return jawline(Path.from(cx - halfWidth, eyeY - 0.02 * height)
                .curveTo(cx - halfWidth, top + 0.12 * height, cx - 0.55 * halfWidth, top, cx, top)
                .curveTo(cx + 0.55 * halfWidth, top, cx + halfWidth, top + 0.12 * height, cx + halfWidth, eyeY - 0.02 * height),
                0).close().toString();
    }

    /**
     * Continues {@code path} (standing on the right side of the face at eye level) down the right cheek, around
     * the chin and up the left cheek, {@code outset} units outside the outline.
     */
    Path jawline(Path path, double outset) {
        double w = halfWidth + outset;
        double jaw = jawHalfWidth + outset;
        double chin = chinHalfWidth;
        double bottom = bottom() + outset;
        return path
                .curveTo(cx + w, eyeY + 0.18 * height, cx + jaw + 0.06 * w, jawCornerY - 0.05 * height, cx + jaw, jawCornerY)
                .curveTo(cx + jaw - 0.08 * w, bottom - 0.05 * height, cx + chin + 0.12 * w, bottom, cx + chin, bottom)
                .lineTo(cx - chin, bottom)
                .curveTo(cx - chin - 0.12 * w, bottom, cx - jaw + 0.08 * w, bottom - 0.05 * height, cx - jaw, jawCornerY)
                .curveTo(cx - jaw - 0.06 * w, jawCornerY - 0.05 * height, cx - w, eyeY + 0.18 * height, cx - w, eyeY - 0.02 * height);
    }
}
