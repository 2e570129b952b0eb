package io.callface.stream.loadtest;

import java.util.List;

/**
 * Least-squares line through points: the slope tells whether a quantity (heap, RSS) grows over a run.
 *
 * @param slope     units of y per unit of x
 * @param intercept y at x = 0
 * @param points    how many points the fit used
 */
public record LinearTrend(double slope, double intercept, int points) {
    /** One observation. */
    public record Point(double x, double y) {
    }

    public static LinearTrend fit(List<Point> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("points: a trend needs at least 2, got " + points.size());
        }
        double meanX = points.stream().mapToDouble(Point::x).average().orElseThrow();
        double meanY = points.stream().mapToDouble(Point::y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            sxy += (p.x() - meanX) * (p.y() - meanY);
            sxx += (p.x() - meanX) * (p.x() - meanX);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("points: all at x = " + meanX + ", no slope");
        }
        double slope = sxy / sxx;
        return new LinearTrend(slope, meanY - slope * meanX, points.size());
    }
}
