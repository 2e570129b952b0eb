package io.callface.trainer.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A DJL {@link SequentialBlock} built from a list of {@link Layer}s, one child block per layer, so the ONNX
 * exporter can read each layer's parameters by index.
 */
public final class Network {
    /** The log mel front end's bank, built once. */
    private static final float[] MEL_BANK = MelBank.binsByBands();

    private final String name;
    private final List<Layer> layers;
    private final SequentialBlock block = new SequentialBlock();

    /**
     * Builds the blocks and initialises their parameters (in {@code manager}) for {@code inputShape}.
     *
     * @param inputShape a representative input shape including the batch axis
     */
    public Network(String name, List<Layer> layers, NDManager manager, Shape inputShape) {
        this.name = Objects.requireNonNull(name, "name");
        this.layers = List.copyOf(layers);
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("layers of network " + name + " must not be empty");
        }
        this.layers.forEach(layer -> block.add(toBlock(layer)));
        block.initialize(manager, DataType.FLOAT32, inputShape);
    }

    public String name() {
        return name;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The DJL block of layer {@code index}. */
    public Block blockAt(int index) {
        return block.getChildren().get(index).getValue();
    }

    /** The parameter {@code parameterName} (e.g. {@code weight}, {@code runningMean}) of layer {@code index}. */
    public NDArray parameter(int index, String parameterName) {
        Parameter parameter = blockAt(index).getParameters().get(parameterName);
        if (parameter == null) {
            throw new IllegalArgumentException("layer " + index + " of " + name + " has no parameter " + parameterName);
        }
        return parameter.getArray();
    }

    /** Every parameter that training updates (none once {@link #freeze() frozen}). */
    public List<Parameter> trainableParameters() {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
    }

    /** All parameters, trainable or not (for checksums and determinism checks). */
    public List<Parameter> parameters() {
        return block.getParameters().values();
    }

    /** Stops gradients and updates; batch norm then uses its running statistics when run with training=false. */
    public void freeze() {
        block.freezeParameters(true);
    }

    public NDArray forward(ParameterStore store, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    /** Output shape for {@code inputShape}, computed without running the network. */
    public Shape outputShape(Shape inputShape) {
        return block.getOutputShapes(new Shape[] {inputShape})[0];
    }

    /**
     * Every parameter keyed {@code <network>/<DJL parameter path>} (e.g. {@code voice_encoder/01Conv2d_weight}),
     * in a fixed order: stable for a preset, so checkpoints can name what they store.
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            named.put(name + "/" + p.getKey(), p.getValue());
        }
        return named;
    }

    /** Number of scalar parameters. */
    public long parameterCount() {
        return parameters().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * Multiply-adds of one forward pass on {@code inputShape}: the products of the convolutions, transposed
     * convolutions and fully connected layers (bias additions, batch norm, activations, pooling and reshapes
     * are elementwise and not counted). A unit-free cost that compares designs independently of the runtime.
     */
    public long multiplyAdds(Shape inputShape) {
        long total = 0;
        Shape in = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            Shape out = blockAt(i).getOutputShapes(new Shape[] {in})[0];
            total += multiplyAdds(layers.get(i), in, out);
            in = out;
        }
        return total;
    }

    private static long multiplyAdds(Layer layer, Shape in, Shape out) {
        if (layer instanceof Layer.Conv c) {
            // Every output value sums kernel^2 x input-channel products.
            return out.size() * in.get(1) * c.kernel() * c.kernel();
        } else if (layer instanceof Layer.Dense d) {
            return in.size() * d.units();
        } else if (layer instanceof Layer.LogMelFrontEnd) {
            // Every frame's power spectrum times the [BINS, BANDS] bank.
            return out.size() * MelBank.BINS;
        }
        return 0;
    }

    private static Block toBlock(Layer layer) {
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed hierarchy.
        if (layer instanceof Layer.Conv c) {
            return Conv2d.builder()
                    .setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .optStride(new Shape(c.strideTime(), c.strideFreq()))
                    .optPadding(new Shape(c.padding(), c.padding()))
                    .setFilters(c.filters())
                    .build();
        } else if (layer instanceof Layer.Upsample u) {
            return LambdaBlock.singleton(x -> upsample(x, u.factor()), "upsample");
        } else if (layer instanceof Layer.DepthToSpace d) {
            return LambdaBlock.singleton(x -> depthToSpace(x, d.block()), "depth_to_space");
        } else if (layer instanceof Layer.Relu) {
            return Activation.reluBlock();
        } else if (layer instanceof Layer.BatchNorm) {
            return ai.djl.nn.norm.BatchNorm.builder().optAxis(1).optEpsilon(Layer.BatchNorm.EPSILON).build();
        } else if (layer instanceof Layer.MaxPoolTime p) {
            return Pool.maxPool2dBlock(new Shape(p.size(), 1), new Shape(p.size(), 1));
        } else if (layer instanceof Layer.MeanOverTime) {
            return LambdaBlock.singleton(x -> x.mean(new int[] {2}), "mean_over_time");
        } else if (layer instanceof Layer.LogMelFrontEnd) {
            return LambdaBlock.singleton(Network::logMel, "log_mel_front_end");
        } else if (layer instanceof Layer.StatsOverTime) {
            return LambdaBlock.singleton(Network::statsOverTime, "stats_over_time");
        } else if (layer instanceof Layer.Flatten) {
            return Blocks.batchFlattenBlock();
        } else if (layer instanceof Layer.Dense d) {
            return Linear.builder().setUnits(d.units()).build();
        } else if (layer instanceof Layer.Sigmoid) {
            return LambdaBlock.singleton(Activation::sigmoid, "sigmoid");
        } else if (layer instanceof Layer.Reshape r) {
            long[] dims = IntStream.concat(IntStream.of(-1), r.dims().stream().mapToInt(Integer::intValue))
                    .mapToLong(i -> i).toArray();
            return LambdaBlock.singleton(x -> x.reshape(new Shape(dims)), "reshape");
        }
        throw new IllegalArgumentException("unsupported layer " + layer);
    }

    /**
     * Nearest-neighbour upsampling as PyTorch's {@code repeat_interleave} along height, then width: exact copies
     * (so ONNX's nearest Resize matches bit for bit) and a plain summing gradient.
     */
    /**
     * ONNX DepthToSpace in CRD order: {@code [N, C*b*b, H, W] -> [N, C, b, b, H, W] -> [N, C, H, b, W, b]
     * -> [N, C, H*b, W*b]}, so channel {@code c*b*b + dy*b + dx} becomes pixel {@code (b*y + dy, b*x + dx)} of
     * channel {@code c}.
     */
    private static NDArray depthToSpace(NDArray x, int b) {
        Shape s = x.getShape();
        long c = s.get(1) / ((long) b * b);
        return x.reshape(s.get(0), c, b, b, s.get(2), s.get(3)).transpose(0, 1, 4, 2, 5, 3)
                .reshape(s.get(0), c, s.get(2) * b, s.get(3) * b);
    }

    /** {@code y = log(mean_c |x_c|^p @ bank + eps)} minus its mean over time and bands; ONNX computes the same. */
    private static NDArray logMel(NDArray x) {
        NDArray power = x.abs().pow((float) MelBank.POWER_EXPONENT).mean(new int[] {1}, true);
        NDArray bank = x.getManager().create(MEL_BANK, new Shape(MelBank.BINS, MelBank.BANDS));
        NDArray logMel = power.matMul(bank).add(Layer.LogMelFrontEnd.EPSILON).log();
        return logMel.sub(logMel.mean(new int[] {3}, true).mean(new int[] {2}, true));
    }

    /** Mean and standard deviation over axis 2, concatenated along axis 1; the ONNX graph computes the same. */
    private static NDArray statsOverTime(NDArray x) {
        NDArray mean = x.mean(new int[] {2});
        NDArray variance = x.square().mean(new int[] {2}).sub(mean.square()).maximum(0f);
        NDArray deviation = variance.add(Layer.StatsOverTime.EPSILON).sqrt();
        return NDArrays.concat(new NDList(mean, deviation), 1);
    }

    private static NDArray upsample(NDArray x, int factor) {
        return x.repeat(2, factor).repeat(3, factor);
    }
}
