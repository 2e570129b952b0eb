package io.callface.stream.inference;

import io.callface.avro.ModelRelease;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns a {@link ModelRelease} into a loaded {@link FaceModel}: fetches {@code encoder.onnx} and
 * {@code decoder.onnx} from their URIs (file: or http(s):) and {@code model.json} from beside the encoder, checks
 * both files against the release's SHA-256 digests and the manifest against the release's version, preset and
 * feature dimension, fetches the optional {@code attributes.onnx} from beside the encoder when the manifest lists
 * it (checked against the release's {@code attributesSha256} when set, which the manifest must then list too, and
 * against the manifest's digest on load), then loads the directory ({@link FaceModel#load} checks the
 * manifest digests and the ONNX contract). The fetched copy is deleted once loaded: the model keeps the verified
 * bytes in memory.
 */
public final class ModelReleaseLoader {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final Path cacheDir;
    private final InferenceOptions options;

    public ModelReleaseLoader(Path cacheDir, InferenceOptions options) {
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @throws ModelRejectedException when a file cannot be fetched, a digest or a manifest fact differs from the
     *                                release, or the files break the contract
     * @throws InferenceException     when ONNX Runtime cannot load verified files
     */
    public FaceModel load(ModelRelease release) {
        Objects.requireNonNull(release, "release");
        Path dir = fetchDirectory(release);
        try {
            fetch(release, "encoderUri", release.getEncoderUri(), release.getEncoderSha256(),
                    dir.resolve(ModelContract.ENCODER_FILE));
            fetch(release, "decoderUri", release.getDecoderUri(), release.getDecoderSha256(),
                    dir.resolve(ModelContract.DECODER_FILE));
            URI encoderUri = uri(release, "encoderUri", release.getEncoderUri());
            copy(release, encoderUri.resolve(ModelContract.MANIFEST_FILE), dir.resolve(ModelContract.MANIFEST_FILE));
            ModelManifest manifest = ModelManifest.read(dir);
            requireManifestMatches(release, manifest);
            fetchAttributes(release, manifest, encoderUri.resolve(AttributeContract.ATTRIBUTES_FILE),
                    dir.resolve(AttributeContract.ATTRIBUTES_FILE));
            return FaceModel.load(dir, options);
        } catch (UncheckedIOException e) {
            throw new ModelRejectedException("release " + release.getVersion() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private Path fetchDirectory(ModelRelease release) {
        try {
            Files.createDirectories(cacheDir);
            return Files.createTempDirectory(cacheDir, "release-" + release.getVersion().replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a download directory under " + cacheDir, e);
        }
    }

    private static void fetch(ModelRelease release, String field, String location, String expectedSha256, Path target) {
        String actual = copy(release, uri(release, field, location), target);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new ModelRejectedException("release " + release.getVersion() + ": " + field + " " + location
                    + " fails its digest check: release says sha256 " + expectedSha256 + ", fetched " + actual);
        }
    }

    private static void fetchAttributes(ModelRelease release, ModelManifest manifest, URI source, Path target) {
        String listed = manifest.sha256().get(AttributeContract.ATTRIBUTES_FILE);
        String released = release.getAttributesSha256();
        if (released != null && !released.equalsIgnoreCase(String.valueOf(listed))) {
            throw new ModelRejectedException("release " + release.getVersion() + ": attributesSha256 is " + released
                    + " but " + ModelContract.MANIFEST_FILE + " lists " + (listed == null
                    ? "no " + AttributeContract.ATTRIBUTES_FILE
                    : "sha256 " + listed + " for " + AttributeContract.ATTRIBUTES_FILE));
        }
        if (released != null) {
            fetch(release, AttributeContract.ATTRIBUTES_FILE, source.toString(), released, target);
        } else if (listed != null) {
            copy(release, source, target); // checked against model.json's digest when the directory is loaded
        }
    }

    private static URI uri(ModelRelease release, String field, String location) {
        try {
            URI uri = URI.create(location);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
                throw new ModelRejectedException("release " + release.getVersion() + ": " + field + " '" + location
                        + "' is not a file:, http: or https: URI");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ModelRejectedException("release " + release.getVersion() + ": " + field + " '" + location
                    + "' is not a URI: " + e.getMessage(), e);
        }
    }

    /** Copies {@code source} to {@code target} and returns the SHA-256 of the bytes copied. */
    private static String copy(ModelRelease release, URI source, Path target) {
        try {
            MessageDigest digest = Sha256.newDigest();
            URLConnection connection = source.toURL().openConnection();
            connection.setConnectTimeout((int) FETCH_TIMEOUT.toMillis());
            connection.setReadTimeout((int) FETCH_TIMEOUT.toMillis());
            try (InputStream in = new DigestInputStream(connection.getInputStream(), digest)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new ModelRejectedException("release " + release.getVersion() + ": cannot fetch " + source + ": "
                    + e, e);
        }
    }

    private static void requireManifestMatches(ModelRelease release, ModelManifest manifest) {
        requireSame(release, "version", release.getVersion(), manifest.version());
        requireSame(release, "preset", release.getPreset(), manifest.preset());
        requireSame(release, "featureDim", Integer.toString(release.getFeatureDim()),
                Integer.toString(manifest.featureDim()));
    }

    private static void requireSame(ModelRelease release, String field, String released, String manifest) {
        if (!released.equals(manifest)) {
            throw new ModelRejectedException("release " + release.getVersion() + ": " + field + " is '" + released
                    + "' but " + ModelContract.MANIFEST_FILE + " says '" + manifest + "'");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover download holds no secret and the next release uses a fresh directory.
        }
    }
}
