package io.callface.trainer.onnx;

import ai.djl.ndarray.NDArray;
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
import com.google.protobuf.UnsafeByteOperations;
import io.callface.model.ModelContract;
import io.callface.trainer.nn.Layer;
import io.callface.trainer.nn.MelBank;
import io.callface.trainer.nn.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Emits ONNX nodes and initializers (opset {@value ModelContract#OPSET}) for {@link Network}s, walking the
 * same {@link Layer} list that built the DJL blocks. Weights go in as little-endian {@code raw_data};
 * batch norm is exported in inference mode with its running statistics.
 */
public final class OnnxGraphBuilder {
    /** ONNX IR version that goes with opset 17. */
    static final long IR_VERSION = 8;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int nodeCounter;

    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    public OnnxGraphBuilder input(String name, List<Dim> dims) {
        graph.addInput(valueInfo(name, dims));
        return this;
    }

    public OnnxGraphBuilder output(String name, List<Dim> dims) {
        graph.addOutput(valueInfo(name, dims));
        return this;
    }

    /**
     * Appends the nodes of {@code network}, reading from value {@code input}; the last node writes
     * {@code output}.
     *
     * @return {@code output}
     */
    public String append(Network network, String input, String output) {
        List<Layer> layers = network.layers();
        String current = input;
        for (int i = 0; i < layers.size(); i++) {
            String prefix = network.name() + "/" + i;
            String next = i == layers.size() - 1 ? output : prefix + "_out";
            appendLayer(network, i, prefix, current, next);
            current = next;
        }
        return output;
    }

    /**
     * Appends {@code output = input W^T + b} with fixed {@code weights} ({@code [outputs][inputs]}) and {@code bias},
     * stored as initialisers named after {@code output}.
     */
    public String gemm(String input, String output, double[][] weights, double[] bias) {
        int rows = weights.length;
        int columns = weights[0].length;
        float[] flat = new float[rows * columns];
        for (int o = 0; o < rows; o++) {
            for (int i = 0; i < columns; i++) {
                flat[o * columns + i] = (float) weights[o][i];
            }
        }
        float[] b = new float[bias.length];
        for (int o = 0; o < b.length; o++) {
            b[o] = (float) bias[o];
        }
        String w = output + "_weight";
        String c = output + "_bias";
        graph.addInitializer(floats(w, flat).toBuilder().clearDims().addDims(rows).addDims(columns));
        graph.addInitializer(floats(c, b));
        node("Gemm", List.of(input, w, c), output, integer("transB", 1));
        return output;
    }

    /** Appends a {@code Sigmoid}. */
    public String sigmoid(String input, String output) {
        node("Sigmoid", List.of(input), output);
        return output;
    }

    /** Appends a {@code Softmax} over axis 1 (the classes of an {@code [N, C]} input). */
    public String softmax(String input, String output) {
        node("Softmax", List.of(input), output, integer("axis", 1));
        return output;
    }

    /** Appends a {@code Clip} into [{@code min}, {@code max}]; opset 11+ takes the bounds as scalar inputs. */
    public String clip(String input, String output, double min, double max) {
        String low = output + "_min";
        String high = output + "_max";
        graph.addInitializer(floats(low, (float) min).toBuilder().clearDims());
        graph.addInitializer(floats(high, (float) max).toBuilder().clearDims());
        node("Clip", List.of(input, low, high), output);
        return output;
    }

    /** The finished model with the contract's opset and {@code metadata} as {@code metadata_props}. */
    public ModelProto toModel(Map<String, String> metadata, String version) {
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("callface-trainer")
                .setProducerVersion(version)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(ModelContract.OPSET))
                .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.build();
    }

    private void appendLayer(Network network, int index, String prefix, String in, String out) {
        Layer layer = network.layers().get(index);
        if (layer instanceof Layer.Conv c) {
            node("Conv", List.of(in, weight(network, index, prefix, "weight"), weight(network, index, prefix, "bias")),
                    out,
                    ints("kernel_shape", c.kernel(), c.kernel()),
                    ints("strides", c.strideTime(), c.strideFreq()),
                    ints("pads", c.padding(), c.padding(), c.padding(), c.padding()));
        } else if (layer instanceof Layer.Upsample u) {
            // Opset 17 Resize: inputs X, roi (unused), scales. "asymmetric" + "floor" maps output pixel i to
            // input pixel floor(i / factor), the same block copies as the DJL block.
            String scales = prefix + "_scales";
            float f = u.factor();
            graph.addInitializer(floats(scales, 1f, 1f, f, f));
            node("Resize", List.of(in, "", scales), out,
                    string("mode", "nearest"),
                    string("coordinate_transformation_mode", "asymmetric"),
                    string("nearest_mode", "floor"));
        } else if (layer instanceof Layer.DepthToSpace d) {
            node("DepthToSpace", List.of(in), out, integer("blocksize", d.block()), string("mode", "CRD"));
        } else if (layer instanceof Layer.Relu) {
            node("Relu", List.of(in), out);
        } else if (layer instanceof Layer.BatchNorm) {
            node("BatchNormalization", List.of(in,
                            weight(network, index, prefix, "gamma"), weight(network, index, prefix, "beta"),
                            weight(network, index, prefix, "runningMean"), weight(network, index, prefix, "runningVar")),
                    out,
                    AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT)
                            .setF(Layer.BatchNorm.EPSILON).build());
        } else if (layer instanceof Layer.MaxPoolTime p) {
            node("MaxPool", List.of(in), out, ints("kernel_shape", p.size(), 1), ints("strides", p.size(), 1));
        } else if (layer instanceof Layer.MeanOverTime) {
            // Opset 17: axes is still an attribute (an input from opset 18 on).
            node("ReduceMean", List.of(in), out, ints("axes", 2), integer("keepdims", 0));
        } else if (layer instanceof Layer.LogMelFrontEnd) {
            appendLogMel(prefix, in, out);
        } else if (layer instanceof Layer.StatsOverTime) {
            appendStatsOverTime(prefix, in, out);
        } else if (layer instanceof Layer.Flatten) {
            node("Flatten", List.of(in), out, integer("axis", 1));
        } else if (layer instanceof Layer.Dense) {
            // DJL's Linear stores weight as [out, in]: Gemm with transB.
            node("Gemm", List.of(in, weight(network, index, prefix, "weight"), weight(network, index, prefix, "bias")),
                    out, integer("transB", 1));
        } else if (layer instanceof Layer.Sigmoid) {
            node("Sigmoid", List.of(in), out);
        } else if (layer instanceof Layer.Reshape r) {
            String shape = prefix + "_shape";
            long[] dims = LongStream.concat(LongStream.of(-1), r.dims().stream().mapToLong(Integer::longValue)).toArray();
            ByteBuffer buffer = ByteBuffer.allocate(dims.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (long d : dims) {
                buffer.putLong(d);
            }
            graph.addInitializer(TensorProto.newBuilder().setName(shape).setDataType(TensorProto.DataType.INT64.getNumber())
                    .addDims(dims.length).setRawData(ByteString.copyFrom(buffer.array())));
            node("Reshape", List.of(in, shape), out);
        } else {
            throw new IllegalArgumentException("no ONNX mapping for layer " + layer);
        }
    }

    private String weight(Network network, int index, String prefix, String parameterName) {
        NDArray array = network.parameter(index, parameterName);
        String name = prefix + "_" + parameterName;
        float[] values = array.toFloatArray();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(UnsafeByteOperations.unsafeWrap(buffer.array()));
        for (long d : array.getShape().getShape()) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    private void node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(op + "_" + nodeCounter++)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
    }

    /**
     * {@code y = log(mean_c |x_c|^p @ bank + eps)} minus its mean over time and bands: {@link Layer.LogMelFrontEnd}
     * as the DJL block computes it.
     */
    private void appendLogMel(String prefix, String in, String out) {
        String exponent = prefix + "_exponent";
        String bank = prefix + "_bank";
        String epsilon = prefix + "_epsilon";
        graph.addInitializer(floats(exponent, (float) MelBank.POWER_EXPONENT).toBuilder().clearDims());
        graph.addInitializer(floats(bank, MelBank.binsByBands()).toBuilder().clearDims().addDims(MelBank.BINS)
                .addDims(MelBank.BANDS));
        graph.addInitializer(floats(epsilon, Layer.LogMelFrontEnd.EPSILON).toBuilder().clearDims());
        node("Abs", List.of(in), prefix + "_abs");
        node("Pow", List.of(prefix + "_abs", exponent), prefix + "_part_power");
        node("ReduceMean", List.of(prefix + "_part_power"), prefix + "_power", ints("axes", 1), integer("keepdims", 1));
        node("MatMul", List.of(prefix + "_power", bank), prefix + "_mel");
        node("Add", List.of(prefix + "_mel", epsilon), prefix + "_floored_mel");
        node("Log", List.of(prefix + "_floored_mel"), prefix + "_log_mel");
        node("ReduceMean", List.of(prefix + "_log_mel"), prefix + "_gain", ints("axes", 2, 3), integer("keepdims", 1));
        node("Sub", List.of(prefix + "_log_mel", prefix + "_gain"), out);
    }

    /** {@code concat(mean_t x, sqrt(relu(mean_t x^2 - (mean_t x)^2) + eps))} along the channels. */
    private void appendStatsOverTime(String prefix, String in, String out) {
        String epsilon = prefix + "_epsilon";
        graph.addInitializer(floats(epsilon, Layer.StatsOverTime.EPSILON).toBuilder().clearDims());
        node("ReduceMean", List.of(in), prefix + "_mean", ints("axes", 2), integer("keepdims", 0));
        node("Mul", List.of(in, in), prefix + "_square");
        node("ReduceMean", List.of(prefix + "_square"), prefix + "_mean_square", ints("axes", 2),
                integer("keepdims", 0));
        node("Mul", List.of(prefix + "_mean", prefix + "_mean"), prefix + "_squared_mean");
        node("Sub", List.of(prefix + "_mean_square", prefix + "_squared_mean"), prefix + "_raw_variance");
        // The difference can come out a rounding error below zero; the DJL block clamps the same way.
        node("Relu", List.of(prefix + "_raw_variance"), prefix + "_variance");
        node("Add", List.of(prefix + "_variance", epsilon), prefix + "_floored_variance");
        node("Sqrt", List.of(prefix + "_floored_variance"), prefix + "_deviation");
        node("Concat", List.of(prefix + "_mean", prefix + "_deviation"), out, integer("axis", 1));
    }

    private static TensorProto floats(String name, float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(values.length).setRawData(ByteString.copyFrom(buffer.array())).build();
    }

    static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static ValueInfoProto valueInfo(String name, List<Dim> dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Dim d : dims) {
            shape.addDim(d.isDynamic()
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam(d.name())
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d.value()));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)))
                .build();
    }
}
