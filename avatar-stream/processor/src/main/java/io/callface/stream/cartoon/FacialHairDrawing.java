package io.callface.stream.cartoon;

/**
 * A beard over the jaw and lower cheeks up to the nose, in the (greyed) hair colour: faint for stubble, solid for a
 * full beard, which also gets a moustache drawn over the upper lip.
 */
final class FacialHairDrawing {
    private static final double STUBBLE_OPACITY = 0.38;

    private FacialHairDrawing() {
    }

    /** The beard, drawn under the mouth; an empty group when there is no facial hair. */
    static SvgElement beard(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("beard");
        if (f.facialHair() == FacialHair.NONE) {
            return group;
        }
        double w = h.halfWidth();
        double top = h.eyeY() - 0.02 * h.height();
        Path path = h.jawline(Path.from(h.cx() + w + 1, top), f.facialHair() == FacialHair.FULL ? 3 : 1)
                .curveTo(h.cx() - w + 5, h.eyeY() + 0.12 * h.height(), h.cx() - 0.6 * w, h.noseY() + 7, h.cx() - 0.3 * w, h.noseY() + 4)
                .quadTo(h.cx(), h.noseY() - 1, h.cx() + 0.3 * w, h.noseY() + 4)
                .curveTo(h.cx() + 0.6 * w, h.noseY() + 7, h.cx() + w - 5, h.eyeY() + 0.12 * h.height(), h.cx() + w + 1, top)
                .close();
        SvgElement beard = SvgElement.of("path").attr("d", path.toString()).attr("fill", f.hair().hex());
        if (f.facialHair() == FacialHair.STUBBLE) {
            beard.attr("opacity", STUBBLE_OPACITY);
        }
        return group.add(beard);
    }

    /** The moustache of a full beard, drawn over the mouth; an empty group otherwise. */
    static SvgElement moustache(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("moustache");
        if (f.facialHair() != FacialHair.FULL) {
            return group;
        }
        double w = h.mouthHalfWidth() + 3;
        double y = h.mouthY();
        Path path = Path.from(h.cx() - w, y + 2).quadTo(h.cx() - w * 0.6, h.noseY() + 3, h.cx(), h.noseY() + 5)
                .quadTo(h.cx() + w * 0.6, h.noseY() + 3, h.cx() + w, y + 2)
                .quadTo(h.cx(), y - 3, h.cx() - w, y + 2).close();
        return group.add(SvgElement.of("path").attr("d", path.toString()).attr("fill", f.hair().darker(0.08).hex()));
    }
}
