package io.callface.trainer.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Draws the face of an identity with Java2D. The canonical rendering ({@link #render(IdentityTraits)}) is frontal,
 * neutral (mouth closed) and evenly lit, on a plain grey background; {@link #render(IdentityTraits,
 * RenderingVariation)} adds a small head pose, directional light, white balance, expression and hair change.
 *
 * <p>Drawn, back to front: shoulders, ears, hair behind the head (long hair falling beside the face), neck, the
 * face with soft radial shading, eye-socket shadow that deepens with the brow ridge, forehead lines, crow's feet
 * and nasolabial folds by age, hair over the forehead down to a hairline that recedes with the Norwood stage,
 * brows (thickness, height, greyed at half the scalp's grey share), eyes, nose, facial hair and lips. Hair, brows
 * and facial hair take the hair colour blended with grey by {@link Ageing#greyShare()}. All outlines go through
 * the landmarks of {@link FaceLayout}, and the variation's roll, scale and shift are one affine transform applied
 * to the drawing and to the landmarks alike, so the returned landmarks are the drawn geometry at every size.
 * Thread-safe; output depends only on the traits, the variation and the size.
 */
public final class FaceRenderer {
    public static final int DEFAULT_SIZE = 128;
    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 1024;
    public static final Color BACKGROUND = new Color(200, 202, 206);
    public static final Color SCLERA = new Color(246, 245, 240);
    /** Clothing: one neutral colour for everyone, so it carries no information. */
    static final Color CLOTHING = new Color(62, 70, 88);
    private static final Color PUPIL = new Color(18, 16, 16);
    private static final int ARC_POINTS = 9;
    private static final double LINE = 0.006 * FaceLayout.HEIGHT;

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

    /** The canonical face: frontal, neutral, evenly lit. */
    public RenderedFace render(IdentityTraits traits) {
        return render(traits, RenderingVariation.CANONICAL);
    }

    public RenderedFace render(IdentityTraits traits, RenderingVariation variation) {
        FaceLayout layout = new FaceLayout(traits.face(), traits.detail(), variation.smile(), variation.browRaise(),
                Math.toRadians(variation.yawDegrees()));
        AffineTransform pose = pose(variation);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size, size);
            g.setColor(BACKGROUND);
            g.fill(new Rectangle2D.Double(0, 0, 1, 1));
            g.transform(pose);
            drawPerson(g, layout, traits, variation);
            g.setTransform(new AffineTransform());
            g.scale(size, size);
            drawLight(g, variation);
        } finally {
            g.dispose();
        }
        whiteBalance(image, variation.colourTemperature());
        float[] landmarks = layout.landmarks();
        pose.transform(landmarks, 0, landmarks, 0, FaceLayout.LANDMARKS);
        return new RenderedFace(image, landmarks);
    }

    /** Roll, scale and shift about the image centre. */
    static AffineTransform pose(RenderingVariation v) {
        AffineTransform t = new AffineTransform();
        t.translate(0.5 + v.shiftX(), 0.5 + v.shiftY());
        t.rotate(Math.toRadians(v.rollDegrees()));
        t.scale(v.scale(), v.scale());
        t.translate(-0.5, -0.5);
        return t;
    }

    private static void drawPerson(Graphics2D g, FaceLayout layout, IdentityTraits traits, RenderingVariation v) {
        Pigmentation colours = traits.colours();
        Color skin = colours.skin();
        Color hairColour = Paint.greyed(colours.hair(), traits.ageing().greyShare());
        HairPainter hair = new HairPainter(layout, traits.hair(), hairColour, v.hairShift());
        Shape face = faceOutline(layout);

        drawShoulders(g, layout);
        drawEars(g, layout, skin);
        hair.drawBack(g);
        drawNeck(g, layout, skin);
        if (traits.hair().norwood() >= 6) {
            g.setColor(Paint.scale(skin, 0.97));
            g.fill(scalp(layout));
        }
        drawSkin(g, layout, face, skin);
        drawSockets(g, layout, skin, traits.detail().browRidge());
        drawWrinkles(g, layout, skin, traits.ageing(), v);
        hair.drawTop(g, skin);
        drawBrows(g, layout, traits.detail().browThickness(),
                Paint.greyed(Paint.scale(colours.hair(), 0.8), 0.6 * traits.ageing().greyShare()));
        drawEye(g, layout, 36, layout.leftEyeX, colours.eyes(), skin);
        drawEye(g, layout, 42, layout.rightEyeX, colours.eyes(), skin);
        drawNose(g, layout, skin);
        hair.drawFacial(g, traits.facialHair(), face);
        drawMouth(g, layout, colours.lips());
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

    private static Shape scalp(FaceLayout layout) {
        Point2D.Double centre = layout.at(FaceLayout.CENTRE_X, 0, 0.1);
        double halfWidth = layout.width / 2 * (0.5 + 0.5 * layout.cosYaw()) + 0.004;
        double top = FaceLayout.TOP - 0.004;
        return new Ellipse2D.Double(centre.x - halfWidth, top, 2 * halfWidth, 2 * (layout.jawTopY - top));
    }

    private static void drawShoulders(Graphics2D g, FaceLayout layout) {
        double cx = layout.at(FaceLayout.CENTRE_X, 0, -0.1).x;
        double top = layout.chinY + 0.06;
        double half = 0.62 * layout.width + 0.1;
        g.setColor(CLOTHING);
        g.fill(new RoundRectangle2D.Double(cx - half, top, 2 * half, 0.6, 0.35, 0.25));
    }

    private static void drawEars(Graphics2D g, FaceLayout layout, Color skin) {
        double top = layout.eyeY - 0.01;
        double height = layout.noseBaseY - top + 0.01;
        double earWidth = 0.09 * layout.width;
        for (int side : new int[] {-1, 1}) {
            Point2D.Double p = layout.at(FaceLayout.CENTRE_X + side * (layout.width / 2 - 0.01), top, -0.05);
            double x = side < 0 ? p.x - earWidth : p.x;
            g.setColor(Paint.scale(skin, 0.9));
            g.fill(new Ellipse2D.Double(x, top, earWidth, height));
            g.setColor(Paint.alpha(Paint.scale(skin, 0.6), 0.5));
            g.fill(new Ellipse2D.Double(x + 0.3 * earWidth, top + 0.25 * height, 0.4 * earWidth, 0.5 * height));
        }
    }

    private static void drawNeck(Graphics2D g, FaceLayout layout, Color skin) {
        double cx = layout.at(FaceLayout.CENTRE_X, 0, 0).x;
        double w = layout.width;
        double top = layout.jawTopY + 0.2 * FaceLayout.HEIGHT;
        Rectangle2D.Double neck = new Rectangle2D.Double(cx - 0.2 * w, top, 0.4 * w, layout.chinY + 0.12 - top);
        // Darkest just under the chin, where the jaw shades the neck.
        g.setPaint(new LinearGradientPaint(new Point2D.Double(cx, layout.chinY), new Point2D.Double(cx, layout.chinY + 0.1),
                new float[] {0, 1}, new Color[] {Paint.scale(skin, 0.7), Paint.scale(skin, 0.85)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(neck);
    }

    /** Skin with soft shading: brightest at the mid-face, falling off towards the outline. */
    private static void drawSkin(Graphics2D g, FaceLayout layout, Shape face, Color skin) {
        Point2D.Double centre = layout.at(FaceLayout.CENTRE_X, layout.eyeY + 0.06, FaceLayout.FACE_DEPTH);
        float radius = (float) (0.55 * FaceLayout.HEIGHT);
        g.setPaint(new RadialGradientPaint(centre, radius, new float[] {0, 0.55f, 1},
                new Color[] {Paint.scale(skin, 1.04), skin, Paint.scale(skin, 0.86)}));
        g.fill(face);
    }

    /** Shadow between brow and eye: deeper under a more prominent brow ridge. */
    private static void drawSockets(Graphics2D g, FaceLayout layout, Color skin, double browRidge) {
        double halfW = 0.85 * layout.eyeWidth;
        double gap = layout.eyeY - layout.browY;
        Color shade = Paint.scale(skin, 0.62);
        for (double eyeX : new double[] {layout.leftEyeX, layout.rightEyeX}) {
            Point2D.Double c = layout.at(eyeX, layout.eyeY - 0.45 * gap, FaceLayout.EYE_DEPTH);
            float radius = (float) Math.max(halfW, 0.8 * gap);
            g.setPaint(new RadialGradientPaint(c, radius, new float[] {0, 1},
                    new Color[] {Paint.alpha(shade, 0.12 + 0.5 * browRidge), Paint.alpha(shade, 0)}));
            g.fill(new Ellipse2D.Double(c.x - radius, c.y - radius, 2 * radius, 2 * radius));
        }
    }

    private static void drawWrinkles(Graphics2D g, FaceLayout layout, Color skin, Ageing ageing, RenderingVariation v) {
        Color line = Paint.scale(skin, 0.6);
        double h = FaceLayout.HEIGHT;
        double w = layout.width;
        g.setStroke(new BasicStroke((float) LINE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double forehead = Math.min(1, ageing.foreheadLines() * (1 + 0.6 * v.browRaise()));
        if (forehead > 0) {
            g.setColor(Paint.alpha(line, 0.6 * forehead));
            for (int i = 0; i < 3; i++) {
                double y = layout.browY - (0.05 + 0.035 * i) * h;
                g.draw(SplinePath.open(layout.at(FaceLayout.CENTRE_X - 0.28 * w, y + 0.006, FaceLayout.FACE_DEPTH),
                        layout.at(FaceLayout.CENTRE_X, y, FaceLayout.FACE_DEPTH),
                        layout.at(FaceLayout.CENTRE_X + 0.28 * w, y + 0.006, FaceLayout.FACE_DEPTH)));
            }
        }
        if (ageing.crowsFeet() > 0) {
            g.setColor(Paint.alpha(line, 0.65 * ageing.crowsFeet()));
            for (int corner : new int[] {36, 45}) {
                Point2D.Double p = layout.point(corner);
                double side = corner == 36 ? -1 : 1;
                for (double slope : new double[] {-0.5, 0, 0.5}) {
                    double dx = side * 0.06 * w;
                    g.draw(SplinePath.open(new Point2D.Double(p.x + side * 0.012 * w, p.y + slope * 0.01),
                            new Point2D.Double(p.x + dx, p.y + slope * 0.5 * Math.abs(dx))));
                }
            }
            // Lower-lid line.
            for (int first : new int[] {36, 42}) {
                g.draw(SplinePath.open(shifted(layout.point(first + 5), 0.012), shifted(layout.point(first + 4), 0.012)));
            }
        }
        double folds = Math.min(1, 0.15 + ageing.nasolabialFolds() + 0.3 * v.smile());
        g.setColor(Paint.alpha(line, 0.55 * folds));
        g.setStroke(new BasicStroke((float) (1.4 * LINE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int side : new int[] {-1, 1}) {
            Point2D.Double wing = layout.point(side < 0 ? 31 : 35);
            Point2D.Double corner = layout.point(side < 0 ? 48 : 54);
            g.draw(SplinePath.open(new Point2D.Double(wing.x + side * 0.012, wing.y - 0.004),
                    new Point2D.Double(corner.x + side * 0.02, (wing.y + corner.y) / 2 + 0.01),
                    new Point2D.Double(corner.x + side * 0.014, corner.y + 0.035 * folds)));
        }
    }

    private static Point2D.Double shifted(Point2D.Double p, double dy) {
        return new Point2D.Double(p.x, p.y + dy);
    }

    private static void drawBrows(Graphics2D g, FaceLayout layout, double thickness, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) (thickness * FaceLayout.HEIGHT), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(SplinePath.open(points(layout, 17, 22)));
        g.draw(SplinePath.open(points(layout, 22, 27)));
    }

    private static void drawEye(Graphics2D g, FaceLayout layout, int first, double centreX, Color iris, Color skin) {
        Shape eye = SplinePath.closed(points(layout, first, first + 6));
        g.setColor(SCLERA);
        g.fill(eye);
        Shape clip = g.getClip();
        g.clip(eye);
        double irisRadius = 0.55 * Math.max(layout.eyeHeight, 0.3 * layout.eyeWidth);
        Point2D.Double c = layout.at(centreX, layout.eyeY, FaceLayout.EYE_DEPTH + 0.04);
        g.setColor(iris);
        g.fill(new Ellipse2D.Double(c.x - irisRadius, c.y - irisRadius, 2 * irisRadius, 2 * irisRadius));
        double pupilRadius = 0.35 * irisRadius;
        g.setColor(PUPIL);
        g.fill(new Ellipse2D.Double(c.x - pupilRadius, c.y - pupilRadius, 2 * pupilRadius, 2 * pupilRadius));
        g.setClip(clip);
        g.setColor(Paint.scale(skin, 0.4));
        g.setStroke(new BasicStroke((float) (1.3 * LINE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(SplinePath.open(points(layout, first, first + 4)));
        // Lid crease above the upper lid.
        g.setColor(Paint.alpha(Paint.scale(skin, 0.6), 0.45));
        g.setStroke(new BasicStroke((float) (0.7 * LINE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double lift = 0.45 * layout.eyeHeight;
        g.draw(SplinePath.open(shifted(layout.point(first), -0.2 * lift), shifted(layout.point(first + 1), -lift),
                shifted(layout.point(first + 2), -lift), shifted(layout.point(first + 3), -0.2 * lift)));
    }

    private static void drawNose(Graphics2D g, FaceLayout layout, Color skin) {
        g.setStroke(new BasicStroke((float) (1.6 * LINE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Paint.alpha(Paint.scale(skin, 0.7), 0.35));
        Point2D.Double bridge = layout.point(28);
        double side = 0.35 * (layout.point(33).x - layout.point(31).x);
        g.draw(SplinePath.open(new Point2D.Double(bridge.x - side, bridge.y), layout.point(31)));
        g.draw(SplinePath.open(new Point2D.Double(bridge.x + side, bridge.y), layout.point(35)));
        g.setStroke(new BasicStroke((float) LINE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Paint.scale(skin, 0.7));
        g.draw(SplinePath.open(points(layout, 31, 36)));
        Point2D.Double tip = layout.point(30);
        double r = 0.25 * side + 0.004;
        g.setColor(Paint.alpha(Color.WHITE, 0.18));
        g.fill(new Ellipse2D.Double(tip.x - r, tip.y - r, 2 * r, 2 * r));
        g.setColor(Paint.scale(skin, 0.42));
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
        // The upper lip faces down, away from the light: a shade darker.
        Point2D.Double[] upper = new Point2D.Double[12];
        System.arraycopy(points(layout, 48, 55), 0, upper, 0, 7);
        Point2D.Double[] inner = points(layout, 60, 65);
        for (int i = 0; i < 5; i++) {
            upper[7 + i] = inner[4 - i];
        }
        g.setColor(Paint.scale(lips, 0.9));
        g.fill(SplinePath.closed(Arrays.copyOf(upper, 12)));
        g.setColor(Paint.scale(lips, 0.55));
        g.setStroke(new BasicStroke((float) LINE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(SplinePath.open(points(layout, 60, 65)));
    }

    /** Directional light: brighter on the side it comes from, darker on the other, fading through the middle. */
    private static void drawLight(Graphics2D g, RenderingVariation v) {
        if (v.lightStrength() == 0) {
            return;
        }
        double angle = Math.toRadians(v.lightDegrees());
        double dx = 0.5 * Math.cos(angle);
        double dy = -0.5 * Math.sin(angle);
        float s = (float) v.lightStrength();
        g.setPaint(new LinearGradientPaint(new Point2D.Double(0.5 + dx, 0.5 + dy), new Point2D.Double(0.5 - dx, 0.5 - dy),
                new float[] {0, 0.5f, 1}, new Color[] {Paint.alpha(Color.WHITE, 0.3 * s), Paint.alpha(Color.WHITE, 0),
                        Paint.alpha(Color.BLACK, 0.45 * s)}));
        g.fill(new Rectangle2D.Double(0, 0, 1, 1));
    }

    /** White balance: warm (+) raises red and lowers blue, cool (-) the reverse. */
    private static void whiteBalance(BufferedImage image, double temperature) {
        if (temperature == 0) {
            return;
        }
        double red = 1 + 0.08 * temperature;
        double blue = 1 - 0.08 * temperature;
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int r = Math.min(255, (int) Math.round(((p >> 16) & 0xff) * red));
            int b = Math.min(255, (int) Math.round((p & 0xff) * blue));
            pixels[i] = (r << 16) | (p & 0x00ff00) | b;
        }
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), pixels, 0, image.getWidth());
    }

    private static Point2D.Double[] points(FaceLayout layout, int from, int to) {
        Point2D.Double[] out = new Point2D.Double[to - from];
        Arrays.setAll(out, i -> layout.point(from + i));
        return out;
    }
}
