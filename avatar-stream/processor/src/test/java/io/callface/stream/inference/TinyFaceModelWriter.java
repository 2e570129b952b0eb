package io.callface.stream.inference;

import static io.callface.model.ModelContract.FACE_FEATURE;
import static io.callface.model.ModelContract.FACE_IMAGE;
import static io.callface.model.ModelContract.LANDMARKS;
import static io.callface.model.ModelContract.SPECTROGRAM;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.callface.model.AttributeContract;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test-only: writes a tiny model directory that honours the ONNX contract, built with the ONNX protobufs.
 *
 * <ul>
 *   <li>encoder: {@code spectrogram [N,2,T,257]} -> Conv 1x1 to D channels -> ReduceMean over axes 2, 3
 *       (keepdims 0) -> {@code face_feature [N,D]}; so {@code f[d] = b[d] + sum_c w[d][c] * mean(x[c])}, which
 *       {@link #expectedFeature} computes independently.</li>
 *   <li>decoder: {@code face_feature} -> Gemm -> Sigmoid -> Reshape to {@code [N,3,H,W]}, and likewise to
 *       {@code [N,68,2]} for the landmarks.</li>
 *   <li>attribute head (with {@link #withAttributes()}): per contract output, {@code face_feature} -> Gemm with
 *       fixed weights -> Sigmoid (probabilities, grey share), Softmax over axis 1 (class probabilities), Softplus
 *       (the age's sd) or nothing (age, ITA); {@link #expectedAttributes} computes the same in plain Java.</li>
 * </ul>
 * Setters break one fact of the contract at a time, for rejection tests.
 */
public final class TinyFaceModelWriter {
    private static final long IR_VERSION = 8;
    private static final String BATCH = "N";
    private static final String FRAMES = "T";

    private int featureDim = 6;
    private int imageHeight = 8;
    private int imageWidth = 10;
    private String version = "tiny-test-1";
    private String preset = "tiny";
    private String imageOutputName = FACE_IMAGE;
    private int manifestFeatureDim = -1;
    private final Map<String, String> decoderMetadataOverrides = new LinkedHashMap<>();
    private boolean attributes;
    private boolean attributesListed = true;
    private int attributesFeatureDim = -1;
    private final Map<String, String> attributeOutputNames = new LinkedHashMap<>();
    private final Map<String, Integer> attributeOutputWidths = new LinkedHashMap<>();

    public TinyFaceModelWriter featureDim(int value) {
        featureDim = value;
        return this;
    }

    public TinyFaceModelWriter imageSize(int height, int width) {
        imageHeight = height;
        imageWidth = width;
        return this;
    }

    public TinyFaceModelWriter version(String value) {
        version = value;
        return this;
    }

    TinyFaceModelWriter imageOutputName(String value) {
        imageOutputName = value;
        return this;
    }

    TinyFaceModelWriter decoderMetadata(String key, String value) {
        decoderMetadataOverrides.put(key, value);
        return this;
    }

    /** Also writes attributes.onnx and lists it in model.json. */
    public TinyFaceModelWriter withAttributes() {
        attributes = true;
        return this;
    }

    /** Writes attributes.onnx but leaves it out of model.json's digests. */
    TinyFaceModelWriter attributesUnlisted() {
        attributes = true;
        attributesListed = false;
        return this;
    }

    /** Gives the attribute head's input another D than the encoder and decoder. */
    TinyFaceModelWriter attributesFeatureDim(int value) {
        attributes = true;
        attributesFeatureDim = value;
        return this;
    }

    /** Names the attribute head's output {@code contractName} {@code actualName} instead. */
    TinyFaceModelWriter attributeOutputName(String contractName, String actualName) {
        attributes = true;
        attributeOutputNames.put(contractName, actualName);
        return this;
    }

    /** Gives the attribute head's output {@code name} another width than the contract's. */
    TinyFaceModelWriter attributeOutputWidth(String name, int width) {
        attributes = true;
        attributeOutputWidths.put(name, width);
        return this;
    }

    /** Writes a manifest whose featureDim differs from the graphs' D. */
    TinyFaceModelWriter manifestFeatureDim(int value) {
        manifestFeatureDim = value;
        return this;
    }

    int featureDim() {
        return featureDim;
    }

    /**
     * Writes encoder.onnx, decoder.onnx, attributes.onnx when asked, and model.json (with their true digests) into
     * {@code dir}.
     */
    public ModelManifest write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> metadata = Map.of(
                ModelContract.META_VERSION, version,
                ModelContract.META_PRESET, preset,
                ModelContract.META_FEATURE_DIM, Integer.toString(featureDim));
        Map<String, String> decoderMetadata = new LinkedHashMap<>(metadata);
        decoderMetadata.putAll(decoderMetadataOverrides);
        byte[] encoder = model(encoderGraph(), metadata).toByteArray();
        byte[] decoder = model(decoderGraph(), decoderMetadata).toByteArray();
        Files.write(dir.resolve(ModelContract.ENCODER_FILE), encoder);
        Files.write(dir.resolve(ModelContract.DECODER_FILE), decoder);
        Map<String, String> digests = new LinkedHashMap<>(
                Map.of(ModelContract.ENCODER_FILE, sha256(encoder), ModelContract.DECODER_FILE, sha256(decoder)));
        if (attributes) {
            byte[] head = model(attributesGraph(), metadata).toByteArray();
            Files.write(dir.resolve(AttributeContract.ATTRIBUTES_FILE), head);
            if (attributesListed) {
                digests.put(AttributeContract.ATTRIBUTES_FILE, sha256(head));
            }
        }
        ModelManifest manifest = new ModelManifest(version, preset,
                manifestFeatureDim > 0 ? manifestFeatureDim : featureDim, imageHeight, imageWidth,
                ModelContract.OPSET, "2025-01-01T00:00:00Z", digests, Map.of());
        manifest.write(dir);
        return manifest;
    }

    /** The encoder's output for one spectrogram, computed in plain Java from the same weights. */
    float[] expectedFeature(float[] spectrogram, int frames) {
        int perChannel = frames * ModelContract.SPECTROGRAM_BINS;
        double[] means = new double[ModelContract.SPECTROGRAM_CHANNELS];
        for (int c = 0; c < means.length; c++) {
            double sum = 0;
            for (int i = 0; i < perChannel; i++) {
                sum += spectrogram[c * perChannel + i];
            }
            means[c] = sum / perChannel;
        }
        float[] feature = new float[featureDim];
        for (int d = 0; d < featureDim; d++) {
            double value = encoderBias(d);
            for (int c = 0; c < means.length; c++) {
                value += encoderWeight(d, c) * means[c];
            }
            feature[d] = (float) value;
        }
        return feature;
    }

    /** What the attribute head says of {@code feature}, computed in plain Java from the same weights. */
    public PredictedAttributes expectedAttributes(float[] feature) {
        Map<String, double[]> outputs = new LinkedHashMap<>();
        AttributeContract.OUTPUT_WIDTHS.forEach((name, width) -> {
            double[] z = new double[width];
            for (int k = 0; k < width; k++) {
                z[k] = attributeBias(name, k);
                for (int d = 0; d < feature.length; d++) {
                    z[k] += attributeWeight(name, d, k) * feature[d];
                }
            }
            outputs.put(name, activate(name, z));
        });
        return new PredictedAttributes(first(outputs, AttributeContract.MALE_PROBABILITY),
                first(outputs, AttributeContract.AGE_YEARS), first(outputs, AttributeContract.AGE_SD_YEARS),
                first(outputs, AttributeContract.GREY_SHARE), floats(outputs.get(AttributeContract.HAIR_LENGTH)),
                first(outputs, AttributeContract.FACIAL_HAIR_PROBABILITY), first(outputs, AttributeContract.SKIN_ITA),
                floats(outputs.get(AttributeContract.FACE_SHAPE)));
    }

    private static float first(Map<String, double[]> outputs, String name) {
        return (float) outputs.get(name)[0];
    }

    private static float[] floats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static double[] activate(String name, double[] z) {
        double[] y = z.clone();
        switch (activation(name)) {
            case "Sigmoid" -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = 1 / (1 + Math.exp(-z[k]));
                }
            }
            case "Softplus" -> {
                for (int k = 0; k < y.length; k++) {
                    y[k] = Math.log1p(Math.exp(z[k]));
                }
            }
            case "Softmax" -> {
                double max = Arrays.stream(z).max().orElseThrow();
                double sum = 0;
                for (int k = 0; k < y.length; k++) {
                    y[k] = Math.exp(z[k] - max);
                    sum += y[k];
                }
                for (int k = 0; k < y.length; k++) {
                    y[k] /= sum;
                }
            }
            default -> {
                // Linear outputs: the age and the ITA.
            }
        }
        return y;
    }

    /** The ONNX operator after an output's Gemm, or "" for none. */
    private static String activation(String name) {
        return switch (name) {
            case AttributeContract.MALE_PROBABILITY, AttributeContract.GREY_SHARE,
                 AttributeContract.FACIAL_HAIR_PROBABILITY -> "Sigmoid";
            case AttributeContract.HAIR_LENGTH, AttributeContract.FACE_SHAPE -> "Softmax";
            case AttributeContract.AGE_SD_YEARS -> "Softplus";
            default -> "";
        };
    }

    /** Fixed, distinct weights per output: small enough that the classes stay mixed, large enough to differ. */
    private static float attributeWeight(String name, int d, int k) {
        float scale = switch (name) {
            case AttributeContract.AGE_YEARS -> 4f;
            case AttributeContract.SKIN_ITA -> 8f;
            default -> 0.3f;
        };
        return scale * (((d + 1) * (k + 2) + name.length()) % 7 - 3) / 3f;
    }

    private static float attributeBias(String name, int k) {
        return switch (name) {
            case AttributeContract.AGE_YEARS -> 40f;
            case AttributeContract.SKIN_ITA -> 30f;
            default -> 0.1f * k;
        };
    }

    private GraphProto attributesGraph() {
        int inputDim = attributesFeatureDim > 0 ? attributesFeatureDim : featureDim;
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("tiny_attributes")
                .addInput(tensorValue(FACE_FEATURE, BATCH, inputDim));
        AttributeContract.OUTPUT_WIDTHS.forEach((contractName, contractWidth) -> {
            String name = attributeOutputNames.getOrDefault(contractName, contractName);
            int width = attributeOutputWidths.getOrDefault(contractName, contractWidth);
            float[] weights = new float[inputDim * width];
            float[] bias = new float[width];
            for (int k = 0; k < width; k++) {
                bias[k] = attributeBias(contractName, k);
                for (int d = 0; d < inputDim; d++) {
                    weights[d * width + k] = attributeWeight(contractName, d, k);
                }
            }
            String activation = activation(contractName);
            String gemm = activation.isEmpty() ? name : contractName + "_gemm";
            graph.addOutput(tensorValue(name, BATCH, width))
                    .addInitializer(floats(contractName + "_w", weights, inputDim, width))
                    .addInitializer(floats(contractName + "_b", bias, width))
                    .addNode(node("Gemm", List.of(FACE_FEATURE, contractName + "_w", contractName + "_b"), gemm));
            if (activation.equals("Softmax")) {
                graph.addNode(node(activation, List.of(gemm), name, AttributeProto.newBuilder().setName("axis")
                        .setType(AttributeProto.AttributeType.INT).setI(1).build()));
            } else if (!activation.isEmpty()) {
                graph.addNode(node(activation, List.of(gemm), name));
            }
        });
        return graph.build();
    }

    private static float encoderWeight(int d, int c) {
        return (d + 1) * (c == 0 ? 0.5f : -0.25f);
    }

    private static float encoderBias(int d) {
        return 0.1f * d;
    }

    private GraphProto encoderGraph() {
        int channels = ModelContract.SPECTROGRAM_CHANNELS;
        float[] weights = new float[featureDim * channels];
        float[] bias = new float[featureDim];
        for (int d = 0; d < featureDim; d++) {
            bias[d] = encoderBias(d);
            for (int c = 0; c < channels; c++) {
                weights[d * channels + c] = encoderWeight(d, c);
            }
        }
        return GraphProto.newBuilder()
                .setName("tiny_encoder")
                .addInput(tensorValue(SPECTROGRAM, BATCH, channels, FRAMES, ModelContract.SPECTROGRAM_BINS))
                .addOutput(tensorValue(FACE_FEATURE, BATCH, featureDim))
                .addInitializer(floats("conv_w", weights, featureDim, channels, 1, 1))
                .addInitializer(floats("conv_b", bias, featureDim))
                .addNode(node("Conv", List.of(SPECTROGRAM, "conv_w", "conv_b"), "conv_out",
                        ints("kernel_shape", 1, 1)))
                .addNode(node("ReduceMean", List.of("conv_out"), FACE_FEATURE, ints("axes", 2, 3),
                        AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT)
                                .setI(0).build()))
                .build();
    }

    private GraphProto decoderGraph() {
        Random random = new Random(7);
        int pixels = ModelContract.IMAGE_CHANNELS * imageHeight * imageWidth;
        int points = ModelContract.LANDMARK_COUNT * 2;
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName("tiny_decoder")
                .addInput(tensorValue(FACE_FEATURE, BATCH, featureDim))
                .addOutput(tensorValue(imageOutputName, BATCH, ModelContract.IMAGE_CHANNELS, imageHeight,
                        imageWidth))
                .addOutput(tensorValue(LANDMARKS, BATCH, ModelContract.LANDMARK_COUNT, 2));
        addHead(graph, "image", pixels, random,
                new long[] {-1, ModelContract.IMAGE_CHANNELS, imageHeight, imageWidth}, imageOutputName);
        addHead(graph, "landmarks", points, random, new long[] {-1, ModelContract.LANDMARK_COUNT, 2}, LANDMARKS);
        return graph.build();
    }

    /** Gemm -> Sigmoid -> Reshape: values strictly inside (0, 1). */
    private void addHead(GraphProto.Builder graph, String prefix, int outputs, Random random, long[] shape,
                         String outputName) {
        float[] weights = new float[featureDim * outputs];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextFloat() - 0.5f;
        }
        float[] bias = new float[outputs];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = random.nextFloat() - 0.5f;
        }
        graph.addInitializer(floats(prefix + "_w", weights, featureDim, outputs))
                .addInitializer(floats(prefix + "_b", bias, outputs))
                .addInitializer(longs(prefix + "_shape", shape))
                .addNode(node("Gemm", List.of(FACE_FEATURE, prefix + "_w", prefix + "_b"), prefix + "_gemm"))
                .addNode(node("Sigmoid", List.of(prefix + "_gemm"), prefix + "_sigmoid"))
                .addNode(node("Reshape", List.of(prefix + "_sigmoid", prefix + "_shape"), outputName));
    }

    private static ModelProto model(GraphProto graph, Map<String, String> metadata) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("callface-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(ModelContract.OPSET))
                .setGraph(graph);
        metadata.forEach((key, value) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build();
    }

    private static NodeProto node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output + "_node")
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        return node.build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    /** A float tensor type; each dimension is a fixed size (Integer) or a symbolic name (String). */
    private static ValueInfoProto tensorValue(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            TensorShapeProto.Dimension.Builder dimension = TensorShapeProto.Dimension.newBuilder();
            if (dim instanceof String symbol) {
                dimension.setDimParam(symbol);
            } else {
                dimension.setDimValue(((Number) dim).longValue());
            }
            shape.addDim(dimension);
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }

    private static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(Arrays.stream(dims).boxed().toList())
                .setRawData(ByteString.copyFrom(raw.array())).build();
    }

    private static TensorProto longs(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(ByteString.copyFrom(raw.array())).build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
