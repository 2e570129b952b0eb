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

    /** Writes a manifest whose featureDim differs from the graphs' D. */
    TinyFaceModelWriter manifestFeatureDim(int value) {
        manifestFeatureDim = value;
        return this;
    }

    int featureDim() {
        return featureDim;
    }

    /** Writes encoder.onnx, decoder.onnx and model.json (with their true digests) into {@code dir}. */
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
        ModelManifest manifest = new ModelManifest(version, preset,
                manifestFeatureDim > 0 ? manifestFeatureDim : featureDim, imageHeight, imageWidth,
                ModelContract.OPSET, "2025-01-01T00:00:00Z",
                Map.of(ModelContract.ENCODER_FILE, sha256(encoder), ModelContract.DECODER_FILE, sha256(decoder)),
                Map.of());
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
