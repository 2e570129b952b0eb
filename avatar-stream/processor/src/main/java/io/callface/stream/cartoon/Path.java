package io.callface.stream.cartoon;

/** An SVG path's {@code d} attribute, written command by command in absolute coordinates. */
final class Path {
    private final StringBuilder d = new StringBuilder();

    static Path from(double x, double y) {
        return new Path().command('M', x, y);
    }

    Path lineTo(double x, double y) {
        return command('L', x, y);
    }

    Path quadTo(double cx, double cy, double x, double y) {
        return command('Q', cx, cy, x, y);
    }

    Path curveTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        return command('C', c1x, c1y, c2x, c2y, x, y);
    }

    /** Starts a further subpath (a second stroke in the same element). */
    Path moveTo(double x, double y) {
        return command('M', x, y);
    }

    Path close() {
        d.append(" Z");
        return this;
    }

    @Override
    public String toString() {
        return d.toString();
    }

    private Path command(char name, double... coordinates) {
        if (!d.isEmpty()) {
            d.append(' ');
        }
        d.append(name);
        for (int i = 0; i < coordinates.length; i += 2) {
            d.append(i == 0 ? " " : ", ").append(SvgElement.number(coordinates[i])).append(' ')
                    .append(SvgElement.number(coordinates[i + 1]));
        }
        return this;
    }
}
