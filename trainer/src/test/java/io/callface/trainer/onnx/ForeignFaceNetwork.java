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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * A face network as another project would ship it, for tests: ONNX with its own input and output names, an RGB input
 * of {@code side x side}, and the last layers of a real one (Flatten, then a fully connected layer to {@code d}
 * features) with seeded random weights.
 */
public final class ForeignFaceNetwork {
    private final int side;
    private final int d;
    private final float[] weights;
    private final float[] bias;

    public ForeignFaceNetwork(int side, int d, long seed) {
        this.side = side;
        this.d = d;
        Random random = new Random(seed);
        weights = new float[d * 3 * side * side];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian() * 0.05f;
        }
        bias = new float[d];
        for (int i = 0; i < d; i++) {
            bias[i] = (float) random.nextGaussian() * 0.1f;
        }
    }

    public float[] weights() {
        return weights.clone();
    }

    public float[] bias() {
        return bias.clone();
    }

    /** The network with input {@code input} ({@code [batch, channels, side, side]}) and output {@code output}. */
    public ModelProto model(String input, String output, long opset, int channels) {
        GraphProto graph = GraphProto.newBuilder().setName("foreign_face_net")
                .addInput(imageInfo(input, channels, side))
                .addInitializer(floats("fc_w", weights, d, 3L * side * side))
                .addInitializer(floats("fc_b", bias, d))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").addInput(input).addOutput("flat")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                                .setI(1)))
                .addNode(NodeProto.newBuilder().setOpType("Gemm").addInput("flat").addInput("fc_w").addInput("fc_b")
                        .addOutput(output).addAttribute(AttributeProto.newBuilder().setName("transB")
                                .setType(AttributeProto.AttributeType.INT).setI(1)))
                .addOutput(ValueInfoProto.newBuilder().setName(output).setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                                .setShape(TensorShapeProto.newBuilder()
                                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d))))))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("another-project")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
    }

    static ValueInfoProto imageInfo(String name, int channels, int side) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(TensorShapeProto.newBuilder()
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(channels))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(side))
                                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(side))))).build();
    }

    private static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(buffer.array()));
        for (long dim : dims) {
            t.addDims(dim);
        }
        return t.build();
    }
}
