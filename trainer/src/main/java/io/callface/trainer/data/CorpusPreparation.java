package io.callface.trainer.data;

import io.callface.audio.Audio;
import io.callface.audio.AudioFrontEnd;
import io.callface.audio.Spectrogram;
import io.callface.audio.VoicedWindows;
import io.callface.audio.WavWriter;
import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.LandmarksCsv;
import io.callface.trainer.synth.SyntheticCorpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Turns a real-data corpus ({@link RecordingsCsv}) into the corpus format the trainer reads ({@code manifest.csv},
 * 16 kHz WAV clips, canonical face PNGs with landmarks, {@code renderings.csv}), the way the paper prepared
 * AVSpeech: speech cut into 6 s segments and faces aligned to one frontal crop.
 * <ul>
 *   <li><b>Speech</b>: each recording (WAV or FLAC, any rate and channels) goes through the stream processor's front
 *   end to 16 kHz mono and is cut by the stream's own voice gate into the windows the stream would make
 *   ({@link VoicedWindows}): every full 6 s window of voiced audio, or, for a recording with under 6 s of voice,
 *   its provisional window (3-6 s, repeated to 6 s when its spectrogram is made, as the stream does). A recording
 *   with under 3 s of voice is skipped.</li>
 *   <li><b>Faces</b>: each photo (JPEG or PNG, any size) is aligned to the canonical crop by a similarity transform
 *   fitted to its landmarks ({@link FaceAligner}). A photo without landmarks is skipped with a row error (face
 *   detection is out of scope); so is one whose landmarks fit the canonical frame badly (anchor residual over
 *   {@value #MAX_RESIDUAL_PIXELS} px at {@value #FACE_SIZE} px, e.g. swapped or mislabelled points).</li>
 *   <li><b>Pairs</b>: every segment of an identity is paired with that identity's canonical photo, the best
 *   aligned of those with 68 landmarks, or of all when none has them (the decoder learns to draw it, without a
 *   landmark target for a 5-point photo; the voice stage regresses its feature); the identity's other photos are
 *   listed in {@code renderings.csv}, as views the face encoder learns the identity from. A corpus needs at least
 *   one 68-point photo, or the decoder's landmarks would never be trained.</li>
 * </ul>
 * Outputs are cached in the prepared directory under a key of each source file's path, size and modification time,
 * so a second run redoes only what changed. A dry run ({@code trainer validate}) does all the work and writes
 * nothing.
 */
public final class CorpusPreparation {
    /** The crop size, that of the synthetic world's faces; the trainer resizes to its preset's size when reading. */
    public static final int FACE_SIZE = 128;
    /** About 5 % of the crop: more means the points do not describe a face (swapped eyes, another person's points). */
    static final double MAX_RESIDUAL_PIXELS = 6.0;
    /** The default prepared directory inside a real-data corpus. */
    public static final String PREPARED_DIR = "prepared";

    /** The decoder's target: a photo with its 68 landmarks before one aligned from 5 points, then the best aligned. */
    private static final Comparator<PreparedRow> CANONICAL_FIRST = Comparator
            .comparing((PreparedRow r) -> !r.fullLandmarks()).thenComparingDouble(PreparedRow::residualPixels);
    private static final String SEGMENTS_INDEX = "segments.properties";
    private static final String ALIGNMENT_SUFFIX = ".alignment.properties";

    private CorpusPreparation() {
    }

    /** Checks every row of {@code dir}'s corpus, decoding and aligning everything, and writes nothing. */
    public static PreparationReport validate(Path dir, int threads) throws IOException {
        return run(dir, Optional.empty(), threads);
    }

    /**
     * Prepares {@code dir}'s corpus into {@code out} (created when missing) and writes its {@code manifest.csv} and
     * {@code renderings.csv}; throws {@link CorpusFormatException} when no row is usable.
     */
    public static PreparationReport prepare(Path dir, Path out, int threads) throws IOException {
        Files.createDirectories(out.resolve("audio"));
        Files.createDirectories(out.resolve("faces"));
        PreparationReport report = run(dir, Optional.of(out), threads);
        writeManifests(out, report.rows());
        return report;
    }

    private static PreparationReport run(Path dir, Optional<Path> out, int threads) throws IOException {
        Path source = dir.toAbsolutePath().normalize();
        RecordingsCsv.Rows rows = RecordingsCsv.read(source);
        List<PreparedRow> prepared = new ArrayList<>();
        List<String> problems = new ArrayList<>(rows.problems());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<PreparedRow>> results = new ArrayList<>();
            for (Recording recording : rows.recordings()) {
                results.add(pool.submit(() -> prepare(recording, out)));
            }
            for (int i = 0; i < results.size(); i++) {
                try {
                    prepared.add(results.get(i).get());
                } catch (ExecutionException e) {
                    // Whatever one row's files do to a decoder (a truncated JPEG can throw anything), that row is
                    // skipped and named; only errors (out of memory) end the preparation.
                    Throwable cause = e.getCause();
                    if (!(cause instanceof RuntimeException)) {
                        throw new IllegalStateException(cause);
                    }
                    problems.add(RecordingsCsv.FILE + " line " + rows.recordings().get(i).line() + ": "
                            + (cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException
                            ? cause.getMessage() : cause.getClass().getSimpleName() + " (" + cause.getMessage()
                            + ") on " + rows.recordings().get(i).audio().getFileName() + " / "
                            + rows.recordings().get(i).face().getFileName()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing " + source, e);
        } finally {
            pool.shutdownNow();
        }
        problems.sort(Comparator.comparingInt(CorpusPreparation::lineOf));
        PreparationReport report = new PreparationReport(source, out, prepared, problems);
        if (out.isPresent() && prepared.stream().noneMatch(PreparedRow::fullLandmarks)) {
            throw new CorpusFormatException(source + ": no usable photo with 68 landmarks; the decoder learns to draw "
                    + "landmarks only from such photos\n" + report.text());
        }
        return report;
    }

    private static PreparedRow prepare(Recording recording, Optional<Path> out) {
        requireFile("audio", recording.audio());
        requireFile("face", recording.face());
        recording.landmarks().ifPresent(file -> requireFile("landmarks", file));
        Speech speech = speech(recording, out);
        Photo photo = photo(recording, out);
        return new PreparedRow(recording, speech.segments(), speech.count(), speech.seconds(), photo.file(),
                photo.fullLandmarks(), photo.residual(), speech.cached() && photo.cached());
    }

    private record Speech(List<Path> segments, int count, double seconds, boolean cached) {
    }

    private static Speech speech(Recording recording, Optional<Path> out) {
        Optional<Path> cacheDir = out.map(o -> o.resolve("audio").resolve(key(recording.audio())));
        if (cacheDir.isPresent() && Files.isRegularFile(cacheDir.get().resolve(SEGMENTS_INDEX))) {
            Properties index = load(cacheDir.get().resolve(SEGMENTS_INDEX));
            int count = Integer.parseInt(index.getProperty("segments"));
            return new Speech(segmentFiles(cacheDir.get(), count), count,
                    Double.parseDouble(index.getProperty("seconds")), true);
        }
        Audio audio = AudioFiles.read(recording.audio());
        List<VoicedWindows.Window> windows = VoicedWindows.of(AudioFrontEnd.to16kMono(audio));
        List<VoicedWindows.Window> full = windows.stream().filter(w -> !w.provisional()).toList();
        List<VoicedWindows.Window> segments = full.isEmpty() ? windows.stream().limit(1).toList() : full;
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "audio %s: under %d s of voiced speech in %.1f s (the stream's voice gate), nothing to train on",
                    recording.audio(), VoicedWindows.MIN_SECONDS, audio.durationSeconds()));
        }
        if (cacheDir.isEmpty()) {
            return new Speech(List.of(), segments.size(), audio.durationSeconds(), false);
        }
        try {
            Files.createDirectories(cacheDir.get());
            List<Path> files = segmentFiles(cacheDir.get(), segments.size());
            for (int i = 0; i < files.size(); i++) {
                WavWriter.write(files.get(i), new Audio(segments.get(i).audio(), Spectrogram.SAMPLE_RATE));
            }
            Properties index = new Properties();
            index.setProperty("segments", Integer.toString(files.size()));
            index.setProperty("seconds", Double.toString(audio.durationSeconds()));
            store(index, cacheDir.get().resolve(SEGMENTS_INDEX));
            return new Speech(files, files.size(), audio.durationSeconds(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write segments of " + recording.audio() + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(String field, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(field + ": " + file + " does not exist");
        }
    }

    private static List<Path> segmentFiles(Path dir, int count) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(dir.resolve(String.format(Locale.ROOT, "%03d.wav", i)));
        }
        return files;
    }

    private record Photo(Optional<Path> file, boolean fullLandmarks, double residual, boolean cached) {
    }

    private static Photo photo(Recording recording, Optional<Path> out) {
        Path landmarksFile = recording.landmarks().orElseThrow(() -> new IllegalArgumentException("landmarks: none "
                + "given for face " + recording.face() + "; alignment needs 68 or 5 points per photo (callface does "
                + "not detect faces)"));
        Optional<Path> png = out.map(o -> o.resolve("faces").resolve(
                key(recording.face()) + "-" + key(landmarksFile) + ".png"));
        Optional<Path> cachedAlignment = png.map(p -> sibling(p, ALIGNMENT_SUFFIX)).filter(Files::isRegularFile);
        if (cachedAlignment.isPresent()) {
            Properties alignment = load(cachedAlignment.get());
            return new Photo(png, Boolean.parseBoolean(alignment.getProperty("fullLandmarks")),
                    Double.parseDouble(alignment.getProperty("residualPixels")), true);
        }
        FaceLandmarks landmarks = readLandmarks(landmarksFile);
        AlignedFace aligned = FaceAligner.align(readImage(recording.face()), landmarks, FACE_SIZE);
        if (!(aligned.residualPixels() <= MAX_RESIDUAL_PIXELS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "landmarks %s: the points fit the canonical "
                    + "face frame %.1f px apart (at most %.1f px at %d px); are they this photo's, in the 68-point "
                    + "iBUG or 5-point order?", landmarksFile, aligned.residualPixels(), MAX_RESIDUAL_PIXELS, FACE_SIZE));
        }
        Optional<float[]> inside = aligned.landmarks136().filter(CorpusPreparation::insideCrop);
        if (png.isPresent()) {
            write(png.get(), aligned, inside);
        }
        return new Photo(png, inside.isPresent(), aligned.residualPixels(), false);
    }

    /** A 68-point face cut by the crop (a jaw beyond the photo) keeps its image but not its landmarks. */
    private static boolean insideCrop(float[] landmarks136) {
        for (float v : landmarks136) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
        }
        return true;
    }

    private static FaceLandmarks readLandmarks(Path file) {
        try {
            return FaceLandmarksFile.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("landmarks " + file + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage readImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException("face " + file + ": not a JPEG or PNG image");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("face " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path png, AlignedFace aligned, Optional<float[]> landmarks) {
        try {
            if (!ImageIO.write(aligned.image(), "png", png.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Path landmarksCsv = sibling(png, SyntheticCorpus.LANDMARKS_SUFFIX);
            if (landmarks.isPresent()) {
                LandmarksCsv.write(landmarksCsv, landmarks.get());
            } else {
                LandmarksCsv.writeUnknown(landmarksCsv);
            }
            Properties alignment = new Properties();
            alignment.setProperty("fullLandmarks", Boolean.toString(landmarks.isPresent()));
            alignment.setProperty("residualPixels", Double.toString(aligned.residualPixels()));
            // Written last: its presence marks a complete cache entry.
            store(alignment, sibling(png, ALIGNMENT_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write aligned face " + png + ": " + e.getMessage(), e);
        }
    }

    private static void writeManifests(Path out, List<PreparedRow> rows) throws IOException {
        Map<String, List<PreparedRow>> byIdentity = new LinkedHashMap<>();
        rows.forEach(r -> byIdentity.computeIfAbsent(r.recording().identity(), id -> new ArrayList<>()).add(r));
        StringBuilder manifest = new StringBuilder(SyntheticCorpus.MANIFEST_HEADER).append('\n');
        StringBuilder renderings = new StringBuilder(SyntheticCorpus.RENDERINGS_HEADER).append('\n');
        for (Map.Entry<String, List<PreparedRow>> identity : byIdentity.entrySet()) {
            Optional<PreparedRow> canonical = identity.getValue().stream().min(CANONICAL_FIRST);
            String face = relative(out, canonical.get().face().orElseThrow());
            for (PreparedRow row : identity.getValue()) {
                for (Path segment : row.segments()) {
                    manifest.append(String.join(",", identity.getKey(), row.recording().split().csvName(),
                            relative(out, segment), face)).append('\n');
                }
                Path photo = row.face().orElseThrow();
                if (!photo.equals(canonical.get().face().orElseThrow())) {
                    renderings.append(identity.getKey()).append(',').append(relative(out, photo)).append('\n');
                }
            }
        }
        writeAtomically(out.resolve(SyntheticCorpus.MANIFEST), manifest.toString());
        writeAtomically(out.resolve(SyntheticCorpus.RENDERINGS), renderings.toString());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** A short stable name for a source file's current content: its path, size and modification time. */
    private static String key(Path file) {
        try {
            String identity = file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|"
                    + Files.getLastModifiedTime(file).toMillis();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static Path sibling(Path png, String suffix) {
        String name = png.getFileName().toString();
        return png.resolveSibling(name.substring(0, name.length() - ".png".length()) + suffix);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cache entry " + file + ": " + e.getMessage(), e);
        }
    }

    private static void store(Properties properties, Path file) throws IOException {
        try (var writer = new java.io.StringWriter()) {
            properties.store(writer, null);
            writeAtomically(file, writer.toString());
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int lineOf(String problem) {
        int at = problem.indexOf(" line ");
        if (at < 0) {
            return Integer.MAX_VALUE;
        }
        String digits = problem.substring(at + 6).replaceAll("\\D.*", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
