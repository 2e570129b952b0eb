package io.callface.trainer.onnx;

import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An exported model directory: {@value ModelContract#ENCODER_FILE}, {@value ModelContract#DECODER_FILE},
 * {@value #FACE_ENCODER_FILE} (used by evaluation to compute true face features) and
 * {@value ModelContract#MANIFEST_FILE}.
 *
 * @param path     the directory
 * @param manifest its {@code model.json}
 */
public record ModelDirectory(Path path, ModelManifest manifest) {
    /** The face encoder (image to face feature); not part of the stream contract, evaluation needs it. */
    public static final String FACE_ENCODER_FILE = "face_encoder.onnx";
    /** Input of {@value #FACE_ENCODER_FILE}: float32 {@code [N, 3, H, W]} RGB in [0, 1]. */
    public static final String FACE_ENCODER_INPUT = "image";

    public ModelDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * Opens {@code dir}, checking that every file listed in {@code model.json} exists and matches its sha256.
     *
     * @throws IllegalStateException when a file is missing or its checksum differs
     */
    public static ModelDirectory open(Path dir) {
        ModelManifest manifest = ModelManifest.read(dir);
        for (Map.Entry<String, String> e : manifest.sha256().entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("model directory " + dir + ": missing file " + e.getKey());
            }
            String actual = sha256(file);
            if (!actual.equals(e.getValue())) {
                throw new IllegalStateException("model directory " + dir + ": sha256 of " + e.getKey() + " is "
                        + actual + " but model.json says " + e.getValue());
            }
        }
        return new ModelDirectory(dir, manifest);
    }

    public Path encoder() {
        return path.resolve(ModelContract.ENCODER_FILE);
    }

    public Path decoder() {
        return path.resolve(ModelContract.DECODER_FILE);
    }

    public Path faceEncoder() {
        return path.resolve(FACE_ENCODER_FILE);
    }

    /**
     * Rewrites {@code model.json} with {@code metrics} added (replacing earlier figures of the same names, keeping
     * the others, e.g. training throughput beside evaluation) and returns the result.
     */
    public ModelDirectory withMetrics(Map<String, Double> added) {
        ModelManifest m = manifest;
        Map<String, Double> metrics = new java.util.TreeMap<>(m.metrics());
        metrics.putAll(added);
        ModelManifest updated = new ModelManifest(m.version(), m.preset(), m.featureDim(), m.imageHeight(),
                m.imageWidth(), m.opset(), m.createdAt(), m.sha256(), metrics);
        updated.write(path);
        return new ModelDirectory(path, updated);
    }

    /** Lower-case hex SHA-256 of {@code file}. */
    public static String sha256(Path file) {
        return Sha256.hex(file);
    }
}
