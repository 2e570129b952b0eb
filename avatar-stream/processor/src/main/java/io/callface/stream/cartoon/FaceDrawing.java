package io.callface.stream.cartoon;

/**
 * The features inside the face: cheeks, nose, mouth, eyes and brows. Brows thicken with the probability that the
 * face is male and tilt as the decoded face's brows do; the lips fill as its lips are full; a face more likely
 * female gets lashes, as avatar kits draw them.
 */
final class FaceDrawing {
    private static final String INK = "#2a2022";

    private FaceDrawing() {
    }

    static SvgElement cheeks(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("cheeks");
        double opacity = 0.1 + 0.12 * (1 - f.maleProbability());
        for (int side : new int[] {-1, 1}) {
            group.add(SvgElement.of("ellipse").attr("cx", h.cx() + side * (h.eyeOffset() + 4)).attr("cy", h.noseY() + 2)
                    .attr("rx", 8).attr("ry", 4.5).attr("fill", "#ff6f6f").attr("opacity", opacity));
        }
        return group;
    }

    static SvgElement nose(CartoonFeatures f, HeadGeometry h) {
        double w = h.noseHalfWidth();
        Path path = Path.from(h.cx() - w, h.noseY() - 3).quadTo(h.cx() - w - 2, h.noseY() + 2, h.cx() - w * 0.4, h.noseY() + 2)
                .quadTo(h.cx(), h.noseY() + 4.5, h.cx() + w * 0.4, h.noseY() + 2)
                .quadTo(h.cx() + w + 2, h.noseY() + 2, h.cx() + w, h.noseY() - 3);
        return SvgElement.part("nose").add(SvgElement.of("path").attr("d", path.toString()).attr("fill", "none")
                .attr("stroke", f.skin().darker(0.32).hex()).attr("stroke-width", 1.8).attr("stroke-linecap", "round"));
    }

    static SvgElement mouth(CartoonFeatures f, HeadGeometry h) {
        double w = h.mouthHalfWidth();
        double y = h.mouthY();
        Path lips = Path.from(h.cx() - w, y).quadTo(h.cx() - w * 0.5, y - 3, h.cx(), y - 1)
                .quadTo(h.cx() + w * 0.5, y - 3, h.cx() + w, y)
                .quadTo(h.cx(), y + h.lipDepth() * 1.6, h.cx() - w, y).close();
        Path seam = Path.from(h.cx() - w, y).quadTo(h.cx(), y + 3, h.cx() + w, y);
        Rgb lipColour = f.lips().mix(new Rgb(0xb0, 0x45, 0x50), 0.35);
        return SvgElement.part("mouth")
                .add(SvgElement.of("path").attr("d", lips.toString()).attr("fill", lipColour.hex()))
                .add(SvgElement.of("path").attr("d", seam.toString()).attr("fill", "none")
                        .attr("stroke", lipColour.darker(0.45).hex()).attr("stroke-width", 1.3).attr("stroke-linecap", "round"));
    }

    static SvgElement eyes(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("eyes");
        double y = h.eyeY();
        for (int side : new int[] {-1, 1}) {
            double x = h.cx() + side * h.eyeOffset();
            group.add(SvgElement.of("ellipse").attr("cx", x).attr("cy", y).attr("rx", 8.5).attr("ry", 5.6).attr("fill", "#fbf8f3"))
                    .add(SvgElement.of("circle").attr("cx", x).attr("cy", y + 0.4).attr("r", 4.6).attr("fill", f.eyes().hex()))
                    .add(SvgElement.of("circle").attr("cx", x).attr("cy", y + 0.4).attr("r", 2.2).attr("fill", "#141012"))
                    .add(SvgElement.of("circle").attr("cx", x + 1.5).attr("cy", y - 1.2).attr("r", 1.1).attr("fill", "#ffffff"));
            Path lid = Path.from(x - 9, y + 0.5).quadTo(x, y - 9, x + 9, y + 0.5);
            if (f.maleProbability() < 0.5) {
                double outer = x + side * 8.2;
                lid.moveTo(outer, y - 2.5).lineTo(outer + side * 3.2, y - 5)
                        .moveTo(outer - side * 2.2, y - 4.4).lineTo(outer - side * 0.2, y - 7.4);
            }
            group.add(SvgElement.of("path").attr("d", lid.toString()).attr("fill", "none").attr("stroke", INK)
                    .attr("stroke-width", 1.6).attr("stroke-linecap", "round"));
        }
        return group;
    }

    static SvgElement brows(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("brows");
        double rise = (f.proportions().browTilt() - 0.5) * 8;
        double width = 2.2 + 2.8 * f.maleProbability();
        for (int side : new int[] {-1, 1}) {
            double inner = h.cx() + side * (h.eyeOffset() - 8);
            double outer = h.cx() + side * (h.eyeOffset() + 9.5);
            double y = h.browY();
            Path brow = Path.from(inner, y + 1).quadTo((inner + outer) / 2, y - 4 - rise / 2, outer, y + 1.5 - rise);
            group.add(SvgElement.of("path").attr("d", brow.toString()).attr("fill", "none").attr("stroke", f.brows().hex())
                    .attr("stroke-width", width).attr("stroke-linecap", "round"));
        }
        return group;
    }
}
