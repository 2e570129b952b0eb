package io.callface.trainer.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import io.callface.model.ModelContract;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a pretrained face network (the paper's VGG-Face role: any ONNX model from a face image to a feature) into
 * callface's face-encoder contract, so that training, evaluation and the model directory use it like the encoder
 * callface trains: input {@value ModelDirectory#FACE_ENCODER_INPUT} float32 {@code [N, 3, S, S]} RGB in [0, 1] (the
 * canonical crop), output {@value ModelContract#FACE_FEATURE}. The network's own graph is kept as it is; in front of
 * it go nodes that resize the crop to the network's input size (bilinear, {@code Resize} with the batch's own
 * {@code N}), reorder the channels to BGR when asked, and apply the network's pixel scale, mean and standard
 * deviation. The network must use opset 13 or later of the default domain (Resize's optional inputs), and its input
 * must be {@code [N, 3, H, W]} with fixed H and W.
 */
public final class FaceEncoderImport {
    static final long MIN_OPSET = 13;
    private static final String PREFIX = "callface_import_";
    private static final String FOREIGN_INPUT = PREFIX + "network_input";

    private FaceEncoderImport() {
    }

    /**
     * How the network wants its pixels: {@code (rgb * scale - mean) / std} per channel, in RGB or BGR order.
     *
     * @param scale 1 for networks trained on [0, 1] pixels, 255 for those trained on 0-255
     * @param mean  per channel, in the network's channel order
     * @param std   per channel, positive
     */
    public record Preprocessing(float scale, float[] mean, float[] std, boolean bgr) {
        public static final Preprocessing UNIT_RGB = new Preprocessing(1, new float[] {0, 0, 0}, new float[] {1, 1, 1},
                false);

        public Preprocessing {
            if (!(scale > 0) || mean == null || mean.length != 3 || std == null || std.length != 3) {
                throw new IllegalArgumentException("preprocessing: a positive scale and three means and three "
                        + "standard deviations are needed");
            }
            for (float s : std) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("preprocessing: standard deviations must be positive, got " + s);
                }
            }
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public float[] mean() {
            return mean.clone();
        }

        @Override
        public float[] std() {
            return std.clone();
        }
    }

    /**
     * The network wrapped into the contract.
     *
     * @param inputHeight the network's own input height, which the crop is resized to (likewise the width)
     */
    public record Imported(ModelProto model, String networkInput, String networkOutput, long inputHeight,
            long inputWidth) {
    }

    /**
     * Wraps {@code network} for crops of {@code cropSize} pixels; {@code input} and {@code output} name the
     * network's image input and feature output, and may be left empty when it has only one of each.
     */
    public static Imported wrap(ModelProto network, Optional<String> input, Optional<String> output,
            Preprocessing preprocessing, int cropSize) {
        requireOpset(network);
        GraphProto graph = network.getGraph();
        Set<String> initializers = graph.getInitializerList().stream().map(TensorProto::getName)
                .collect(Collectors.toSet());
        List<ValueInfoProto> inputs = graph.getInputList().stream().filter(i -> !initializers.contains(i.getName()))
                .toList();
        ValueInfoProto image = pick("input", inputs, input);
        ValueInfoProto feature = pick("output", graph.getOutputList(), output);
        long[] hw = inputSize(image);

        GraphProto.Builder wrapped = graph.toBuilder().clearInput().clearOutput().clearNode();
        graph.getInputList().stream().filter(i -> initializers.contains(i.getName())).forEach(wrapped::addInput);
        wrapped.addInput(contractInput(cropSize));
        String pixels = prefix(wrapped, hw, preprocessing);
        for (NodeProto node : graph.getNodeList()) {
            NodeProto.Builder renamed = node.toBuilder().clearInput();
            node.getInputList().forEach(name -> renamed.addInput(name.equals(image.getName()) ? pixels : name));
            wrapped.addNode(renamed);
        }
        if (feature.getName().equals(image.getName())) {
            throw new IllegalArgumentException("the network's output '" + feature.getName() + "' is its input");
        }
        if (!feature.getName().equals(ModelContract.FACE_FEATURE)) {
            wrapped.addNode(node("Identity", List.of(feature.getName()), ModelContract.FACE_FEATURE));
        }
        wrapped.addOutput(feature.toBuilder().setName(ModelContract.FACE_FEATURE));
        return new Imported(network.toBuilder().setGraph(wrapped).build(), image.getName(), feature.getName(), hw[0],
                hw[1]);
    }

    /** Resize to the network's size, channel order, scale and normalisation; returns the name of the result. */
    private static String prefix(GraphProto.Builder graph, long[] hw, Preprocessing p) {
        graph.addInitializer(int64s(PREFIX + "zero", 0));
        graph.addInitializer(int64s(PREFIX + "two", 2));
        graph.addInitializer(int64s(PREFIX + "hw", hw[0], hw[1]));
        graph.addNode(node("Shape", List.of(ModelDirectory.FACE_ENCODER_INPUT), PREFIX + "shape"));
        graph.addNode(node("Slice", List.of(PREFIX + "shape", PREFIX + "zero", PREFIX + "two"), PREFIX + "nc"));
        graph.addNode(node("Concat", List.of(PREFIX + "nc", PREFIX + "hw"), PREFIX + "sizes",
                OnnxGraphBuilder.integer("axis", 0)));
        // Resize-13: roi and scales left out ("") when sizes are given.
        graph.addNode(node("Resize", List.of(ModelDirectory.FACE_ENCODER_INPUT, "", "", PREFIX + "sizes"),
                PREFIX + "resized", OnnxGraphBuilder.string("mode", "linear")));
        String current = PREFIX + "resized";
        if (p.bgr()) {
            graph.addInitializer(int64s(PREFIX + "bgr", 2, 1, 0));
            graph.addNode(node("Gather", List.of(current, PREFIX + "bgr"), PREFIX + "ordered",
                    OnnxGraphBuilder.integer("axis", 1)));
            current = PREFIX + "ordered";
        }
        graph.addInitializer(perChannel(PREFIX + "scale", p.scale(), p.scale(), p.scale()));
        graph.addInitializer(perChannel(PREFIX + "mean", p.mean()));
        graph.addInitializer(perChannel(PREFIX + "std", p.std()));
        graph.addNode(node("Mul", List.of(current, PREFIX + "scale"), PREFIX + "scaled"));
        graph.addNode(node("Sub", List.of(PREFIX + "scaled", PREFIX + "mean"), PREFIX + "centred"));
        graph.addNode(node("Div", List.of(PREFIX + "centred", PREFIX + "std"), FOREIGN_INPUT));
        return FOREIGN_INPUT;
    }

    private static void requireOpset(ModelProto network) {
        long opset = network.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).max().orElse(0);
        if (opset < MIN_OPSET) {
            throw new IllegalArgumentException("the face network uses opset " + opset + "; export it at opset "
                    + MIN_OPSET + " or later (its preprocessing needs Resize-13)");
        }
    }

    private static ValueInfoProto pick(String what, List<ValueInfoProto> candidates, Optional<String> named) {
        List<String> names = candidates.stream().map(ValueInfoProto::getName).toList();
        if (named.isPresent()) {
            return candidates.stream().filter(c -> c.getName().equals(named.get())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the face network has no " + what + " '"
                            + named.get() + "'; its " + what + "s: " + names));
        }
        if (candidates.size() != 1) {
            throw new IllegalArgumentException("the face network has " + candidates.size() + " " + what + "s "
                    + names + "; name the one to use");
        }
        return candidates.get(0);
    }

    private static long[] inputSize(ValueInfoProto image) {
        List<TensorShapeProto.Dimension> dims = image.getType().getTensorType().getShape().getDimList();
        if (dims.size() != 4 || !dims.get(1).hasDimValue() || dims.get(1).getDimValue() != 3
                || !dims.get(2).hasDimValue() || !dims.get(3).hasDimValue()) {
            throw new IllegalArgumentException("the face network's input '" + image.getName()
                    + "' must be [N, 3, H, W] with fixed H and W, found " + dims.stream()
                    .map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam()).toList());
        }
        return new long[] {dims.get(2).getDimValue(), dims.get(3).getDimValue()};
    }

    private static ValueInfoProto contractInput(int cropSize) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(ModelContract.IMAGE_CHANNELS))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(cropSize))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(cropSize)).build();
        return ValueInfoProto.newBuilder().setName(ModelDirectory.FACE_ENCODER_INPUT)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }

    private static NodeProto node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(PREFIX + output).addAllInput(inputs)
                .addOutput(output);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        return node.build();
    }

    private static TensorProto int64s(String name, long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber())
                .addDims(values.length).setRawData(ByteString.copyFrom(buffer.array())).build();
    }

    /** A {@code [1, 3, 1, 1]} float tensor, broadcast over the batch and the pixels. */
    private static TensorProto perChannel(String name, float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(1).addDims(3).addDims(1).addDims(1).setRawData(ByteString.copyFrom(buffer.array())).build();
    }
}
