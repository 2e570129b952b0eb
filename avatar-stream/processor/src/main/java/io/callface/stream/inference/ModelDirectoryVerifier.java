package io.callface.stream.inference;

import static io.callface.model.ModelContract.DECODER_FILE;
import static io.callface.model.ModelContract.ENCODER_FILE;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import io.callface.model.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a model directory honours the ONNX model contract ({@link ModelContract}) before anything runs it.
 *
 * <ol>
 *   <li>{@link #verifyFiles(Path)}: reads {@code model.json}, reads both ONNX files (and {@code attributes.onnx}
 *       when the manifest lists it) and compares their SHA-256 with the manifest.</li>
 *   <li>{@link #verifyContract(ModelManifest, OrtSession, OrtSession)}: on the created sessions, checks input
 *       and output names, float32 element type, ranks, dynamic batch/time axes, the fixed dimensions
 *       (2, 257, 3, 68, 2), that D is the same in the encoder output, the decoder input and
 *       {@code featureDim}, that H and W match the manifest, and that {@code metadata_props} of both models
 *       carry the manifest's version, preset and feature dimension.</li>
 *   <li>{@link #verifyAttributesContract(ModelManifest, OrtSession)}: the optional attribute head has the one
 *       input {@code face_feature [?, D]} and exactly the outputs of {@link AttributeContract#OUTPUT_WIDTHS}, each
 *       float32 {@code [?, width]}.</li>
 * </ol>
 * Every failure is a {@link ModelRejectedException} naming the file and the fact that failed.
 */
public final class ModelDirectoryVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDirectoryVerifier.class);
    /** Marks an axis that must be dynamic (ONNX Runtime reports symbolic dimensions as -1). */
    private static final long DYNAMIC = -1;

    private ModelDirectoryVerifier() {
    }

    /**
     * Reads the manifest and both ONNX files of {@code modelDir} and checks their digests; likewise
     * {@code attributes.onnx} when the manifest lists it (a file the manifest does not list is not part of the model
     * and is never read).
     *
     * @throws ModelRejectedException when the manifest is missing or unreadable, names the wrong opset, lacks a
     *                                digest, or a file's digest differs
     */
    public static VerifiedModelFiles verifyFiles(Path modelDir) {
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(modelDir);
        } catch (UncheckedIOException e) {
            throw new ModelRejectedException("model directory " + modelDir + " has no valid "
                    + ModelContract.MANIFEST_FILE + ": " + e.getMessage(), e);
        }
        if (manifest.opset() != ModelContract.OPSET) {
            throw new ModelRejectedException(ModelContract.MANIFEST_FILE + " in " + modelDir + " names opset "
                    + manifest.opset() + ", the contract requires " + ModelContract.OPSET);
        }
        ByteBuffer encoder = readVerified(modelDir, ENCODER_FILE, manifest);
        ByteBuffer decoder = readVerified(modelDir, DECODER_FILE, manifest);
        ByteBuffer attributes = null;
        if (manifest.sha256().containsKey(AttributeContract.ATTRIBUTES_FILE)) {
            attributes = readVerified(modelDir, AttributeContract.ATTRIBUTES_FILE, manifest);
        } else if (Files.exists(modelDir.resolve(AttributeContract.ATTRIBUTES_FILE))) {
            // Most likely an export that forgot the digest: say why the events will carry no attributes.
            LOG.warn("{} in {} is not listed in {}: the model is served without attributes",
                    AttributeContract.ATTRIBUTES_FILE, modelDir, ModelContract.MANIFEST_FILE);
        }
        return new VerifiedModelFiles(manifest, encoder, decoder, attributes);
    }

    /**
     * Checks the sessions built from a verified directory against the contract and the manifest.
     *
     * @throws ModelRejectedException naming the file and the first fact that differs
     */
    public static void verifyContract(ModelManifest manifest, OrtSession encoder, OrtSession decoder) {
        int d = manifest.featureDim();
        try {
            TensorInfo spectrogram = onlyInput(encoder, ENCODER_FILE, ModelContract.SPECTROGRAM);
            requireShape(ENCODER_FILE, "input", ModelContract.SPECTROGRAM, spectrogram, new long[] {
                    DYNAMIC, ModelContract.SPECTROGRAM_CHANNELS, DYNAMIC, ModelContract.SPECTROGRAM_BINS});
            Map<String, TensorInfo> encoderOutputs = outputs(encoder, ENCODER_FILE,
                    Set.of(ModelContract.FACE_FEATURE));
            requireShape(ENCODER_FILE, "output", ModelContract.FACE_FEATURE,
                    encoderOutputs.get(ModelContract.FACE_FEATURE), new long[] {DYNAMIC, d});

            TensorInfo feature = onlyInput(decoder, DECODER_FILE, ModelContract.FACE_FEATURE);
            requireShape(DECODER_FILE, "input", ModelContract.FACE_FEATURE, feature, new long[] {DYNAMIC, d});
            Map<String, TensorInfo> decoderOutputs = outputs(decoder, DECODER_FILE,
                    Set.of(ModelContract.FACE_IMAGE, ModelContract.LANDMARKS));
            requireShape(DECODER_FILE, "output", ModelContract.FACE_IMAGE,
                    decoderOutputs.get(ModelContract.FACE_IMAGE), new long[] {
                            DYNAMIC, ModelContract.IMAGE_CHANNELS, manifest.imageHeight(), manifest.imageWidth()});
            requireShape(DECODER_FILE, "output", ModelContract.LANDMARKS,
                    decoderOutputs.get(ModelContract.LANDMARKS),
                    new long[] {DYNAMIC, ModelContract.LANDMARK_COUNT, 2});

            requireMetadata(ENCODER_FILE, encoder, manifest);
            requireMetadata(DECODER_FILE, decoder, manifest);
        } catch (OrtException e) {
            throw new InferenceException("cannot read model signatures: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the session of {@code attributes.onnx} against the attribute contract and the manifest's D.
     *
     * @throws ModelRejectedException naming the input or output that differs
     */
    public static void verifyAttributesContract(ModelManifest manifest, OrtSession attributes) {
        String file = AttributeContract.ATTRIBUTES_FILE;
        try {
            TensorInfo feature = onlyInput(attributes, file, ModelContract.FACE_FEATURE);
            requireShape(file, "input", ModelContract.FACE_FEATURE, feature,
                    new long[] {DYNAMIC, manifest.featureDim()});
            Map<String, TensorInfo> outputs = outputs(attributes, file, AttributeContract.OUTPUT_WIDTHS.keySet());
            AttributeContract.OUTPUT_WIDTHS.forEach((name, width) ->
                    requireShape(file, "output", name, outputs.get(name), new long[] {DYNAMIC, width}));
        } catch (OrtException e) {
            throw new InferenceException("cannot read the signature of " + file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer readVerified(Path modelDir, String fileName, ModelManifest manifest) {
        String expected = manifest.sha256().get(fileName);
        if (expected == null) {
            throw new ModelRejectedException(ModelContract.MANIFEST_FILE + " in " + modelDir
                    + " has no sha256 for " + fileName);
        }
        Path file = modelDir.resolve(fileName);
        ByteBuffer bytes = readFully(file);
        String actual = Sha256.hex(bytes.duplicate());
        if (!actual.equalsIgnoreCase(expected)) {
            throw new ModelRejectedException(fileName + " in " + modelDir + " fails its digest check: expected sha256 "
                    + expected + ", actual " + actual);
        }
        return bytes;
    }

    private static ByteBuffer readFully(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new ModelRejectedException(file + " is " + size + " bytes, over the 2 GiB ONNX limit");
            }
            // Direct, so ONNX Runtime reads the model without another copy.
            ByteBuffer bytes = ByteBuffer.allocateDirect((int) size);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    throw new ModelRejectedException(file + " shrank while being read");
                }
            }
            return bytes.flip();
        } catch (IOException e) {
            throw new ModelRejectedException("cannot read " + file + ": " + e, e);
        }
    }

    private static TensorInfo onlyInput(OrtSession session, String file, String name) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (!inputs.keySet().equals(Set.of(name))) {
            throw new ModelRejectedException(file + " must have exactly one input '" + name + "', has "
                    + inputs.keySet());
        }
        return floatTensor(file, "input", inputs.get(name));
    }

    private static Map<String, TensorInfo> outputs(OrtSession session, String file, Set<String> names)
            throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (!outputs.keySet().equals(names)) {
            throw new ModelRejectedException(file + " must have outputs " + names + ", has " + outputs.keySet());
        }
        return Map.copyOf(outputs.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> floatTensor(file, "output", e.getValue()))));
    }

    private static TensorInfo floatTensor(String file, String kind, NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new ModelRejectedException(file + " " + kind + " '" + node.getName()
                    + "' must be a float32 tensor, is " + node.getInfo());
        }
        return tensor;
    }

    private static void requireShape(String file, String kind, String name, TensorInfo tensor, long[] expected) {
        long[] actual = tensor.getShape();
        if (!Arrays.equals(actual, expected)) {
            throw new ModelRejectedException(file + " " + kind + " '" + name + "' has shape " + describe(actual)
                    + ", the contract and " + ModelContract.MANIFEST_FILE + " require " + describe(expected));
        }
    }

    private static String describe(long[] shape) {
        return Arrays.stream(shape).mapToObj(dim -> dim == DYNAMIC ? "?" : Long.toString(dim))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static void requireMetadata(String file, OrtSession session, ModelManifest manifest)
            throws OrtException {
        Map<String, String> metadata = session.getMetadata().getCustomMetadata();
        requireEntry(file, metadata, ModelContract.META_VERSION, manifest.version());
        requireEntry(file, metadata, ModelContract.META_PRESET, manifest.preset());
        requireEntry(file, metadata, ModelContract.META_FEATURE_DIM, Integer.toString(manifest.featureDim()));
    }

    private static void requireEntry(String file, Map<String, String> metadata, String key, String expected) {
        String actual = metadata.get(key);
        if (actual == null) {
            throw new ModelRejectedException(file + " has no metadata_props entry '" + key + "'");
        }
        if (!actual.equals(expected)) {
            throw new ModelRejectedException(file + " metadata_props '" + key + "' is '" + actual + "', "
                    + ModelContract.MANIFEST_FILE + " says '" + expected + "'");
        }
    }
}
