package io.callface.stream.inference.bench;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weight shapes of the Conv, Gemm and MatMul nodes of an exported ONNX graph, in graph order, so the
 * re-derived layer list of {@link EncoderFlops} can be checked against the model actually served.
 */
final class OnnxWeightShapes {
    private OnnxWeightShapes() {
    }

    /** One weighted node: its op type and the dimensions of its weight initializer. */
    record Weighted(String opType, List<Long> weightDims) {
    }

    static List<Weighted> read(Path onnxFile) throws IOException {
        GraphProto graph = ModelProto.parseFrom(Files.readAllBytes(onnxFile)).getGraph();
        Map<String, List<Long>> initializers = new HashMap<>();
        for (TensorProto tensor : graph.getInitializerList()) {
            initializers.put(tensor.getName(), tensor.getDimsList());
        }
        List<Weighted> weighted = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            String op = node.getOpType();
            if ((op.equals("Conv") || op.equals("Gemm") || op.equals("MatMul")) && node.getInputCount() > 1
                    && initializers.containsKey(node.getInput(1))) {
                weighted.add(new Weighted(op, initializers.get(node.getInput(1))));
            }
        }
        return weighted;
    }
}
