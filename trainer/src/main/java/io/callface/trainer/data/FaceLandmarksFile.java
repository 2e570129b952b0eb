package io.callface.trainer.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the landmarks of one photo, in pixels, in either of two formats told apart by their first non-blank line:
 * <ul>
 *   <li>iBUG 300-W {@code .pts}: {@code version: 1}, {@code n_points: 68}, {@code {}, one {@code x y} line per
 *       point, {@code }};</li>
 *   <li>plain text: one point per line, {@code x,y} or {@code x y}; blank lines and lines starting with
 *       {@code #} are skipped.</li>
 * </ul>
 * Either must hold exactly {@value FaceLandmarks#ANCHORS} or {@value FaceLandmarks#FULL_SET} points of finite
 * numbers (see {@link FaceLandmarks}). Anything else is an {@link IllegalArgumentException} whose message starts
 * with the file and, where one line is at fault, names that line (1-based).
 */
public final class FaceLandmarksFile {
    private static final Pattern SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+");

    private FaceLandmarksFile() {
    }

    public static FaceLandmarks read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        boolean pts = first < lines.size() && lines.get(first).strip().toLowerCase(Locale.ROOT).startsWith("version");
        return pts ? pts(file, lines) : plain(file, lines);
    }

    private static FaceLandmarks plain(Path file, List<String> lines) {
        double[] xy = new double[2 * FaceLandmarks.FULL_SET];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (count == FaceLandmarks.FULL_SET) {
                throw new IllegalArgumentException(at(file, i) + "more than " + FaceLandmarks.FULL_SET + " points");
            }
            parsePoint(file, i, line, xy, count++);
        }
        return landmarks(file, xy, count);
    }

    private static FaceLandmarks pts(Path file, List<String> lines) {
        int expected = -1;
        int i = 0;
        for (; i < lines.size() && !lines.get(i).strip().equals("{"); i++) {
            String[] header = lines.get(i).strip().split("\\s*:\\s*", 2);
            if (header[0].equalsIgnoreCase("n_points")) {
                expected = parseCount(file, i, header.length == 2 ? header[1] : "");
            }
        }
        if (expected < 0) {
            throw new IllegalArgumentException(file + ": no 'n_points:' line before '{'");
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException(file + ": no '{' line");
        }
        double[] xy = new double[2 * expected];
        int count = 0;
        for (i++; i < lines.size() && !lines.get(i).strip().equals("}"); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (count == expected) {
                throw new IllegalArgumentException(at(file, i) + "more points than n_points: " + expected);
            }
            parsePoint(file, i, line, xy, count++);
        }
        if (i == lines.size()) {
            throw new IllegalArgumentException(file + ": no closing '}' line");
        }
        if (count != expected) {
            throw new IllegalArgumentException(at(file, i) + count + " points, but n_points: " + expected);
        }
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                throw new IllegalArgumentException(at(file, j) + "text after the closing '}'");
            }
        }
        return landmarks(file, xy, count);
    }

    private static int parseCount(Path file, int index, String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n == FaceLandmarks.ANCHORS || n == FaceLandmarks.FULL_SET) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new IllegalArgumentException(at(file, index) + "n_points must be " + FaceLandmarks.ANCHORS + " or "
                + FaceLandmarks.FULL_SET + ", got '" + text + "'");
    }

    private static void parsePoint(Path file, int index, String line, double[] xy, int point) {
        String[] fields = SEPARATOR.split(line);
        if (fields.length != 2) {
            throw new IllegalArgumentException(at(file, index) + "expected 'x,y' or 'x y', got '" + line + "'");
        }
        xy[2 * point] = parseCoordinate(file, index, fields[0]);
        xy[2 * point + 1] = parseCoordinate(file, index, fields[1]);
    }

    private static double parseCoordinate(Path file, int index, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at(file, index) + "'" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(at(file, index) + "'" + text + "' is not finite");
        }
        return value;
    }

    private static FaceLandmarks landmarks(Path file, double[] xy, int count) {
        if (count != FaceLandmarks.ANCHORS && count != FaceLandmarks.FULL_SET) {
            throw new IllegalArgumentException(file + ": " + count + " points, expected " + FaceLandmarks.ANCHORS
                    + " or " + FaceLandmarks.FULL_SET);
        }
        return new FaceLandmarks(Arrays.copyOf(xy, 2 * count));
    }

    private static String at(Path file, int index) {
        return file + " line " + (index + 1) + ": ";
    }
}
