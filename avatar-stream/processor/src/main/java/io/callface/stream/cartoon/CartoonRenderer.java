package io.callface.stream.cartoon;

import io.callface.avro.AvatarEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Draws an avatar's cartoon as a standalone SVG document (200 x 240 units), in the flat style of avatar kits such
 * as DiceBear's: a pastel background and clothing picked by the participant id, then the hair behind, neck, ears,
 * head, cheeks, lines of age, beard, nose, mouth, moustache, eyes, brows and the hair in front, in that order.
 *
 * <p>Every drawn part is a group with a {@code data-part} name, and the root element states what was decided
 * ({@code data-hair-length}, {@code data-hair-style}, {@code data-facial-hair}, {@code data-age-lines},
 * {@code data-face-shape}), so a UI
 * can restyle parts and tests can check that the drawing says what the attributes say. See {@link CartoonFeatures}
 * for how the event's attributes, measures and colours become the drawing.
 */
public final class CartoonRenderer {
    public static final String CONTENT_TYPE = "image/svg+xml";

    private static final List<Rgb> BACKGROUNDS = hexes("#b6e3f4", "#c0aede", "#d1d4f9", "#ffd5dc", "#ffdfbf", "#c7f0d8");
    private static final List<Rgb> CLOTHES = hexes("#3f5f99", "#c8553d", "#3d405b", "#5f8f78", "#8a5a9e", "#2f7f8f");

    private CartoonRenderer() {
    }

    /** The cartoon of {@code event}'s face as SVG markup. */
    public static String svg(AvatarEvent event) {
        return render(CartoonFeatures.of(event));
    }

    static String render(CartoonFeatures f) {
        HeadGeometry h = HeadGeometry.of(f.faceShape(), f.proportions());
        int pick = Math.floorMod(f.seed().hashCode(), BACKGROUNDS.size());
        SvgElement root = SvgElement.of("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + SvgElement.number(HeadGeometry.WIDTH) + " " + SvgElement.number(HeadGeometry.HEIGHT))
                .attr("role", "img").attr("aria-label", "cartoon avatar")
                .attr("data-hair-length", f.hairLength().name())
                .attr("data-hair-style", HairStyle.of(f.hairLength(), f.maleProbability()).name())
                .attr("data-facial-hair", f.facialHair().name())
                .attr("data-age-lines", String.valueOf(f.ageLines().drawnCount()))
                .attr("data-face-shape", f.faceShape().name());
        root.add(SvgElement.of("rect").attr("width", HeadGeometry.WIDTH).attr("height", HeadGeometry.HEIGHT)
                .attr("fill", BACKGROUNDS.get(pick).hex()));
        root.add(body(CLOTHES.get(Math.floorMod(f.seed().hashCode() / BACKGROUNDS.size(), CLOTHES.size())), f, h))
                .add(HairDrawing.back(f, h))
                .add(neck(f, h))
                .add(ears(f, h))
                .add(SvgElement.part("head").add(SvgElement.of("path").attr("d", h.outline()).attr("fill", f.skin().hex())
                        .attr("stroke", f.skin().darker(0.22).hex()).attr("stroke-width", 1.2)))
                .add(FaceDrawing.cheeks(f, h))
                .add(AgeLineDrawing.of(f, h))
                .add(FacialHairDrawing.beard(f, h))
                .add(FaceDrawing.nose(f, h))
                .add(FaceDrawing.mouth(f, h))
                .add(FacialHairDrawing.moustache(f, h))
                .add(FaceDrawing.eyes(f, h))
                .add(FaceDrawing.brows(f, h))
                .add(HairDrawing.front(f, h));
        return root.toXml();
    }

    private static SvgElement body(Rgb clothes, CartoonFeatures f, HeadGeometry h) {
        double neckY = 204;
        Path shirt = Path.from(14, 240).curveTo(16, 216, 52, neckY, h.cx(), neckY)
                .curveTo(148, neckY, 184, 216, 186, 240).close();
        Path collar = Path.from(h.cx() - 17, neckY - 0.5).lineTo(h.cx(), neckY + 16).lineTo(h.cx() + 17, neckY - 0.5).close();
        return SvgElement.part("body")
                .add(SvgElement.of("path").attr("d", shirt.toString()).attr("fill", clothes.hex()))
                .add(SvgElement.of("path").attr("d", collar.toString()).attr("fill", f.skin().darker(0.08).hex()));
    }

    private static SvgElement neck(CartoonFeatures f, HeadGeometry h) {
        double half = 0.4 * h.halfWidth();
        double top = h.jawCornerY();
        Path neck = Path.from(h.cx() - half, top).lineTo(h.cx() - half, 206).quadTo(h.cx(), 214, h.cx() + half, 206)
                .lineTo(h.cx() + half, top).close();
        Path shadow = Path.from(h.cx() - half, h.bottom() - 10).quadTo(h.cx(), h.bottom() + 12, h.cx() + half, h.bottom() - 10)
                .lineTo(h.cx() + half, h.bottom() - 14).lineTo(h.cx() - half, h.bottom() - 14).close();
        return SvgElement.part("neck")
                .add(SvgElement.of("path").attr("d", neck.toString()).attr("fill", f.skin().darker(0.06).hex()))
                .add(SvgElement.of("path").attr("d", shadow.toString()).attr("fill", f.skin().darker(0.2).hex()));
    }

    private static SvgElement ears(CartoonFeatures f, HeadGeometry h) {
        SvgElement group = SvgElement.part("ears");
        for (int side : new int[] {-1, 1}) {
            group.add(SvgElement.of("ellipse").attr("cx", h.cx() + side * (h.halfWidth() - 1)).attr("cy", h.eyeY() + 0.05 * h.height())
                    .attr("rx", 6.5).attr("ry", 10.5).attr("fill", f.skin().darker(0.04).hex())
                    .attr("stroke", f.skin().darker(0.22).hex()).attr("stroke-width", 1));
        }
        return group;
    }

    private static List<Rgb> hexes(String... colours) {
        return Arrays.stream(colours).map(Rgb::parse).toList();
    }
}
