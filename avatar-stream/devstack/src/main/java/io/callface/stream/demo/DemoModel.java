package io.callface.stream.demo;

import io.callface.stream.inference.ModelDirectoryVerifier;
import io.callface.stream.inference.ModelRejectedException;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's default model: a {@code small} preset model that the trainer made, with its attribute head
 * ({@code attributes.onnx}), shipped inside the jar (its README beside it, in the same resource folder, gives the
 * exact commands that reproduce it). The demo serves a copy in the cache directory, because ONNX Runtime and the
 * stream processor load models from directories. {@link #MODEL_JSON_SHA256} pins {@code model.json}, which pins every
 * ONNX file's digest, so a copy is used only when all of them match; anything else is replaced by a fresh copy.
 */
public final class DemoModel {
    /** The SHA-256 of the shipped {@code model.json}. */
    public static final String MODEL_JSON_SHA256 = "81e4d08452e7124ed02dd2b0207c832dc5fe82a0813393c5f5ece6643050818e";
    /** The classpath folder of the shipped model. */
    static final String RESOURCE_FOLDER = "/io/callface/stream/demo/model/";
    /** The face encoder is not served, but it belongs to the trainer's model directory and is pinned too. */
    static final String FACE_ENCODER_FILE = "face_encoder.onnx";
    /** Every ONNX file of the shipped model; {@code model.json} gives each one's digest. */
    static final List<String> ONNX_FILES = List.of(ModelContract.ENCODER_FILE, ModelContract.DECODER_FILE,
            AttributeContract.ATTRIBUTES_FILE, FACE_ENCODER_FILE);

    private DemoModel() {
    }

    /**
     * Returns the cached copy of the shipped model under {@code cacheDir}, copying it there first when it is
     * missing or differs from what the jar ships.
     */
    public static Path ensure(Path cacheDir, PrintStream log) {
        Path modelDir = cacheDir.resolve("demo-model-" + MODEL_JSON_SHA256.substring(0, 12));
        if (intact(modelDir)) {
            log.println("Using the demo model in " + modelDir);
            return modelDir;
        }
        Path staging = copyToStaging(cacheDir);
        if (!intact(staging)) {
            deleteQuietly(staging);
            throw new IllegalStateException("the demo model inside this jar does not match its pinned SHA-256 "
                    + MODEL_JSON_SHA256 + ": the jar is damaged or was built from a changed model");
        }
        replace(staging, modelDir);
        log.println("Demo model copied to " + modelDir);
        return modelDir;
    }

    /** Whether {@code dir} holds the pinned {@code model.json} and every ONNX file of the digest it names. */
    static boolean intact(Path dir) {
        Path manifestFile = dir.resolve(ModelContract.MANIFEST_FILE);
        if (!Files.isRegularFile(manifestFile) || !Sha256.hex(manifestFile).equals(MODEL_JSON_SHA256)) {
            return false;
        }
        try {
            ModelDirectoryVerifier.verifyFiles(dir);
        } catch (ModelRejectedException e) {
            return false;
        }
        Map<String, String> digests = ModelManifest.read(dir).sha256();
        return ONNX_FILES.stream().allMatch(file -> Files.isRegularFile(dir.resolve(file))
                && Sha256.hex(dir.resolve(file)).equals(digests.get(file)));
    }

    private static Path copyToStaging(Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
            Path staging = Files.createTempDirectory(cacheDir, "demo-model-");
            for (String file : Stream.concat(Stream.of(ModelContract.MANIFEST_FILE), ONNX_FILES.stream()).toList()) {
                try (InputStream in = DemoModel.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
                    if (in == null) {
                        throw new IllegalStateException("this jar lacks the demo model's " + file + " ("
                                + RESOURCE_FOLDER + "); pass --models DIR to serve a model you trained");
                    }
                    Files.copy(in, staging.resolve(file));
                }
            }
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the demo model into " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    /** Moves the checked copy into place; a damaged copy already there goes first. */
    private static void replace(Path staging, Path modelDir) {
        deleteQuietly(modelDir);
        try {
            Files.move(staging, modelDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another demo may have put an intact copy there first; use it.
            deleteQuietly(staging);
            if (!intact(modelDir)) {
                throw new UncheckedIOException("cannot move the demo model to " + modelDir, e);
            }
        }
    }

    /** Removes {@code dir} and everything in it, if it exists. */
    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
