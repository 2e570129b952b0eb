package io.callface.stream.cartoon;

import io.callface.avro.FaceMeasures;
import io.callface.avro.Point;
import java.util.List;

/**
 * The decoded face's proportions as the cartoon uses them, each a position in [0, 1] within the plausible range of
 * its measure (0.5 in the middle of it), so an odd model output still draws a face. Ranges: face width to height
 * 0.65-1.1, jaw width 0.55-0.95, intercanthal index 0.25-0.5, nose width 0.15-0.4, nose height 0.2-0.45, mouth to
 * face width 0.3-0.6 (the {@link FaceMeasures} definitions); brow tilt from the landmarks' brow ends (iBUG 17/21 and
 * 22/26), -0.15 to 0.15 of the brow's length; lip fullness from the lips' height (51 to 57) over the mouth's width
 * (48 to 54), 0.2-0.6.
 */
record Proportions(double width, double jaw, double eyeSpacing, double noseWidth, double noseHeight,
                   double mouthWidth, double browTilt, double lipFullness) {
    Proportions {
        width = unit(width);
        jaw = unit(jaw);
        eyeSpacing = unit(eyeSpacing);
        noseWidth = unit(noseWidth);
        noseHeight = unit(noseHeight);
        mouthWidth = unit(mouthWidth);
        browTilt = unit(browTilt);
        lipFullness = unit(lipFullness);
    }

    static Proportions of(FaceMeasures measures, List<Point> landmarks) {
        return new Proportions(
                within(measures.getFaceWidthToHeight(), 0.65, 1.1),
                within(measures.getJawWidth(), 0.55, 0.95),
                within(measures.getIntercanthalIndex(), 0.25, 0.5),
                within(measures.getNoseWidth(), 0.15, 0.4),
                within(measures.getNoseHeight(), 0.2, 0.45),
                within(measures.getMouthFaceWidthIndex(), 0.3, 0.6),
                within(browTilt(landmarks), -0.15, 0.15),
                within(lipFullness(landmarks), 0.2, 0.6));
    }

    /** Mean rise of the brows from their inner to their outer ends, over their length; NaN without landmarks. */
    private static double browTilt(List<Point> landmarks) {
        if (landmarks.size() < 68) {
            return Double.NaN;
        }
        double left = rise(landmarks.get(21), landmarks.get(17));
        double right = rise(landmarks.get(22), landmarks.get(26));
        return (left + right) / 2;
    }

    private static double rise(Point inner, Point outer) {
        double dx = outer.getX() - inner.getX();
        double dy = outer.getY() - inner.getY();
        double length = Math.hypot(dx, dy);
        return length == 0 ? Double.NaN : -dy / length;
    }

    private static double lipFullness(List<Point> landmarks) {
        if (landmarks.size() < 68) {
            return Double.NaN;
        }
        double width = Math.abs(landmarks.get(54).getX() - landmarks.get(48).getX());
        double height = Math.abs(landmarks.get(57).getY() - landmarks.get(51).getY());
        return width == 0 ? Double.NaN : height / width;
    }

    /** Where {@code value} lies between {@code low} and {@code high}; not finite counts as the middle. */
    private static double within(double value, double low, double high) {
        return Double.isFinite(value) ? (value - low) / (high - low) : 0.5;
    }

    private static double unit(double value) {
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0.5;
    }
}
