package io.callface.trainer.listen;

import io.callface.trainer.synth.Sex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A CSV list of labelled recordings for {@code trainer listen}: the header {@code file,sex} or {@code file,sex,age},
 * then one row per WAV file, its path relative to the manifest's directory, the speaker's sex ({@code male} or
 * {@code female}, or {@code m}/{@code f}) and, with the third column, the age in years (empty where unknown). A bad
 * row (wrong column count, unknown sex, bad age, missing file) is skipped and reported with its line number, as
 * the corpus loader does; the header must be right.
 *
 * @param path     the manifest (absolute)
 * @param files    the usable rows, in order
 * @param problems one line per skipped row
 */
public record SpeechManifest(Path path, List<SpeechFile> files, List<String> problems) {
    public SpeechManifest {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** Reads {@code csv}; throws {@link IllegalArgumentException} for a missing file or a wrong header. */
    public static SpeechManifest read(Path csv) {
        Path manifest = csv.toAbsolutePath().normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read speech manifest " + manifest + ": " + e.getMessage(), e);
        }
        String header = lines.isEmpty() ? "" : lines.get(0).strip().toLowerCase(Locale.ROOT);
        if (!header.equals("file,sex") && !header.equals("file,sex,age")) {
            throw new IllegalArgumentException(manifest + " line 1: the header must be 'file,sex' or 'file,sex,age', got '"
                    + header + "'");
        }
        int columns = header.split(",").length;
        Path dir = manifest.getParent();
        List<SpeechFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                files.add(parse(dir, lines.get(i), columns));
            } catch (IllegalArgumentException e) {
                problems.add(manifest.getFileName() + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new SpeechManifest(manifest, files, problems);
    }

    private static SpeechFile parse(Path dir, String line, int columns) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns) {
            throw new IllegalArgumentException(cells.length + " columns, expected " + columns);
        }
        String name = cells[0].strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("file: empty");
        }
        Path audio = dir.resolve(name).normalize();
        if (!Files.isRegularFile(audio)) {
            throw new IllegalArgumentException("file: " + audio + " does not exist");
        }
        Sex sex = switch (cells[1].strip().toLowerCase(Locale.ROOT)) {
            case "male", "m" -> Sex.MALE;
            case "female", "f" -> Sex.FEMALE;
            default -> throw new IllegalArgumentException("sex: '" + cells[1].strip() + "' is not one of male, female, m, f");
        };
        OptionalDouble age = OptionalDouble.empty();
        if (columns == 3 && !cells[2].isBlank()) {
            try {
                double years = Double.parseDouble(cells[2].strip());
                if (!(years >= 0 && years <= 130)) {
                    throw new NumberFormatException();
                }
                age = OptionalDouble.of(years);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("age: '" + cells[2].strip() + "' is not an age in years (0-130)");
            }
        }
        return new SpeechFile(audio, sex, age);
    }
}
