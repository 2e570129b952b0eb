package io.callface.trainer.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code <identity>.landmarks.csv} format: 68 lines {@code x,y} in [0,1] image coordinates, iBUG order; or, for a
 * real photo aligned from 5 points, the single line {@value #UNKNOWN}, which says its 68 points are not known.
 */
public final class LandmarksCsv {
    public static final int POINTS = 68;
    public static final String UNKNOWN = "unknown";

    private LandmarksCsv() {
    }

    public static void write(Path file, float[] landmarks136) throws IOException {
        requireLength(landmarks136);
        StringBuilder text = new StringBuilder(POINTS * 18);
        for (int i = 0; i < POINTS; i++) {
            text.append(String.format(Locale.ROOT, "%.6f,%.6f%n", landmarks136[2 * i], landmarks136[2 * i + 1]));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes the file of a face whose 68 points are not known. */
    public static void writeUnknown(Path file) throws IOException {
        Files.writeString(file, UNKNOWN + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** The 68 points as {@link #read} gives them, or empty for a file that says they are {@value #UNKNOWN}. */
    public static Optional<float[]> readIfKnown(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return lines.equals(List.of(UNKNOWN)) ? Optional.empty() : Optional.of(read(file));
    }

    /**
     * Reads 68 points as {@code x0, y0, ..., x67, y67}; throws {@link CorpusFormatException} naming the file
     * and line of a malformed or out-of-range value.
     */
    public static float[] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        if (lines.size() != POINTS) {
            throw new CorpusFormatException(file + ": expected " + POINTS + " landmark lines, found " + lines.size());
        }
        float[] out = new float[2 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            String[] fields = lines.get(i).split(",", -1);
            if (fields.length != 2) {
                throw new CorpusFormatException(file + " line " + (i + 1) + ": expected 'x,y', got '" + lines.get(i) + "'");
            }
            out[2 * i] = coordinate(file, i, fields[0]);
            out[2 * i + 1] = coordinate(file, i, fields[1]);
        }
        return out;
    }

    private static float coordinate(Path file, int index, String text) {
        float value;
        try {
            value = Float.parseFloat(text.trim());
        } catch (NumberFormatException e) {
            throw new CorpusFormatException(file + " line " + (index + 1) + ": '" + text + "' is not a number");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new CorpusFormatException(file + " line " + (index + 1) + ": " + value + " is outside [0, 1]");
        }
        return value;
    }

    private static void requireLength(float[] landmarks136) {
        if (landmarks136 == null || landmarks136.length != 2 * POINTS) {
            throw new IllegalArgumentException("landmarks136: expected " + 2 * POINTS + " values");
        }
    }
}
