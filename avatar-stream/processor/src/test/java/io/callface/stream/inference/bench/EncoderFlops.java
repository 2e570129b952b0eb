package io.callface.stream.inference.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts the multiply-add FLOPs of a preset's encoder per 6 s window, analytically from the layer shapes.
 *
 * <p>The layer lists re-derive {@code io.callface.trainer.nn.Preset} (tiny, small, paper), which is not on
 * avatar-stream's classpath: the log mel front end of tiny and small (each frame's power spectrum times a
 * {@code [bins, 40]} mel bank, one channel out), 4x4 convolutions with padding 1 and stride s (DJL {@code Conv2d}, so
 * {@code out = floor((in + 2 - 4) / s) + 1} on both axes), 2x1 max pools over time ({@code floor(in / 2)}), the mean
 * (paper) or the mean and deviation (tiny, small) over the time axis, flatten, fully connected layers. The mel bank
 * counts {@code 2 * T * bins * 40}, conv {@code 2 * Cin * Cout * kh * kw * Hout * Wout} (bias ignored), FC
 * {@code 2 * in * out}; powers, logs, ReLU, batch norm, pooling and the statistics are O(activations) and not
 * counted.
 */
final class EncoderFlops {
    static final int KERNEL = 4;
    static final int PADDING = 1;
    static final int MEL_BANDS = 40;

    /** One layer of the re-derived network; only the kinds that change shapes or cost FLOPs. */
    sealed interface Layer permits LogMel, Conv, MaxPoolTime, MeanOverTime, StatsOverTime, Dense {
    }

    record LogMel() implements Layer {
    }

    record Conv(int filters, int stride) implements Layer {
        Conv {
            if (filters <= 0 || stride <= 0) {
                throw new IllegalArgumentException("conv filters and stride must be positive, got " + filters
                        + ", " + stride);
            }
        }
    }

    record MaxPoolTime(int size) implements Layer {
    }

    record MeanOverTime() implements Layer {
    }

    record StatsOverTime() implements Layer {
    }

    record Dense(int units) implements Layer {
    }

    /**
     * FLOPs of one layer, with its shapes in words and its weight shape ({@code [Cout, Cin, kh, kw]} for conv,
     * {@code [in, out]} for FC).
     */
    record LayerCost(String description, long flops, List<Long> weightDims) {
        LayerCost {
            weightDims = List.copyOf(weightDims);
        }
    }

    record Count(String preset, List<LayerCost> layers, long totalFlops) {
        Count {
            Objects.requireNonNull(preset, "preset");
            layers = List.copyOf(layers);
        }
    }

    private EncoderFlops() {
    }

    static List<Layer> voiceEncoder(String preset) {
        return switch (preset) {
            case "tiny" -> listening(64, 8, 16, 32);
            case "small" -> listening(128, 16, 32, 64, 128);
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("preset: unknown preset '" + preset + "'");
        };
    }

    /** The encoder's layers applied to a {@code [channels, time, freq]} input. */
    static Count count(String preset, int channels, int time, int freq) {
        List<LayerCost> costs = new ArrayList<>();
        long total = 0;
        int c = channels;
        int h = time;
        int w = freq;
        int units = -1;
        for (Layer layer : voiceEncoder(preset)) {
            if (layer instanceof LogMel) {
                long flops = 2L * h * w * MEL_BANDS;
                costs.add(new LayerCost(String.format("mel bank %d->%d: [%d,%d,%d] -> [1,%d,%d]", w, MEL_BANDS, c, h,
                        w, h, MEL_BANDS), flops, List.of((long) w, (long) MEL_BANDS)));
                total += flops;
                c = 1;
                w = MEL_BANDS;
            } else if (layer instanceof Conv conv) {
                int ho = (h + 2 * PADDING - KERNEL) / conv.stride() + 1;
                int wo = (w + 2 * PADDING - KERNEL) / conv.stride() + 1;
                long flops = 2L * c * conv.filters() * KERNEL * KERNEL * ho * wo;
                costs.add(new LayerCost(String.format("conv %dx%d/%d %d->%d: [%d,%d,%d] -> [%d,%d,%d]", KERNEL,
                        KERNEL, conv.stride(), c, conv.filters(), c, h, w, conv.filters(), ho, wo), flops,
                        List.of((long) conv.filters(), (long) c, (long) KERNEL, (long) KERNEL)));
                total += flops;
                c = conv.filters();
                h = ho;
                w = wo;
            } else if (layer instanceof MaxPoolTime pool) {
                h = h / pool.size();
            } else if (layer instanceof MeanOverTime) {
                h = 1;
                units = c * w;
            } else if (layer instanceof StatsOverTime) {
                h = 1;
                units = 2 * c * w;
            } else if (layer instanceof Dense dense) {
                long flops = 2L * units * dense.units();
                costs.add(new LayerCost(String.format("FC %d->%d", units, dense.units()), flops,
                        List.of((long) units, (long) dense.units())));
                total += flops;
                units = dense.units();
            }
        }
        return new Count(preset, costs, total);
    }

    private static List<Layer> strided(int... filters) {
        List<Layer> layers = new ArrayList<>();
        for (int f : filters) {
            layers.add(new Conv(f, 2));
        }
        return layers;
    }

    /** The tiny and small encoders: log mel front end, strided convolutions, mean and deviation, feature layer. */
    private static List<Layer> listening(int featureDim, int... filters) {
        List<Layer> layers = new ArrayList<>(List.of(new LogMel()));
        layers.addAll(strided(filters));
        layers.add(new StatsOverTime());
        layers.add(new Dense(featureDim));
        return layers;
    }

    /** Table 1 of the paper as Preset.paper() builds it: pools are 2x1, the last two convs have stride 2. */
    private static List<Layer> paper() {
        List<Layer> layers = new ArrayList<>(List.of(new Conv(64, 1), new Conv(64, 1), new Conv(128, 1),
                new MaxPoolTime(2), new Conv(128, 1), new MaxPoolTime(2), new Conv(128, 1), new MaxPoolTime(2),
                new Conv(256, 1), new MaxPoolTime(2), new Conv(512, 1), new Conv(512, 2), new Conv(512, 2),
                new MeanOverTime(), new Dense(4096), new Dense(4096)));
        return layers;
    }
}
