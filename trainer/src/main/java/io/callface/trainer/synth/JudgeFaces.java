package io.callface.trainer.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The judge's faces: attribute-labelled faces of people outside the corpus, drawn from the same world, on which
 * the evaluation's attribute classifiers learn (besides the training identities' faces). They play the part of
 * the data behind the paper's Face++, which had never seen the paper's people either: the judge learns from
 * more people than the networks' 700 training identities, so its verdicts on true faces reflect what faces
 * show rather than what 700 people happen to share. No network is trained on them.
 *
 * <p>Layout, inside the corpus directory:
 * <pre>
 * judge/identities.csv    the same columns as the corpus's identities.csv (split: train)
 * judge/faces.csv         identity,image (canonical face and renderings; paths relative to judge/)
 * judge/&lt;identity&gt;.png, judge/&lt;identity&gt;_r&lt;k&gt;.png
 * </pre>
 *
 * @param faces every listed image with its person's traits, in file order
 */
public record JudgeFaces(List<JudgeFace> faces) {
    public static final String DIR = "judge";
    public static final String FACES = "faces.csv";
    public static final String FACES_HEADER = "identity,image";

    /** One image of a judge identity. */
    public record JudgeFace(IdentityTraits traits, Path image) {
    }

    public JudgeFaces {
        faces = List.copyOf(faces);
    }

    /**
     * The judge set of the corpus in {@code corpusDir}; empty when it has none.
     *
     * @throws CorpusFormatException when a row is malformed, names an unknown identity or a missing image
     */
    public static Optional<JudgeFaces> read(Path corpusDir) throws IOException {
        Path dir = corpusDir.resolve(DIR);
        Path list = dir.resolve(FACES);
        if (!Files.isRegularFile(list)) {
            return Optional.empty();
        }
        Map<String, IdentityTraits> traits = new LinkedHashMap<>();
        List<String> identityLines =
                CorpusManifest.readLines(dir.resolve(SyntheticCorpus.IDENTITIES), IdentitiesCsv.HEADER);
        for (int i = 1; i < identityLines.size(); i++) {
            String line = identityLines.get(i);
            if (!line.isBlank()) {
                Identity identity = parse(dir.resolve(SyntheticCorpus.IDENTITIES), i, () -> IdentitiesCsv.parse(line));
                traits.put(identity.id(), identity.traits());
            }
        }
        List<JudgeFace> faces = new ArrayList<>();
        List<String> faceLines = CorpusManifest.readLines(list, FACES_HEADER);
        for (int i = 1; i < faceLines.size(); i++) {
            String line = faceLines.get(i);
            if (!line.isBlank()) {
                faces.add(parse(list, i, () -> face(dir, line, traits)));
            }
        }
        return Optional.of(new JudgeFaces(faces));
    }

    /** Writes {@code judge/identities.csv} and {@code judge/faces.csv}; the images must already be there. */
    static void writeLists(Path corpusDir, List<String> ids, List<IdentityTraits> traits, int renderings)
            throws IOException {
        StringBuilder identities = new StringBuilder(IdentitiesCsv.HEADER).append('\n');
        StringBuilder faces = new StringBuilder(FACES_HEADER).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            identities.append(IdentitiesCsv.format(id, Split.TRAIN, traits.get(i))).append('\n');
            faces.append(id).append(',').append(canonicalName(id)).append('\n');
            for (int k = 0; k < renderings; k++) {
                faces.append(id).append(',').append(renderingName(id, k)).append('\n');
            }
        }
        Path dir = corpusDir.resolve(DIR);
        Files.writeString(dir.resolve(SyntheticCorpus.IDENTITIES), identities, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FACES), faces, StandardCharsets.UTF_8);
    }

    static String canonicalName(String id) {
        return id + ".png";
    }

    static String renderingName(String id, int k) {
        return id + "_r" + k + ".png";
    }

    private static JudgeFace face(Path dir, String line, Map<String, IdentityTraits> traits) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            throw new IllegalArgumentException("expected 2 columns (" + FACES_HEADER + "), found " + fields.length);
        }
        IdentityTraits person = traits.get(fields[0]);
        if (person == null) {
            throw new IllegalArgumentException("identity: '" + fields[0] + "' is not in " + SyntheticCorpus.IDENTITIES);
        }
        Path image = dir.resolve(fields[1]).normalize();
        if (!image.startsWith(dir) || !Files.isRegularFile(image)) {
            throw new IllegalArgumentException("image: '" + fields[1] + "' is not a file inside " + dir);
        }
        return new JudgeFace(person, image);
    }

    private static <T> T parse(Path file, int index, Supplier<T> row) {
        try {
            return row.get();
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(file + " line " + (index + 1) + ": " + e.getMessage());
        }
    }
}
