package io.callface.stream.cartoon;

import io.callface.avro.HairLengthClass;

/**
 * The hair: a back layer that falls behind the head for chin length and longer, and a front layer over the
 * cranium down to the hairline.
 *
 * <p>Styles by length class: BUZZ a close cap, thin enough to show the scalp's shape; SHORT a cap with volume and
 * a side part, swept over the forehead as a pixie when the face is more likely female; CHIN a bob, SHOULDER and
 * LONG centre-parted curtains framing the face with the back hair falling to the shoulders or past them. Temples
 * recede with {@link CartoonFeatures#hairlineRecession()} (women's hairlines are spared, as in the world's model).
 */
final class HairDrawing {
    private HairDrawing() {
    }

    /** The hair behind the head and neck, or an empty group for short styles. */
    static SvgElement back(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("hair-back");
        double end = switch (f.hairLength()) {
            case CHIN -> h.jawCornerY() + 6;
            case SHOULDER -> 212;
            case LONG -> 238;
            default -> Double.NaN;
        };
        if (Double.isNaN(end)) {
            return group;
        }
        double spread = f.hairLength() == HairLengthClass.LONG ? 20 : f.hairLength() == HairLengthClass.SHOULDER ? 15 : 9;
        double w = h.halfWidth() + 7;
        Path path = Path.from(h.cx() - w, h.eyeY())
                .curveTo(h.cx() - w - 2, h.top() - 12, h.cx() + w + 2, h.top() - 12, h.cx() + w, h.eyeY())
                .curveTo(h.cx() + w + spread * 0.4, h.eyeY() + 40, h.cx() + w + spread, end - 30, h.cx() + w + spread * 0.8, end)
                .quadTo(h.cx(), end + 8, h.cx() - w - spread * 0.8, end)
                .curveTo(h.cx() - w - spread, end - 30, h.cx() - w - spread * 0.4, h.eyeY() + 40, h.cx() - w, h.eyeY())
                .close();
        return group.add(SvgElement.of("path").attr("d", path.toString()).attr("fill", f.hair().darker(0.1).hex()));
    }

    /** The hair over the cranium and forehead. */
    static SvgElement front(CartoonFeatures f, HeadGeometry h) {
        String colour = f.hair().hex();
        HairStyle style = HairStyle.of(f.hairLength(), f.maleProbability());
        SvgElement group = SvgElement.part("hair-front").attr("data-style", style.name());
        switch (style) {
            case BUZZ -> group.add(fill(cap(f, h, 1.5), colour).attr("opacity", 0.75));
            case SIDE_PART -> group.add(fill(cap(f, h, 7), colour)).add(partLine(f, h, h.cx() - 0.45 * h.halfWidth()));
            case PIXIE -> group.add(fill(pixie(h), colour));
            case CURTAINS -> group.add(fill(curtains(f, h), colour)).add(partLine(f, h, h.cx()));
        }
        return group;
    }

    /** A cap over the cranium from temple to temple, {@code volume} units above the scalp, the hairline below. */
    private static String cap(CartoonFeatures f, HeadGeometry h, double volume) {
        double w = h.halfWidth() + 2;
        double temple = h.eyeY() - 0.13 * h.height();
        double line = h.hairlineY();
        // Recession lifts the hairline at the temples into an M; the centre holds longest.
        double notch = f.hairlineRecession() * 0.16 * h.height();
        return Path.from(h.cx() - w, temple)
                .curveTo(h.cx() - w - volume * 0.3, h.top() + 0.1 * h.height() - volume, h.cx() - 0.55 * w, h.top() - volume,
                        h.cx(), h.top() - volume)
                .curveTo(h.cx() + 0.55 * w, h.top() - volume, h.cx() + w + volume * 0.3, h.top() + 0.1 * h.height() - volume,
                        h.cx() + w, temple)
                .lineTo(h.cx() + w - 5, temple)
                .curveTo(h.cx() + 0.85 * w, line - notch, h.cx() + 0.55 * w, line - notch * 1.2, h.cx() + 0.3 * w, line - notch * 0.5)
                .quadTo(h.cx(), line + 2, h.cx() - 0.3 * w, line - notch * 0.5)
                .curveTo(h.cx() - 0.55 * w, line - notch * 1.2, h.cx() - 0.85 * w, line - notch, h.cx() - w + 5, temple)
                .close().toString();
    }

    /** Short hair swept across the forehead from a part on the right. */
    private static String pixie(HeadGeometry h) {
        double w = h.halfWidth() + 3;
        double temple = h.eyeY() - 0.08 * h.height();
        double line = h.hairlineY();
        return Path.from(h.cx() - w, temple)
                .curveTo(h.cx() - w - 2, h.top() + 0.05 * h.height() - 6, h.cx() - 0.55 * w, h.top() - 7, h.cx(), h.top() - 7)
                .curveTo(h.cx() + 0.55 * w, h.top() - 7, h.cx() + w + 2, h.top() + 0.05 * h.height() - 6, h.cx() + w, temple)
                .lineTo(h.cx() + w - 5, temple)
                .curveTo(h.cx() + 0.8 * w, line, h.cx() + 0.3 * w, line - 2, h.cx() + 0.1 * w, line + 2)
                .curveTo(h.cx() - 0.2 * w, line + 0.08 * h.height(), h.cx() - 0.7 * w, line + 0.1 * h.height(), h.cx() - w + 3, temple + 4)
                .close().toString();
    }

    /** Hair parted in the middle falling beside the face, to the jaw (CHIN) or the chin (longer). */
    private static String curtains(CartoonFeatures f, HeadGeometry h) {
        double w = h.halfWidth() + 6;
        double end = f.hairLength() == HairLengthClass.CHIN ? h.jawCornerY() + 4 : h.bottom() - 6;
        double line = h.hairlineY();
        double inner = h.halfWidth() - 6;
        return Path.from(h.cx(), h.top() - 6)
                .curveTo(h.cx() + 0.6 * w, h.top() - 6, h.cx() + w, h.top() + 0.1 * h.height(), h.cx() + w, h.eyeY())
                .lineTo(h.cx() + w, end)
                .quadTo(h.cx() + inner + 2, end + 3, h.cx() + inner - 1, end - 8)
                .curveTo(h.cx() + inner, h.eyeY() - 0.04 * h.height(), h.cx() + 0.5 * w, line + 3, h.cx() + 2, line)
                .lineTo(h.cx() - 2, line)
                .curveTo(h.cx() - 0.5 * w, line + 3, h.cx() - inner, h.eyeY() - 0.04 * h.height(), h.cx() - inner + 1, end - 8)
                .quadTo(h.cx() - inner - 2, end + 3, h.cx() - w, end)
                .lineTo(h.cx() - w, h.eyeY())
                .curveTo(h.cx() - w, h.top() + 0.1 * h.height(), h.cx() - 0.6 * w, h.top() - 6, h.cx(), h.top() - 6)
                .close().toString();
    }

    private static SvgElement partLine(CartoonFeatures f, HeadGeometry h, double x) {
        Path stroke = Path.from(x, h.top() - 3).quadTo(x + 3, h.top() + 8, x + 1, h.hairlineY() - 2);
        return SvgElement.of("path").attr("d", stroke.toString()).attr("fill", "none")
                .attr("stroke", f.hair().darker(0.3).hex()).attr("stroke-width", 1.4).attr("stroke-linecap", "round");
    }

    private static SvgElement fill(String d, String colour) {
        return SvgElement.of("path").attr("d", d).attr("fill", colour);
    }
}
