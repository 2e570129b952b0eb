package io.callface.trainer.data;

import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a real-data corpus, {@code recordings.csv}: a header {@code identity,split,audio,face} with an
 * optional fifth column {@code landmarks}, then one row per recording. Paths are relative to the file's directory
 * or absolute; fields are plain (no quoting), so paths must not hold commas or quotes. Every identity keeps one
 * split (speaker-disjoint splits, as the paper's).
 *
 * <p>Lenient per row, strict overall, as {@code manifest.csv} is read: a bad row is skipped and reported with its
 * line number; only a wrong header or a file without any row is an error. Whether the named files exist and decode
 * is {@link CorpusPreparation}'s check.
 */
public final class RecordingsCsv {
    public static final String FILE = "recordings.csv";
    static final List<String> COLUMNS = List.of("identity", "split", "audio", "face", "landmarks");

    private RecordingsCsv() {
    }

    /** The rows and skipped rows of {@code dir/recordings.csv}. */
    public record Rows(List<Recording> recordings, List<String> problems) {
        public Rows {
            recordings = List.copyOf(recordings);
            problems = List.copyOf(problems);
        }
    }

    public static boolean isRealCorpus(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static Rows read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new CorpusFormatException(file + ": empty; expected the header " + String.join(",", COLUMNS));
        }
        List<String> header = List.of(stripBom(lines.get(0)).trim().split(",", -1));
        boolean withLandmarks = header.equals(COLUMNS);
        if (!withLandmarks && !header.equals(COLUMNS.subList(0, 4))) {
            throw new CorpusFormatException(file + " line 1: header '" + lines.get(0) + "', expected "
                    + String.join(",", COLUMNS.subList(0, 4)) + " or " + String.join(",", COLUMNS));
        }
        List<Recording> recordings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Split> splitOf = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Recording row = parse(dir, i + 1, line, header.size());
                Split first = splitOf.putIfAbsent(row.identity(), row.split());
                if (first != null && first != row.split()) {
                    throw new IllegalArgumentException("split: '" + row.split().csvName() + "' disagrees with the '"
                            + first.csvName() + "' of an earlier row of " + row.identity());
                }
                recordings.add(row);
            } catch (IllegalArgumentException e) {
                problems.add(FILE + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (recordings.isEmpty()) {
            throw new CorpusFormatException(file + ": no usable rows (" + problems.size() + " bad)"
                    + (problems.isEmpty() ? "" : "; first: " + problems.get(0)));
        }
        return new Rows(recordings, problems);
    }

    private static Recording parse(Path dir, int lineNumber, String line, int columns) {
        if (line.indexOf('"') >= 0) {
            throw new IllegalArgumentException("quoted fields are not supported; paths must not hold commas or quotes");
        }
        String[] fields = line.split(",", -1);
        if (fields.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " columns, found " + fields.length);
        }
        String identity = fields[0].trim();
        if (identity.isEmpty() || !identity.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("identity: '" + fields[0]
                    + "' must be letters, digits, '.', '_' or '-' (it names files of the prepared corpus)");
        }
        Split split = Split.fromCsv(fields[1].trim());
        Path audio = path(dir, "audio", fields[2]);
        Path face = path(dir, "face", fields[3]);
        Optional<Path> landmarks = columns == 5 && !fields[4].isBlank()
                ? Optional.of(path(dir, "landmarks", fields[4])) : Optional.empty();
        return new Recording(lineNumber, identity, split, audio, face, landmarks);
    }

    private static Path path(Path dir, String field, String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        return dir.resolve(trimmed).toAbsolutePath().normalize();
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
