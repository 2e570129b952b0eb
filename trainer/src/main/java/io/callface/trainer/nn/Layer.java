package io.callface.trainer.nn;

import java.util.List;

/**
 * One layer of a network description. The same list of layers builds the DJL blocks for training
 * ({@link Network}) and emits the ONNX nodes for export ({@code io.callface.trainer.onnx}), so the two can
 * never drift apart. Tensors are NCHW; for the voice encoder H is time and W is frequency.
 */
public sealed interface Layer {

    /** 2-D convolution with a square kernel, symmetric zero padding and separate time/frequency strides. */
    record Conv(int filters, int kernel, int strideTime, int strideFreq, int padding) implements Layer {
        public Conv {
            requirePositive("filters", filters);
            requirePositive("kernel", kernel);
            requirePositive("strideTime", strideTime);
            requirePositive("strideFreq", strideFreq);
            if (padding < 0) {
                throw new IllegalArgumentException("padding must be >= 0, got " + padding);
            }
        }
    }

    /**
     * Nearest-neighbour upsampling by {@code factor} along both spatial axes: {@code [N, C, H, W]} to
     * {@code [N, C, factor*H, factor*W]}, every value copied into a {@code factor x factor} block.
     */
    record Upsample(int factor) implements Layer {
        public Upsample {
            requirePositive("factor", factor);
        }
    }

    /**
     * Rearranges blocks of channels into space (ONNX {@code DepthToSpace}, mode CRD; PyTorch's pixel shuffle):
     * {@code [N, C*b*b, H, W]} to {@code [N, C, b*H, b*W]}.
     */
    record DepthToSpace(int block) implements Layer {
        public DepthToSpace {
            requirePositive("block", block);
        }
    }

    /** Rectified linear unit. */
    record Relu() implements Layer {
    }

    /** Batch normalisation over axis 1 (channels or features); exported in inference mode. */
    record BatchNorm() implements Layer {
        /** Shared by the DJL block and the ONNX node so both normalise identically. */
        public static final float EPSILON = 1e-5f;
    }

    /** Max pooling along the time axis only ({@code size x 1}), so frequency detail survives. */
    record MaxPoolTime(int size) implements Layer {
        public MaxPoolTime {
            requirePositive("size", size);
        }
    }

    /** Mean over the time axis (axis 2 of NCHW), dropping it: this is what lets any input length work. */
    record MeanOverTime() implements Layer {
    }

    /**
     * A fixed log mel front end on the binding spectrogram: {@code [N, 2, T, 257]} to {@code [N, 1, T, BANDS]} of
     * {@link MelBank}. Each compressed part {@code c} becomes its power {@code |c|^(2/0.3)}, the two parts' powers
     * are averaged (half the bin's power, whatever its phase), weighted by the mel bands and logged, and the
     * window's mean log energy (over time and bands) is subtracted: a call's gain scales every power alike, so it
     * drops out, and the convolutions see values centred on zero. Nothing is learned; it hands the convolutions the
     * phase-free, level-compressed view of speech on which accent and speaker recognition are built, which a small
     * network on the raw parts does not learn from a few hundred voices. (A batch norm in place of the mean made
     * training irreproducible: PyTorch's CPU batch norm over one channel differed between identical runs.)
     */
    record LogMelFrontEnd() implements Layer {
        /** Floor of a band's power before the log, far below speech. */
        public static final float EPSILON = 1e-10f;
    }

    /**
     * Mean and standard deviation over the time axis, stacked along the channels: {@code [N, C, T, F]} to
     * {@code [N, 2C, F]}. Statistics pooling (Snyder et al., "X-vectors", ICASSP 2018): how a voice varies over
     * the segment (intonation, the spread of its vowels) survives, where a mean alone keeps only its average.
     */
    record StatsOverTime() implements Layer {
        /** Added to the variance before the square root, so the gradient stays finite for a constant channel. */
        public static final float EPSILON = 1e-4f;
    }

    /** Flattens everything after the batch axis. */
    record Flatten() implements Layer {
    }

    /** Fully connected layer on a {@code [N, in]} input. */
    record Dense(int units) implements Layer {
        public Dense {
            requirePositive("units", units);
        }
    }

    /** Logistic sigmoid, mapping to (0, 1). */
    record Sigmoid() implements Layer {
    }

    /** Reshapes {@code [N, ...]} to {@code [N, dims...]}. */
    record Reshape(List<Integer> dims) implements Layer {
        public Reshape {
            dims = List.copyOf(dims);
            if (dims.isEmpty() || dims.stream().anyMatch(d -> d <= 0)) {
                throw new IllegalArgumentException("dims must be non-empty and positive, got " + dims);
            }
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
