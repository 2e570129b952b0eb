package io.callface.trainer.nn;

import io.callface.stream.model.ModelContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named size of the Speech2Face networks. Every preset keeps callface's ONNX contract; they differ in
 * depth, width and feature dimension D.
 *
 * @param name           preset name written into the model metadata
 * @param featureDim     D, the face feature dimension
 * @param imageSize      H = W of the decoded face image
 * @param decoderUnits   width of the decoder's first fully connected layer {@code f_dec}
 * @param voiceEncoder   voice encoder layers, spectrogram {@code [N, 2, T, 257]} to {@code [N, D]}
 * @param faceEncoder    face encoder layers, image {@code [N, 3, H, W]} to {@code [N, D]}
 * @param faceEpochs     default epochs of the face stage
 * @param voiceEpochs    default epochs of the voice stage
 * @param batchSize      default mini-batch size
 */
public record Preset(
        String name,
        int featureDim,
        int imageSize,
        int decoderUnits,
        List<Layer> voiceEncoder,
        List<Layer> faceEncoder,
        int faceEpochs,
        int voiceEpochs,
        int batchSize) {

    public static final String TINY = "tiny";
    public static final String SMALL = "small";
    public static final String PAPER = "paper";

    private static final int KERNEL = 4;

    public Preset {
        Objects.requireNonNull(name, "name");
        voiceEncoder = List.copyOf(voiceEncoder);
        faceEncoder = List.copyOf(faceEncoder);
        if (featureDim <= 0 || imageSize <= 0 || decoderUnits <= 0 || faceEpochs <= 0 || voiceEpochs <= 0
                || batchSize <= 0) {
            throw new IllegalArgumentException("preset " + name + ": sizes, epochs and batch must be positive");
        }
        requireEndsInFeature("voiceEncoder", voiceEncoder, featureDim);
        requireEndsInFeature("faceEncoder", faceEncoder, featureDim);
    }

    /** For tests: trains in well under a minute on two cores on a handful of identities. */
    public static Preset tiny() {
        List<Layer> voice = convBlocks(new int[] {8, 16, 32}, 2);
        voice.addAll(List.of(new Layer.MeanOverTime(), new Layer.Flatten(), new Layer.Dense(64)));
        return new Preset(TINY, 64, 64, 1000, voice, faceEncoder(new int[] {8, 16, 32}, 64), 30, 8, 8);
    }

    /** CPU-friendly demo network: four strided blocks 16-32-64-128, D = 128. */
    public static Preset small() {
        List<Layer> voice = convBlocks(new int[] {16, 32, 64, 128}, 2);
        voice.addAll(List.of(new Layer.MeanOverTime(), new Layer.Flatten(), new Layer.Dense(128)));
        return new Preset(SMALL, 128, 64, 1000, voice, faceEncoder(new int[] {16, 32, 64}, 128), 60, 15, 8);
    }

    /**
     * The paper's Table 1 voice encoder: conv 64, 64, 128, pool, 128, pool, 128, pool, 256, pool, 512,
     * 512/2, 512/2; mean over time, ReLU, BN, FC 4096, ReLU, FC 4096. Pools are 2x1 (time only).
     */
    public static Preset paper() {
        List<Layer> voice = new ArrayList<>();
        voice.addAll(convBlock(64, 1));
        voice.addAll(convBlock(64, 1));
        voice.addAll(convBlock(128, 1));
        voice.add(new Layer.MaxPoolTime(2));
        voice.addAll(convBlock(128, 1));
        voice.add(new Layer.MaxPoolTime(2));
        voice.addAll(convBlock(128, 1));
        voice.add(new Layer.MaxPoolTime(2));
        voice.addAll(convBlock(256, 1));
        voice.add(new Layer.MaxPoolTime(2));
        voice.addAll(convBlock(512, 1));
        voice.addAll(convBlock(512, 2));
        voice.addAll(convBlock(512, 2));
        voice.addAll(List.of(new Layer.MeanOverTime(), new Layer.Relu(), new Layer.BatchNorm(), new Layer.Flatten(),
                new Layer.Dense(4096), new Layer.Relu(), new Layer.Dense(4096)));
        return new Preset(PAPER, 4096, 64, 1000, voice, faceEncoder(new int[] {32, 64, 128, 256}, 4096), 40, 3, 8);
    }

    /** The preset called {@code name} (tiny, small or paper). */
    public static Preset named(String name) {
        return switch (Objects.requireNonNull(name, "preset").toLowerCase(Locale.ROOT)) {
            case TINY -> tiny();
            case SMALL -> small();
            case PAPER -> paper();
            default -> throw new IllegalArgumentException("preset: unknown preset '" + name
                    + "', expected one of tiny, small, paper");
        };
    }

    /** {@code f_dec}: the decoder's first fully connected layer, D to {@link #decoderUnits}. */
    public List<Layer> decoderFDec() {
        return List.of(new Layer.Dense(decoderUnits));
    }

    /** Landmark branch after {@code f_dec}: ReLU, FC to 136, sigmoid, reshape to 68 x 2. */
    public List<Layer> decoderLandmarks() {
        return List.of(new Layer.Relu(), new Layer.Dense(ModelContract.LANDMARK_COUNT * 2), new Layer.Sigmoid(),
                new Layer.Reshape(List.of(ModelContract.LANDMARK_COUNT, 2)));
    }

    /** Image branch after {@code f_dec}: ReLU, FC to 3*H*W, sigmoid, reshape to 3 x H x W. */
    public List<Layer> decoderImage() {
        int channels = ModelContract.IMAGE_CHANNELS;
        return List.of(new Layer.Relu(), new Layer.Dense(channels * imageSize * imageSize), new Layer.Sigmoid(),
                new Layer.Reshape(List.of(channels, imageSize, imageSize)));
    }

    private static List<Layer> convBlock(int filters, int stride) {
        // Padding 1 keeps a 4x4 kernel symmetric (ONNX and DJL agree); stride 2 halves the axis.
        return List.of(new Layer.Conv(filters, KERNEL, stride, stride, 1), new Layer.Relu(), new Layer.BatchNorm());
    }

    private static List<Layer> convBlocks(int[] filters, int stride) {
        List<Layer> layers = new ArrayList<>();
        for (int f : filters) {
            layers.addAll(convBlock(f, stride));
        }
        return layers;
    }

    private static List<Layer> faceEncoder(int[] filters, int featureDim) {
        List<Layer> layers = convBlocks(filters, 2);
        layers.addAll(List.of(new Layer.Flatten(), new Layer.Dense(featureDim)));
        return layers;
    }

    private static void requireEndsInFeature(String field, List<Layer> layers, int featureDim) {
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof Layer.Dense d) || d.units() != featureDim) {
            throw new IllegalArgumentException(field + " must end in a Dense(" + featureDim + ") layer");
        }
    }
}
