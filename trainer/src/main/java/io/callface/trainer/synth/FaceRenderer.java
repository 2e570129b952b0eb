package io.callface.trainer.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Draws the canonical face of an identity with Java2D: frontal, neutral expression (mouth closed), flat
 * uniform lighting, on a plain grey background. Hair (behind the head and above the hairline) in the hair
 * colour, skin-coloured face and neck, white eyes with irises in the eye colour, brows, a shaded nose and
 * lips in the lip colour. All outlines are drawn through the landmarks of {@link FaceLayout}, so the returned
 * landmarks are the drawn geometry. Thread-safe; output depends only on the traits and the size.
 */
public final class FaceRenderer {
    public static final int DEFAULT_SIZE = 64;
    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 1024;
    public static final Color BACKGROUND = new Color(200, 202, 206);
    public static final Color SCLERA = new Color(246, 245, 240);
    private static final Color PUPIL = new Color(18, 16, 16);
    private static final int ARC_POINTS = 9;

    private final int size;

    public FaceRenderer() {
        this(DEFAULT_SIZE);
    }

    public FaceRenderer(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: " + size + " is outside [" + MIN_SIZE + ", " + MAX_SIZE + "]");
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    public RenderedFace render(IdentityTraits traits) {
        FaceLayout layout = new FaceLayout(traits.face());
        Pigmentation colours = traits.colours();
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size, size);
            g.setColor(BACKGROUND);
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
            drawHeadAndHair(g, layout, colours);
            drawBrows(g, layout, colours.hair());
            drawEye(g, layout, 36, layout.leftEyeX, colours.eyes(), colours.skin());
            drawEye(g, layout, 42, layout.rightEyeX, colours.eyes(), colours.skin());
            drawNose(g, layout, colours.skin());
            drawMouth(g, layout, colours.lips());
        } finally {
            g.dispose();
        }
        return new RenderedFace(image, layout.landmarks());
    }

    private static void drawHeadAndHair(Graphics2D g, FaceLayout layout, Pigmentation colours) {
        double cx = FaceLayout.CENTRE_X;
        double w = layout.width;
        g.setColor(scale(colours.skin(), 0.85));
        g.fill(new Rectangle2D.Double(cx - 0.2 * w, layout.jawTopY + 0.2 * FaceLayout.HEIGHT, 0.4 * w, 1));
        double hairTop = FaceLayout.TOP - 0.05;
        double hairBottom = layout.jawTopY + 0.1 * FaceLayout.HEIGHT;
        g.setColor(colours.hair());
        Ellipse2D.Double hairMass = new Ellipse2D.Double(cx - w / 2 - 0.04, hairTop, w + 0.08,
                2 * (hairBottom - hairTop) * 0.75);
        g.fill(hairMass);

        Shape face = faceOutline(layout);
        g.setColor(colours.skin());
        g.fill(face);
        // Fringe: hair over the forehead down to a hairline that is lowest at the temples. It covers hair mass
        // and face alike so no anti-aliased skin seam shows along the top of the head.
        Path2D.Double hairline = new Path2D.Double();
        double temples = layout.hairlineY + 0.05 * FaceLayout.HEIGHT;
        hairline.moveTo(0, 0);
        hairline.lineTo(1, 0);
        hairline.lineTo(1, temples);
        hairline.quadTo(cx, layout.hairlineY - 0.05 * FaceLayout.HEIGHT, 0, temples);
        hairline.closePath();
        Area head = new Area(hairMass);
        head.add(new Area(face));
        Area fringe = new Area(hairline);
        fringe.intersect(head);
        g.setColor(colours.hair());
        g.fill(fringe);
    }

    private static Shape faceOutline(FaceLayout layout) {
        Point2D.Double[] arc = layout.foreheadArc(ARC_POINTS);
        Point2D.Double[] outline = new Point2D.Double[17 + arc.length];
        for (int i = 0; i <= 16; i++) {
            outline[i] = layout.point(i);
        }
        System.arraycopy(arc, 0, outline, 17, arc.length);
        return SplinePath.closed(outline);
    }

    private static void drawBrows(Graphics2D g, FaceLayout layout, Color hair) {
        g.setColor(scale(hair, 0.75));
        g.setStroke(new BasicStroke((float) (0.022 * FaceLayout.HEIGHT), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(SplinePath.open(points(layout, 17, 22)));
        g.draw(SplinePath.open(points(layout, 22, 27)));
    }

    private static void drawEye(Graphics2D g, FaceLayout layout, int first, double centreX, Color iris, Color skin) {
        Shape eye = SplinePath.closed(points(layout, first, first + 6));
        g.setColor(SCLERA);
        g.fill(eye);
        Shape clip = g.getClip();
        g.clip(eye);
        double irisRadius = 0.55 * layout.eyeHeight;
        g.setColor(iris);
        g.fill(new Ellipse2D.Double(centreX - irisRadius, layout.eyeY - irisRadius, 2 * irisRadius, 2 * irisRadius));
        double pupilRadius = 0.35 * irisRadius;
        g.setColor(PUPIL);
        g.fill(new Ellipse2D.Double(centreX - pupilRadius, layout.eyeY - pupilRadius, 2 * pupilRadius, 2 * pupilRadius));
        g.setClip(clip);
        // Upper lid line.
        g.setColor(scale(skin, 0.45));
        g.setStroke(new BasicStroke((float) (0.006 * FaceLayout.HEIGHT), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(SplinePath.open(points(layout, first, first + 4)));
    }

    private static void drawNose(Graphics2D g, FaceLayout layout, Color skin) {
        double line = 0.007 * FaceLayout.HEIGHT;
        g.setStroke(new BasicStroke((float) line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(scale(skin, 0.82));
        Point2D.Double bridge = layout.point(29);
        g.draw(SplinePath.open(bridge, layout.point(31)));
        g.draw(SplinePath.open(bridge, layout.point(35)));
        g.setColor(scale(skin, 0.7));
        g.draw(SplinePath.open(points(layout, 31, 36)));
        g.setColor(scale(skin, 0.45));
        double nostrilW = 0.35 * (layout.point(33).x - layout.point(31).x);
        double nostrilH = 0.012 * FaceLayout.HEIGHT;
        for (int index : new int[] {32, 34}) {
            Point2D.Double p = layout.point(index);
            g.fill(new Ellipse2D.Double(p.x - nostrilW / 2, p.y - 1.6 * nostrilH, nostrilW, nostrilH));
        }
    }

    private static void drawMouth(Graphics2D g, FaceLayout layout, Color lips) {
        g.setColor(lips);
        g.fill(SplinePath.closed(points(layout, 48, 60)));
        g.setColor(scale(lips, 0.6));
        g.setStroke(new BasicStroke((float) (0.006 * FaceLayout.HEIGHT), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(SplinePath.open(points(layout, 60, 65)));
    }

    private static Point2D.Double[] points(FaceLayout layout, int from, int to) {
        Point2D.Double[] out = new Point2D.Double[to - from];
        Arrays.setAll(out, i -> layout.point(from + i));
        return out;
    }

    private static Color scale(Color colour, double factor) {
        return new Color(
                (int) Math.round(colour.getRed() * factor),
                (int) Math.round(colour.getGreen() * factor),
                (int) Math.round(colour.getBlue() * factor));
    }
}
