package io.callface.trainer.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A corpus directory as read back: the usable clips of {@code manifest.csv} and, for synthetic corpora, the
 * identities of {@code identities.csv}. This is the one reader of the corpus format for synthesis checks,
 * training and evaluation.
 *
 * <p>{@code identities.csv} is optional: corpora not made by {@link SyntheticCorpus} have no generating traits.
 * When it is present, every manifest row is checked against it.
 *
 * <p>Reading is lenient per row and strict overall: a malformed row (wrong column count, unknown split,
 * identity missing from or split disagreeing with {@code identities.csv}, absolute or escaping path) is skipped and
 * reported in {@link #problems()} with its file and line number; a row whose audio, face or landmarks file is
 * missing is skipped and counted in {@link #missingFiles()}. {@link #read} throws
 * {@link CorpusFormatException} only when a header is wrong or no usable clip is left.
 */
public final class CorpusManifest {
    private final Path dir;
    private final List<CorpusClip> clips;
    private final Map<String, Identity> identities;
    private final Map<String, List<Path>> renderings;
    private final List<String> problems;
    private final int missingFiles;

    private CorpusManifest(Path dir, List<CorpusClip> clips, Map<String, Identity> identities,
                           Map<String, List<Path>> renderings, List<String> problems, int missingFiles) {
        this.dir = dir;
        this.clips = List.copyOf(clips);
        this.identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
        this.renderings = Map.copyOf(renderings);
        this.problems = List.copyOf(problems);
        this.missingFiles = missingFiles;
    }

    /** Reads {@code dir/manifest.csv} and, when present, {@code dir/identities.csv}. */
    public static CorpusManifest read(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        Path identitiesFile = root.resolve(SyntheticCorpus.IDENTITIES);
        Optional<Map<String, Identity>> identities = Files.exists(identitiesFile)
                ? Optional.of(readIdentities(identitiesFile, problems)) : Optional.empty();
        List<String> lines = readLines(root.resolve(SyntheticCorpus.MANIFEST), SyntheticCorpus.MANIFEST_HEADER);
        List<CorpusClip> clips = new ArrayList<>();
        int missing = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = SyntheticCorpus.MANIFEST + " line " + (i + 1) + ": ";
            try {
                CorpusClip clip = parseClip(root, line, identities);
                if (Files.isRegularFile(clip.audio()) && Files.isRegularFile(clip.face())
                        && Files.isRegularFile(clip.landmarks())) {
                    clips.add(clip);
                } else {
                    missing++;
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        if (clips.isEmpty()) {
            throw new CorpusFormatException(root + ": no usable clips (" + problems.size() + " bad rows, "
                    + missing + " with missing files)" + (problems.isEmpty() ? "" : "; first: " + problems.get(0)));
        }
        Path renderingsFile = root.resolve(SyntheticCorpus.RENDERINGS);
        Map<String, List<Path>> renderings = Files.exists(renderingsFile)
                ? readRenderings(root, renderingsFile, problems) : Map.of();
        return new CorpusManifest(root, clips, identities.orElse(Map.of()), renderings, problems, missing);
    }

    /** The corpus directory (absolute). */
    public Path dir() {
        return dir;
    }

    public List<CorpusClip> clips() {
        return clips;
    }

    public List<CorpusClip> clips(Split split) {
        return clips.stream().filter(c -> c.split() == split).toList();
    }

    /**
     * Distinct identity ids of the usable clips of {@code split}, in manifest order; an id's index here is its
     * class of the identity head during training.
     */
    public List<String> identityIds(Split split) {
        return clips(split).stream().map(CorpusClip::identity).distinct().toList();
    }

    public Optional<Identity> identity(String id) {
        return Optional.ofNullable(identities.get(id));
    }

    /** All identities of {@code identities.csv} that parsed, in file order; empty when the corpus has no such file. */
    public Map<String, Identity> identities() {
        return identities;
    }

    /**
     * The further images of identity {@code id} listed in the optional {@code renderings.csv} (the same person
     * under other poses, lights and expressions; absolute paths of existing PNGs), in file order; empty when the
     * corpus lists none for it. The manifest's {@code face} stays the canonical image the decoder is trained to draw.
     */
    public List<Path> renderings(String id) {
        return renderings.getOrDefault(id, List.of());
    }

    /** Skipped rows, each {@code "<file> line <n>: <reason>"}. */
    public List<String> problems() {
        return problems;
    }

    /** Manifest rows skipped because one of their files does not exist. */
    public int missingFiles() {
        return missingFiles;
    }

    private static Map<String, Identity> readIdentities(Path file, List<String> problems) throws IOException {
        List<String> lines = readLines(file, IdentitiesCsv.HEADER);
        Map<String, Identity> identities = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Identity identity = IdentitiesCsv.parse(lines.get(i));
                if (identities.putIfAbsent(identity.id(), identity) != null) {
                    throw new IllegalArgumentException("identity: '" + identity.id() + "' appears twice");
                }
            } catch (IllegalArgumentException e) {
                problems.add(SyntheticCorpus.IDENTITIES + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return identities;
    }

    private static Map<String, List<Path>> readRenderings(Path root, Path file, List<String> problems)
            throws IOException {
        List<String> lines = readLines(file, SyntheticCorpus.RENDERINGS_HEADER);
        Map<String, List<Path>> renderings = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                String[] fields = lines.get(i).split(",", -1);
                if (fields.length != 2 || fields[0].isBlank()) {
                    throw new IllegalArgumentException("expected 2 columns (" + SyntheticCorpus.RENDERINGS_HEADER
                            + ") with an identity, found " + fields.length);
                }
                Path image = inside(root, "image", fields[1]);
                if (!Files.isRegularFile(image)) {
                    throw new IllegalArgumentException("image: '" + fields[1] + "' does not exist");
                }
                renderings.computeIfAbsent(fields[0], id -> new ArrayList<>()).add(image);
            } catch (IllegalArgumentException e) {
                problems.add(SyntheticCorpus.RENDERINGS + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        renderings.replaceAll((id, images) -> List.copyOf(images));
        return renderings;
    }

    private static CorpusClip parseClip(Path root, String line, Optional<Map<String, Identity>> identities) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("expected 4 columns (" + SyntheticCorpus.MANIFEST_HEADER
                    + "), found " + fields.length);
        }
        String id = fields[0];
        Split split = Split.fromCsv(fields[1]);
        identities.ifPresent(listed -> requireListed(id, split, fields[1], listed));
        Path audio = inside(root, "audio", fields[2]);
        Path face = inside(root, "face", fields[3]);
        String faceName = face.getFileName().toString();
        if (!faceName.endsWith(".png")) {
            throw new IllegalArgumentException("face: '" + fields[3] + "' is not a .png file");
        }
        Path landmarks = face.resolveSibling(
                faceName.substring(0, faceName.length() - 4) + SyntheticCorpus.LANDMARKS_SUFFIX);
        return new CorpusClip(id, split, audio, face, landmarks);
    }

    private static void requireListed(String id, Split split, String splitText, Map<String, Identity> identities) {
        Identity identity = identities.get(id);
        if (identity == null) {
            throw new IllegalArgumentException("identity: '" + id + "' is not in " + SyntheticCorpus.IDENTITIES);
        }
        if (identity.split() != split) {
            throw new IllegalArgumentException("split: '" + splitText + "' disagrees with "
                    + SyntheticCorpus.IDENTITIES + " ('" + identity.split().csvName() + "') for " + id);
        }
    }

    private static Path inside(Path root, String field, String relative) {
        if (relative.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
        Path path = root.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !path.startsWith(root)) {
            throw new IllegalArgumentException(field + ": '" + relative + "' is not a path inside the corpus");
        }
        return path;
    }

    /** The file's lines, the first being {@code header}; a missing file or another header is a corpus error. */
    static List<String> readLines(Path file, String header) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CorpusFormatException(file + ": missing");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new CorpusFormatException(file + " line 1: expected header '" + header + "', found '"
                    + (lines.isEmpty() ? "" : lines.get(0)) + "'");
        }
        return lines;
    }
}
