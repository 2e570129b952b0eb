package io.callface.trainer.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * Draws scalp and facial hair for {@link FaceRenderer}: the hair mass behind the head (long hair falling beside
 * the face), the hair over the forehead down to a hairline that recedes with the Norwood stage, and stubble,
 * moustache, goatee or beard. Shapes follow the {@link FaceLayout}, so they move with the head.
 */
final class HairPainter {
    private static final int DOME_POINTS = 40;

    private final FaceLayout layout;
    private final Hair hair;
    private final Color colour;
    private final double volume;
    private final double waveAmplitude;
    private final int waveCount;
    private final double shift;

    HairPainter(FaceLayout layout, Hair hair, Color colour, double shift) {
        this.layout = layout;
        this.hair = hair;
        this.colour = colour;
        this.shift = shift;
        double base = switch (hair.length()) {
            case BUZZ -> 0.006;
            case SHORT -> 0.018;
            default -> 0.028;
        };
        double curl = switch (hair.texture()) {
            case STRAIGHT -> 1;
            case WAVY -> 1.2;
            case CURLY -> 1.6;
            case COILY -> 2.3;
        };
        volume = base * curl * (1 + 0.15 * shift);
        waveAmplitude = switch (hair.texture()) {
            case STRAIGHT -> 0;
            case WAVY -> 0.003;
            case CURLY -> 0.006;
            case COILY -> 0.005;
        } * (hair.length() == HairLength.BUZZ ? 0.3 : 1);
        waveCount = hair.texture() == HairTexture.COILY ? 26 : hair.texture() == HairTexture.CURLY ? 18 : 10;
    }

    /** The outline of the hair over the skull (the head's top), whether or not it is bald. */
    Shape dome() {
        double cx = layout.at(FaceLayout.CENTRE_X, 0, 0.1).x;
        double halfWidth = layout.width / 2 * (0.5 + 0.5 * layout.cosYaw()) + volume + 0.01;
        double halfHeight = layout.jawTopY - FaceLayout.TOP + volume;
        Point2D.Double[] points = new Point2D.Double[DOME_POINTS];
        for (int i = 0; i < DOME_POINTS; i++) {
            double angle = 2 * Math.PI * i / DOME_POINTS;
            double r = 1 + waveAmplitude / halfWidth * Math.sin(waveCount * angle + 3 * shift);
            points[i] = new Point2D.Double(cx + halfWidth * r * Math.cos(angle),
                    layout.jawTopY + 0.02 - halfHeight * r * Math.sin(angle) * (Math.sin(angle) > 0 ? 1 : 0.3));
        }
        return SplinePath.closed(points);
    }

    /** Hair behind the head: the dome and, for chin length and longer worn loose, curtains beside the face. */
    void drawBack(Graphics2D g) {
        if (hair.norwood() >= 6) {
            return;
        }
        Area back = new Area(dome());
        boolean loose = hair.style() != HairStyle.SWEPT_BACK;
        double bottom = switch (hair.length()) {
            case CHIN -> layout.mouthY + 0.02;
            case SHOULDER -> layout.chinY + 0.09;
            case LONG -> 1.1;
            default -> -1;
        };
        if (loose && bottom > 0) {
            back.add(new Area(curtain(-1, bottom)));
            back.add(new Area(curtain(1, bottom)));
        }
        g.setColor(colour);
        g.fill(back);
    }

