package io.callface.trainer.synth;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/**
 * Catmull-Rom curves through given points, as cubic Bezier paths: the drawn outline passes exactly through
 * every point, so landmarks placed on it are the drawn geometry.
 */
final class SplinePath {
    private SplinePath() {
    }

    static Path2D.Double closed(Point2D.Double... points) {
        Path2D.Double path = new Path2D.Double();
        int n = points.length;
        path.moveTo(points[0].x, points[0].y);
        for (int i = 0; i < n; i++) {
            segment(path, points[(i - 1 + n) % n], points[i], points[(i + 1) % n], points[(i + 2) % n]);
        }
        path.closePath();
        return path;
    }

    static Path2D.Double open(Point2D.Double... points) {
        Path2D.Double path = new Path2D.Double();
        int n = points.length;
        path.moveTo(points[0].x, points[0].y);
        for (int i = 0; i < n - 1; i++) {
            segment(path, points[Math.max(0, i - 1)], points[i], points[i + 1], points[Math.min(n - 1, i + 2)]);
        }
        return path;
    }

    private static void segment(Path2D.Double path, Point2D.Double p0, Point2D.Double p1, Point2D.Double p2,
                                Point2D.Double p3) {
        path.curveTo(
                p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6,
                p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6,
                p2.x, p2.y);
    }
}
