package io.callface.stream.demo;

import io.callface.stream.model.ModelContract;
import io.callface.stream.model.ModelManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The demo's model: a {@code small} preset model made by the trainer and shipped inside this jar (see
 * {@code src/main/resources/io/callface/stream/demo/model/README.md} for the exact command that reproduces it).
 * On first use it is copied into a cache directory; {@code model.json} must match the digest pinned here, and it
 * pins the ONNX files in turn (their sha256 are checked again, with the model contract, when the stream
 * processor loads them), so a changed or corrupted file is refused rather than served.
 */
public final class DemoModel {
    static final String RESOURCE_DIR = "/io/callface/stream/demo/model/";
    /** sha256 of the shipped {@code model.json}. */
    static final String MODEL_JSON_SHA256 = "0000000000000000000000000000000000000000000000000000000000000000";

    private DemoModel() {
    }

    /** Returns a model directory holding the shipped demo model, copying it into {@code cacheDir} if needed. */
    public static Path ensure(Path cacheDir, PrintStream log) {
        Path modelDir = cacheDir.resolve("demo-model-" + MODEL_JSON_SHA256.substring(0, 12));
        Path manifestFile = modelDir.resolve(ModelContract.MANIFEST_FILE);
        try {
            if (Files.isRegularFile(manifestFile) && sha256(Files.readAllBytes(manifestFile)).equals(MODEL_JSON_SHA256)) {
                log.println("Using the demo model in " + modelDir);
                return modelDir;
            }
            byte[] manifestBytes = resource(ModelContract.MANIFEST_FILE);
            String actual = sha256(manifestBytes);
            if (!actual.equals(MODEL_JSON_SHA256)) {
                throw new IllegalStateException("the shipped demo " + ModelContract.MANIFEST_FILE + " has sha256 " + actual
                        + ", expected " + MODEL_JSON_SHA256 + ": the jar's demo model was changed without updating "
                        + DemoModel.class.getName());
            }
            Path staging = Files.createDirectories(cacheDir).resolve(modelDir.getFileName() + ".partial");
            Files.createDirectories(staging);
            Files.write(staging.resolve(ModelContract.MANIFEST_FILE), manifestBytes);
            for (String file : ModelManifest.read(staging).sha256().keySet()) {
                Files.write(staging.resolve(file), resource(file));
            }
            deleteTree(modelDir);
            // Whole directory or nothing: a half-copied model is never found under the final name.
            Files.move(staging, modelDir, StandardCopyOption.ATOMIC_MOVE);
            log.println("Demo model copied to " + modelDir);
            return modelDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo model in " + modelDir + ": " + e.getMessage(), e);
        }
    }

    /** Removes a damaged copy (its model.json no longer matches) so the fresh one can take its name. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = DemoModel.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("the demo model's " + file + " is missing from the jar (" + RESOURCE_DIR + ")");
            }
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
