package io.callface.stream.inference.bench;

import io.callface.model.ModelContract;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the multiply-add FLOPs of a preset's face decoder per face, analytically from the layer shapes, as
 * {@link EncoderFlops} does for the encoders.
 *
 * <p>The layers re-derive {@code io.callface.trainer.nn.Preset} (not on avatar-stream's classpath): {@code f_dec}
 * (FC D -> 1000), the landmark MLP (FC 1000 -> hidden -> 136), and the image branch. In tiny, small and paper the
 * image branch is an FC to {@code seed x 4 x 4}, then sub-pixel blocks: nearest x2 upsampling, a 4x4 stride-2
 * convolution with padding 1 to {@code 4 x filters} channels (back at the block's input side), depth to space; one
 * block per filter and a last one to RGB. The convolution counts {@code 2 * Cin * Cout * 16 * H * W} at the
 * block's input side {@code H x W}; upsampling, depth to space, batch norm, ReLU and sigmoid are O(activations)
 * and not counted. The baseline preset's image branch is one FC 1000 -> 3 x 64 x 64 and its landmarks one FC.
 */
final class DecoderFlops {
    static final int DECODER_UNITS = 1000;
    private static final int KERNEL = 4;
    private static final int SEED_SIDE = 4;
    private static final int LANDMARK_FLOATS = 2 * ModelContract.LANDMARK_COUNT;

    /** A preset's decoder: landmark MLP width (0 for one FC), image seed channels (0 for one FC) and block filters. */
    private record Shape(int landmarkHidden, int seedChannels, int[] filters) {
    }

    private DecoderFlops() {
    }

    /** The decoder of {@code preset} from a D-dimensional face feature, in graph order (f_dec, landmarks, image). */
    static EncoderFlops.Count count(String preset, int featureDim) {
        Shape shape = switch (preset) {
            case "tiny" -> new Shape(64, 32, new int[] {32, 16, 8});
            case "small" -> new Shape(256, 96, new int[] {96, 48, 32, 16});
            case "paper" -> new Shape(512, 256, new int[] {256, 128, 64, 32});
            case "baseline" -> new Shape(0, 0, new int[0]);
            default -> throw new IllegalArgumentException("preset: unknown preset '" + preset + "'");
        };
        List<EncoderFlops.LayerCost> costs = new ArrayList<>();
        costs.add(dense(featureDim, DECODER_UNITS));
        if (shape.landmarkHidden() == 0) {
            costs.add(dense(DECODER_UNITS, LANDMARK_FLOATS));
            costs.add(dense(DECODER_UNITS, ModelContract.IMAGE_CHANNELS * 64 * 64));
        } else {
            costs.add(dense(DECODER_UNITS, shape.landmarkHidden()));
            costs.add(dense(shape.landmarkHidden(), LANDMARK_FLOATS));
            costs.add(dense(DECODER_UNITS, shape.seedChannels() * SEED_SIDE * SEED_SIDE));
            int channels = shape.seedChannels();
            int side = SEED_SIDE;
            List<Integer> outputs = new ArrayList<>();
            for (int f : shape.filters()) {
                outputs.add(f);
            }
            outputs.add(ModelContract.IMAGE_CHANNELS);
            for (int out : outputs) {
                int convOut = 4 * out;
                long flops = 2L * channels * convOut * KERNEL * KERNEL * side * side;
                costs.add(new EncoderFlops.LayerCost(String.format("sub-pixel x2 %d->%d: [%d,%d,%d] -> [%d,%d,%d]",
                        channels, out, channels, side, side, out, 2 * side, 2 * side), flops,
                        List.of((long) convOut, (long) channels, (long) KERNEL, (long) KERNEL)));
                channels = out;
                side *= 2;
            }
        }
        return new EncoderFlops.Count(preset, costs, costs.stream().mapToLong(EncoderFlops.LayerCost::flops).sum());
    }

    private static EncoderFlops.LayerCost dense(int in, int out) {
        return new EncoderFlops.LayerCost(String.format("FC %d->%d", in, out), 2L * in * out,
                List.of((long) in, (long) out));
    }
}
