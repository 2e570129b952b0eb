package io.callface.trainer.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training corpus directory: {@code manifest.csv} with header {@code identity,split,audio,face} and paths
 * relative to the directory.
 */
public final class Corpus {
    public static final String MANIFEST = "manifest.csv";
    static final String HEADER = "identity,split,audio,face";

    private final Path dir;
    private final List<CorpusEntry> entries;

    private Corpus(Path dir, List<CorpusEntry> entries) {
        this.dir = dir;
        this.entries = List.copyOf(entries);
    }

    /** Reads and validates {@code dir/manifest.csv}; every referenced file must exist. */
    public static Corpus read(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorpusException("cannot read corpus manifest " + manifest + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new CorpusException(manifest + ": header must be '" + HEADER + "'");
        }
        List<CorpusEntry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new CorpusException(manifest + " line " + (i + 1) + ": expected 4 fields, got " + cells.length);
            }
            CorpusEntry entry = new CorpusEntry(cells[0].strip(), Split.parse(cells[1].strip()),
                    existing(dir, cells[2].strip(), "audio", i + 1), existing(dir, cells[3].strip(), "face", i + 1));
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new CorpusException(manifest + ": no rows");
        }
        return new Corpus(dir, entries);
    }

    public Path dir() {
        return dir;
    }

    public List<CorpusEntry> entries() {
        return entries;
    }

    public List<CorpusEntry> entries(Split split) {
        return entries.stream().filter(e -> e.split() == split).toList();
    }

    /** Distinct identities of {@code split} in manifest order (their index is the identity-head class). */
    public List<String> identities(Split split) {
        return entries(split).stream().map(CorpusEntry::identity).distinct().toList();
    }

    private static Path existing(Path dir, String relative, String field, int line) {
        Path path = dir.resolve(relative).normalize();
        if (!Files.isRegularFile(path)) {
            throw new CorpusException(MANIFEST + " line " + line + ": " + field + " file " + path + " does not exist");
        }
        return path;
    }
}
