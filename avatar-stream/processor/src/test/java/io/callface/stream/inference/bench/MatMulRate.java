package io.callface.stream.inference.bench;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * The machine's single-thread float matrix-multiply rate, the yardstick for the model's achieved FLOP rate: an
 * ONNX Runtime session (built here with the ONNX protobufs) holding one {@code MatMul} of two n x n inputs, run
 * with one intra-op and one inter-op thread.
 */
final class MatMulRate {
    private static final int OPSET = 17;

    private MatMulRate() {
    }

    /**
     * The median rate and, as a check that one core did the work, the process's CPU time over the wall time of
     * the timed runs (about 1.0 when single-threaded).
     */
    record Rate(double medianGflops, double cpuPerWall) {
    }

    /** Median GFLOP/s over {@code runs} timed runs after {@code warmUps} untimed ones; one run is 2n^3 FLOPs. */
    static Rate measure(int n, int warmUps, int runs) throws OrtException, IOException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[] a = randomMatrix(n, 1);
        float[] b = randomMatrix(n, 2);
        long[] shape = {n, n};
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            try (OrtSession session = environment.createSession(model(n).toByteArray(), options);
                 OnnxTensor ta = OnnxTensor.createTensor(environment, FloatBuffer.wrap(a), shape);
                 OnnxTensor tb = OnnxTensor.createTensor(environment, FloatBuffer.wrap(b), shape)) {
                Map<String, OnnxTensor> inputs = Map.of("a", ta, "b", tb);
                for (int i = 0; i < warmUps; i++) {
                    session.run(inputs).close();
                }
                double[] rates = new double[runs];
                double flops = 2.0 * n * n * n;
                long cpuStart = ProcessCpuTime.ticks();
                long wallStart = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    session.run(inputs).close();
                    rates[i] = flops / (System.nanoTime() - start);
                }
                double cpuSeconds = (ProcessCpuTime.ticks() - cpuStart) / (double) ProcessCpuTime.TICKS_PER_SECOND;
                double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
                Arrays.sort(rates);
                return new Rate(rates[runs / 2], cpuSeconds / wallSeconds);
            }
        }
    }

    private static float[] randomMatrix(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * n];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
        return values;
    }

    private static ModelProto model(int n) {
        GraphProto graph = GraphProto.newBuilder().setName("matmul")
                .addInput(square("a", n)).addInput(square("b", n)).addOutput(square("c", n))
                .addNode(NodeProto.newBuilder().setOpType("MatMul").setName("matmul")
                        .addInput("a").addInput("b").addOutput("c"))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("callface-bench")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build();
    }

    private static ValueInfoProto square(String name, int n) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(n))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(n));
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }
}