    private Shape curtain(int side, double bottom) {
        double cx = layout.at(FaceLayout.CENTRE_X, 0, 0.1).x;
        double outer = layout.width / 2 + volume + 0.012;
        double flare = (bottom - layout.jawTopY) * (0.12 + 0.6 * volume);
        int steps = 8;
        Point2D.Double[] edge = new Point2D.Double[2 * steps + 2];
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            double y = layout.eyeY - 0.05 + t * (bottom - layout.eyeY + 0.05);
            double wave = waveAmplitude * 1.5 * Math.sin(waveCount * 0.5 * t * Math.PI + shift);
            edge[i] = new Point2D.Double(cx + side * (outer + flare * t * t + wave), y);
        }
        for (int i = 0; i <= steps; i++) {
            double t = 1 - (double) i / steps;
            double y = layout.eyeY - 0.05 + t * (bottom - layout.eyeY + 0.05);
            edge[steps + 1 + i] = new Point2D.Double(cx + side * (0.3 * layout.width + 0.05 * t), y);
        }
        return SplinePath.closed(edge);
    }

    /** Hair in front of the forehead, above the hairline, inside the dome; side bands only when bald on top. */
    void drawTop(Graphics2D g, Color skin) {
        Area top = new Area(dome());
        if (hair.norwood() >= 6) {
            double bandTop = hair.norwood() == 6 ? layout.hairlineY + 0.06 : layout.eyeY - 0.05;
            Area sides = new Area(new Rectangle2D.Double(-1, bandTop, 3, 2));
            Area middle = new Area(new Rectangle2D.Double(layout.at(FaceLayout.CENTRE_X, 0, 0.1).x
                    - 0.44 * layout.width, -1, 0.88 * layout.width, 3));
            sides.subtract(middle);
            top.intersect(sides);
        } else {
            top.intersect(new Area(aboveHairline()));
        }
        g.setColor(hair.length() == HairLength.BUZZ ? Paint.blend(colour, skin, 0.3) : colour);
        g.fill(top);
        if (hair.norwood() < 6 && hair.length() != HairLength.BUZZ
                && (hair.style() == HairStyle.SIDE_PART || hair.style() == HairStyle.CENTRE_PART)) {
            double partX = FaceLayout.CENTRE_X + (hair.style() == HairStyle.SIDE_PART ? -0.2 * layout.width : 0);
            Point2D.Double from = layout.at(partX, FaceLayout.TOP - volume + 0.01, 0.2);
            Point2D.Double to = layout.at(partX + 0.02, layout.hairlineY - 0.02, FaceLayout.FACE_DEPTH);
            g.setColor(Paint.scale(colour, 0.7));
            g.setStroke(new BasicStroke((float) (0.006 * FaceLayout.HEIGHT), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Shape clip = g.getClip();
            g.clip(top);
            g.draw(SplinePath.open(from, to));
            g.setClip(clip);
        }
    }

    /** The region above the hairline: an M-shaped line whose temples and centre recede with the Norwood stage. */
    private Shape aboveHairline() {
        double h = FaceLayout.HEIGHT;
        int stage = hair.norwood();
        double temple = new double[] {0, 0, 0.025, 0.06, 0.08, 0.10}[stage - 1] * h;
        double centre = new double[] {0, 0, 0, 0.01, 0.04, 0.08}[stage - 1] * h;
        double base = layout.hairlineY + 0.01 * shift;
        boolean fringe = hair.style() == HairStyle.FRINGE && stage <= 3 && hair.length() != HairLength.BUZZ;
        double w = layout.width;
        double fringeY = Math.max(base + 0.03 * h, layout.browY - 0.05 * h);
        double[][] frontal = fringe
                ? new double[][] {{-0.56, layout.eyeY - 0.03}, {-0.46, base + 0.08 * h}, {-0.25, fringeY},
                        {0, fringeY + 0.005}, {0.25, fringeY}, {0.46, base + 0.08 * h}, {0.56, layout.eyeY - 0.03}}
                : new double[][] {{-0.56, layout.eyeY - 0.03}, {-0.45, base + 0.05 * h},
                        {-0.24, base + 0.005 * h - temple}, {0, base - 0.02 * h - centre},
                        {0.24, base + 0.005 * h - temple}, {0.45, base + 0.05 * h}, {0.56, layout.eyeY - 0.03}};
        if (hair.style() == HairStyle.SIDE_PART && !fringe) {
            // Hair swept from the part over to one side: the hairline on that side sits a little lower.
            frontal[4][1] += 0.015 * h;
            frontal[5][1] += 0.01 * h;
        }
        Point2D.Double[] line = new Point2D.Double[frontal.length];
        for (int i = 0; i < frontal.length; i++) {
            line[i] = layout.at(FaceLayout.CENTRE_X + frontal[i][0] * w, frontal[i][1], FaceLayout.FACE_DEPTH);
        }
        Path2D.Double region = new Path2D.Double();
        region.moveTo(-1, line[0].y);
        region.lineTo(-1, -1);
        region.lineTo(2, -1);
        region.lineTo(2, line[line.length - 1].y);
        Point2D.Double[] reversed = new Point2D.Double[line.length];
        for (int i = 0; i < line.length; i++) {
            reversed[i] = line[line.length - 1 - i];
        }
        region.append(SplinePath.open(reversed), true);
        region.closePath();
        return region;
    }

    /** Stubble, moustache, goatee or beard in the hair colour; {@code face} is the face outline. */
    void drawFacial(Graphics2D g, FacialHair type, Shape face) {
        if (type == FacialHair.NONE) {
            return;
        }
        Area beard = beardArea(face);
        Area moustache = new Area(moustache());
        switch (type) {
            case STUBBLE -> {
                beard.add(moustache);
                g.setColor(Paint.alpha(colour, 0.32));
                g.fill(beard);
            }
            case MOUSTACHE -> {
                g.setColor(colour);
                g.fill(moustache);
            }
            case GOATEE -> {
                Point2D.Double left = layout.point(59);
                Point2D.Double right = layout.point(55);
                double top = layout.point(57).y - 0.01;
                Area goatee = new Area(new Ellipse2D.Double(left.x - 0.01, top, right.x - left.x + 0.02,
                        layout.chinY + 0.012 - top));
                goatee.intersect(beard);
                goatee.add(moustache);
                g.setColor(colour);
                g.fill(goatee);
            }
            case BEARD -> {
                Point2D.Double chin = layout.point(8);
                beard.add(new Area(new Ellipse2D.Double(chin.x - 0.22 * layout.width, chin.y - 0.06,
                        0.44 * layout.width, 0.06 + 0.03 * (1 + 0.3 * volume / 0.03))));
                beard.add(moustache);
                g.setColor(Paint.alpha(colour, 0.93));
                g.fill(beard);
            }
            default -> throw new IllegalStateException("unhandled facial hair " + type);
        }
    }

    /** The bearded part of the face: below a line from the jaw's upper corners through the cheeks to the nose. */
    private Area beardArea(Shape face) {
        Point2D.Double left = layout.point(2);
        Point2D.Double right = layout.point(14);
        Point2D.Double leftWing = layout.point(31);
        Point2D.Double rightWing = layout.point(35);
        double cheek = layout.noseBaseY + 0.035 * FaceLayout.HEIGHT;
        Path2D.Double below = new Path2D.Double();
        below.moveTo(left.x - 0.05, left.y);
        below.curveTo(left.x + 0.04, cheek, leftWing.x - 0.03, cheek, leftWing.x - 0.005, layout.noseBaseY + 0.01);
        below.lineTo(rightWing.x + 0.005, layout.noseBaseY + 0.01);
        below.curveTo(rightWing.x + 0.03, cheek, right.x - 0.04, cheek, right.x + 0.05, right.y);
        below.lineTo(right.x + 0.05, 2);
        below.lineTo(left.x - 0.05, 2);
        below.closePath();
        Area area = new Area(face);
        area.intersect(new Area(below));
        return area;
    }

    private Shape moustache() {
        Point2D.Double wingL = layout.point(31);
        Point2D.Double wingR = layout.point(35);
        Point2D.Double cornerL = layout.point(48);
        Point2D.Double cornerR = layout.point(54);
        double base = layout.noseBaseY + 0.01;
        double reach = 0.012 * layout.width;
        return SplinePath.closed(
                new Point2D.Double(wingL.x, base + 0.004), new Point2D.Double(layout.point(33).x, base),
                new Point2D.Double(wingR.x, base + 0.004),
                new Point2D.Double(cornerR.x + reach, cornerR.y + 0.012),
                new Point2D.Double(layout.point(53).x, layout.point(53).y - 0.002),
                new Point2D.Double(layout.point(51).x, layout.point(51).y - 0.003),
                new Point2D.Double(layout.point(49).x, layout.point(49).y - 0.002),
                new Point2D.Double(cornerL.x - reach, cornerL.y + 0.012));
    }
}
