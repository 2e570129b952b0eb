package io.callface.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * {@code model.json}: the facts of a model directory, written by the trainer and checked by the stream
 * processor before it trusts the ONNX files.
 *
 * @param version      {@code callface.version} of both models
 * @param preset       trainer preset (tiny, small, paper)
 * @param featureDim   D, the face feature dimension
 * @param imageHeight  H of the decoder's face image
 * @param imageWidth   W of the decoder's face image
 * @param opset        ONNX opset of both graphs
 * @param createdAt    ISO-8601 instant of export
 * @param sha256       lower-case hex SHA-256 per file name ({@code encoder.onnx}, {@code decoder.onnx}, and
 *                     {@code attributes.onnx} when the model has the optional attribute head)
 * @param metrics      evaluation figures (may be empty)
 */
public record ModelManifest(
        String version,
        String preset,
        int featureDim,
        int imageHeight,
        int imageWidth,
        int opset,
        String createdAt,
        Map<String, String> sha256,
        Map<String, Double> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelManifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(preset, "preset");
        if (featureDim <= 0 || imageHeight <= 0 || imageWidth <= 0) {
            throw new IllegalArgumentException("featureDim, imageHeight and imageWidth must be positive, got "
                    + featureDim + ", " + imageHeight + ", " + imageWidth);
        }
        sha256 = Map.copyOf(Objects.requireNonNull(sha256, "sha256"));
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static ModelManifest read(Path modelDir) {
        Path file = modelDir.resolve(ModelContract.MANIFEST_FILE);
        try {
            return JSON.readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path modelDir) {
        try {
            Files.createDirectories(modelDir);
            JSON.writeValue(modelDir.resolve(ModelContract.MANIFEST_FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model manifest into " + modelDir, e);
        }
    }
}
