package io.callface.stream.cartoon;

/**
 * Lines of age as thin strokes in a darker shade of the skin, each as dark as its severity: forehead lines between
 * hairline and brows, crow's feet at the eyes' outer corners, nasolabial folds from the nose wings past the mouth.
 */
final class AgeLineDrawing {
    private AgeLineDrawing() {
    }

    static SvgElement of(CartoonFeatures f, HeadGeometry h) {
        AgeLines lines = f.ageLines();
        SvgElement group = SvgElement.part("age-lines").attr("data-count", String.valueOf(lines.drawnCount()));
        for (int i = 0; i < lines.foreheadLineCount(); i++) {
            double y = h.browY() - 9 - 5 * i;
            double half = 0.42 * h.halfWidth() - 3 * i;
            group.add(stroke(f, lines.forehead(), "forehead",
                    Path.from(h.cx() - half, y + 1).quadTo(h.cx(), y - 2.5, h.cx() + half, y + 1)));
        }
        if (lines.showsCrowsFeet()) {
            for (int side : new int[] {-1, 1}) {
                double x = h.cx() + side * (h.eyeOffset() + 11);
                double y = h.eyeY();
                group.add(stroke(f, lines.crowsFeet(), "crows-feet", Path.from(x, y - 1.5).lineTo(x + side * 4.5, y - 4)
                        .moveTo(x, y + 1).lineTo(x + side * 4.5, y + 2.5)));
            }
        }
        if (lines.showsFolds()) {
            for (int side : new int[] {-1, 1}) {
                double x = h.cx() + side * (h.noseHalfWidth() + 3);
                double end = h.cx() + side * (h.mouthHalfWidth() + 3);
                group.add(stroke(f, lines.folds(), "fold", Path.from(x, h.noseY() - 1)
                        .quadTo(x + side * 7, h.noseY() + 6, end, h.mouthY() + 2)));
            }
        }
        return group;
    }

    private static SvgElement stroke(CartoonFeatures f, double severity, String kind, Path path) {
        return SvgElement.of("path").attr("data-line", kind).attr("d", path.toString()).attr("fill", "none")
                .attr("stroke", f.skin().darker(0.3 + 0.15 * severity).hex()).attr("stroke-width", 1.2)
                .attr("stroke-linecap", "round").attr("opacity", 0.3 + 0.6 * severity);
    }
}
