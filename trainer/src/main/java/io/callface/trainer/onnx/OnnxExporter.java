package io.callface.trainer.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.trainer.nn.Preset;
import io.callface.trainer.nn.Speech2FaceNetworks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Writes trained {@link Speech2FaceNetworks} as a callface model directory (ONNX files plus model.json). */
public final class OnnxExporter {
    /** The {@code callface.version} written when the caller names none. */
    public static final String DEFAULT_VERSION = "0.1.0";

    private static final Dim BATCH = Dim.dynamic("N");
    private static final Dim TIME = Dim.dynamic("T");

    private final String version;

    public OnnxExporter(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        this.version = version;
    }

    /** Exports encoder, decoder and face encoder into {@code dir} (created if needed) and writes model.json. */
    public ModelDirectory export(Speech2FaceNetworks networks, Path dir) {
        return export(networks, dir, Optional.empty());
    }

    /**
     * As above, with {@code pretrainedFaceEncoder} (a pretrained network in the contract, {@link FaceEncoderImport})
     * as the face encoder instead of the networks' own.
     */
    public ModelDirectory export(Speech2FaceNetworks networks, Path dir, Optional<ModelProto> pretrainedFaceEncoder) {
        Preset preset = networks.preset();
        Dim d = Dim.fixed(preset.featureDim());
        Dim size = Dim.fixed(preset.imageSize());
        Dim channels = Dim.fixed(ModelContract.IMAGE_CHANNELS);
        // Sorted, so the files are byte-identical across JVMs (Map.of iterates in a per-JVM random order).
        Map<String, String> metadata = new TreeMap<>(Map.of(
                ModelContract.META_VERSION, version,
                ModelContract.META_PRESET, preset.name(),
                ModelContract.META_FEATURE_DIM, Integer.toString(preset.featureDim())));

        OnnxGraphBuilder encoder = new OnnxGraphBuilder("callface_voice_encoder")
                .input(ModelContract.SPECTROGRAM, List.of(BATCH, Dim.fixed(ModelContract.SPECTROGRAM_CHANNELS), TIME,
                        Dim.fixed(ModelContract.SPECTROGRAM_BINS)))
                .output(ModelContract.FACE_FEATURE, List.of(BATCH, d));
        encoder.append(networks.voiceEncoder(), ModelContract.SPECTROGRAM, ModelContract.FACE_FEATURE);

        OnnxGraphBuilder decoder = new OnnxGraphBuilder("callface_face_decoder")
                .input(ModelContract.FACE_FEATURE, List.of(BATCH, d))
                .output(ModelContract.FACE_IMAGE, List.of(BATCH, channels, size, size))
                .output(ModelContract.LANDMARKS, List.of(BATCH, Dim.fixed(ModelContract.LANDMARK_COUNT), Dim.fixed(2)));
        String fDec = decoder.append(networks.decoderFDec(), ModelContract.FACE_FEATURE, "f_dec");
        decoder.append(networks.decoderImage(), fDec, ModelContract.FACE_IMAGE);
        decoder.append(networks.decoderLandmarks(), fDec, ModelContract.LANDMARKS);

        OnnxGraphBuilder faceEncoder = new OnnxGraphBuilder("callface_face_encoder")
                .input(ModelDirectory.FACE_ENCODER_INPUT, List.of(BATCH, channels, size, size))
                .output(ModelContract.FACE_FEATURE, List.of(BATCH, d));
        faceEncoder.append(networks.faceEncoder(), ModelDirectory.FACE_ENCODER_INPUT, ModelContract.FACE_FEATURE);

        Map<String, String> sha256 = new LinkedHashMap<>();
        write(encoder.toModel(metadata, version), dir, ModelContract.ENCODER_FILE, sha256);
        write(decoder.toModel(metadata, version), dir, ModelContract.DECODER_FILE, sha256);
        write(pretrainedFaceEncoder.orElseGet(() -> faceEncoder.toModel(metadata, version)), dir,
                ModelDirectory.FACE_ENCODER_FILE, sha256);
        ModelManifest manifest = new ModelManifest(version, preset.name(), preset.featureDim(), preset.imageSize(),
                preset.imageSize(), ModelContract.OPSET, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                sha256, Map.of());
        manifest.write(dir);
        return new ModelDirectory(dir, manifest);
    }

    private static void write(ModelProto model, Path dir, String fileName, Map<String, String> sha256) {
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                model.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        sha256.put(fileName, ModelDirectory.sha256(file));
    }
}
