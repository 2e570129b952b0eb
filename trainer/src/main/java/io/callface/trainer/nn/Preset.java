package io.callface.trainer.nn;

import io.callface.model.ModelContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named size of the Speech2Face networks. Every preset keeps callface's ONNX contract; they differ in
 * depth, width, feature dimension D and image size.
 *
 * <p>The face decoder follows Cole et al. (CVPR 2017) as the paper's section 3 uses it: {@code f_dec} (a fully
 * connected layer to {@link #decoderUnits} units, which the voice loss compares), then a landmark MLP and a
 * convolutional image branch: a fully connected projection to a {@code C x 4 x 4} map, then upsampling blocks
 * that double the side up to the image size, the last of them straight to RGB, and a sigmoid. Each upsampling
 * block is a sub-pixel convolution (Shi et al., CVPR 2016): a convolution at the input resolution to 4x the
 * channels, rearranged by {@link Layer.DepthToSpace} into 2 x 2 pixels; it draws what a transposed convolution
 * draws without its checkerboard-prone uneven overlap. The convolution is a 3x3 "same" convolution written as
 * nearest-neighbour x2 upsampling and a 4x4 convolution of stride 2 (each output then weighs the input pixels
 * o-1, o, o, o+1 per axis: a 3x3 kernel), because training may only use strided convolutions here: DJL 0.35.1's
 * PyTorch engine has no transposed convolution ("Not implemented"), and PyTorch 2.7.1's oneDNN returns NaN input
 * gradients of stride-1 convolutions at random on the AVX-512 CPU we train on (3x3 and 5x5 kernels, within a
 * few steps; the encoders' stride-2 4x4 convolutions never showed it). On that CPU its forward convolution is
 * also wrong (off by up to 0.9, or NaN, against a direct sum) when the input has 20, 24 or 40 channels, while
 * 2, 3, 8, 12 and every multiple of 16 are exact: so every convolution here reads a multiple of 16 channels or
 * fewer than 16, and the ONNX parity tests would catch a preset that does not.
 *
 * @param name             preset name written into the model metadata
 * @param featureDim       D, the face feature dimension
 * @param imageSize        H = W of the decoded face image
 * @param decoderUnits     width of the decoder's first fully connected layer {@code f_dec}
 * @param voiceEncoder     voice encoder layers, spectrogram {@code [N, 2, T, 257]} to {@code [N, D]}
 * @param faceEncoder      face encoder layers, image {@code [N, 3, H, W]} to {@code [N, D]}
 * @param decoderLandmarks landmark branch after {@code f_dec}, {@code [N, decoderUnits]} to {@code [N, 68, 2]}
 * @param decoderImage     image branch after {@code f_dec}, {@code [N, decoderUnits]} to {@code [N, 3, H, W]}
 * @param faceEpochs       default epochs of the face stage
 * @param voiceEpochs      default epochs of the voice stage
 * @param batchSize        default mini-batch size
 */
public record Preset(
        String name,
        int featureDim,
        int imageSize,
        int decoderUnits,
        List<Layer> voiceEncoder,
        List<Layer> faceEncoder,
        List<Layer> decoderLandmarks,
        List<Layer> decoderImage,
        int faceEpochs,
        int voiceEpochs,
        int batchSize) {

    public static final String TINY = "tiny";
    public static final String SMALL = "small";
    public static final String PAPER = "paper";
    public static final String BASELINE = "baseline";

    /** Side of the map the image branch's projection starts from; each upsampling block doubles it. */
    public static final int IMAGE_SEED_SIDE = 4;
    private static final int KERNEL = 4;
    /** Width of {@code f_dec} in every preset, as in Cole et al.'s decoder. */
    private static final int F_DEC_UNITS = 1000;

    public Preset {
        Objects.requireNonNull(name, "name");
        voiceEncoder = List.copyOf(voiceEncoder);
        faceEncoder = List.copyOf(faceEncoder);
        decoderLandmarks = List.copyOf(decoderLandmarks);
        decoderImage = List.copyOf(decoderImage);
        if (featureDim <= 0 || imageSize <= 0 || decoderUnits <= 0 || faceEpochs <= 0 || voiceEpochs <= 0
                || batchSize <= 0) {
            throw new IllegalArgumentException("preset " + name + ": sizes, epochs and batch must be positive");
        }
        if (decoderLandmarks.isEmpty() || decoderImage.isEmpty()) {
            throw new IllegalArgumentException("preset " + name + ": decoder branches must not be empty");
        }
        requireEndsInFeature("voiceEncoder", voiceEncoder, featureDim);
        requireEndsInFeature("faceEncoder", faceEncoder, featureDim);
    }

    /**
     * This preset for a face feature of {@code dimension} (a pretrained face network's): the voice and face encoders
     * end in a Dense of that width; everything else is unchanged.
     */
    public Preset withFeatureDim(int dimension) {
        return new Preset(name, dimension, imageSize, decoderUnits, withLastDense(voiceEncoder, dimension),
                withLastDense(faceEncoder, dimension), decoderLandmarks, decoderImage, faceEpochs, voiceEpochs,
                batchSize);
    }

    private static List<Layer> withLastDense(List<Layer> layers, int units) {
        List<Layer> replaced = new ArrayList<>(layers.subList(0, layers.size() - 1));
        replaced.add(new Layer.Dense(units));
        return replaced;
    }

    /** For tests: trains in well under a minute on two cores on a handful of identities; 64 x 64 faces. */
    public static Preset tiny() {
        List<Layer> voice = listeningEncoder(new int[] {8, 16, 32}, 64);
        return new Preset(TINY, 64, 64, F_DEC_UNITS, voice, faceEncoder(new int[] {8, 16, 32}, 64),
                landmarkMlp(64), convImageBranch(32, new int[] {32, 16, 8}), 30, 8, 8);
    }

    /**
     * CPU-friendly demo network, D = 128, 128 x 128 faces: voice encoder of a log mel front end, four strided blocks
     * 16-32-64-128 and statistics pooling ({@link #listeningEncoder}); face encoder of five strided blocks 16-256
     * (128 px to 4 x 4); image branch from 96 x 4 x 4 through five upsampling blocks 96-48-32-16 and one to RGB.
     */
    public static Preset small() {
        List<Layer> voice = listeningEncoder(new int[] {16, 32, 64, 128}, 128);
        return new Preset(SMALL, 128, 128, F_DEC_UNITS, voice, faceEncoder(new int[] {16, 32, 64, 128, 256}, 128),
                landmarkMlp(256), convImageBranch(96, new int[] {96, 48, 32, 16}), 60, 15, 8);
    }

    /**
     * The small preset as it was before the convolutional decoder: 64 x 64 faces drawn by one fully connected
     * layer {@code 1000 -> 3*64*64} and a sigmoid, landmarks by one fully connected layer, and the voice encoder it
     * had then (four strided blocks on the complex spectrogram, mean over time). Kept as the baseline of the
     * streaming-cost comparison.
     */
    public static Preset baseline() {
        List<Layer> voice = convBlocks(new int[] {16, 32, 64, 128}, 2);
        voice.addAll(List.of(new Layer.MeanOverTime(), new Layer.Flatten(), new Layer.Dense(128)));
        int size = 64;
        int channels = ModelContract.IMAGE_CHANNELS;
        List<Layer> landmarks = List.of(new Layer.Relu(), new Layer.Dense(ModelContract.LANDMARK_COUNT * 2),
                new Layer.Sigmoid(), new Layer.Reshape(List.of(ModelContract.LANDMARK_COUNT, 2)));
        List<Layer> image = List.of(new Layer.Relu(), new Layer.Dense(channels * size * size), new Layer.Sigmoid(),
                new Layer.Reshape(List.of(channels, size, size)));
        return new Preset(BASELINE, 128, size, F_DEC_UNITS, voice, faceEncoder(new int[] {16, 32, 64}, 128),
                landmarks, image, 60, 15, 8);
    }

    /**
     * The paper's Table 1 voice encoder: conv 64, 64, 128, pool, 128, pool, 128, pool, 256, pool, 512,
     * 512/2, 512/2; mean over time, ReLU, BN, FC 4096, ReLU, FC 4096. Pools are 2x1 (time only). 128 x 128
     * faces, image branch from 256 x 4 x 4 through upsampling blocks 256-128-64-32 and one to RGB.
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
        return new Preset(PAPER, 4096, 128, F_DEC_UNITS, voice,
                faceEncoder(new int[] {32, 64, 128, 256, 512}, 4096), landmarkMlp(512),
                convImageBranch(256, new int[] {256, 128, 64, 32}), 40, 3, 8);
    }

    /** The preset called {@code name} (tiny, small, paper or baseline). */
    public static Preset named(String name) {
        return switch (Objects.requireNonNull(name, "preset").toLowerCase(Locale.ROOT)) {
            case TINY -> tiny();
            case SMALL -> small();
            case PAPER -> paper();
            case BASELINE -> baseline();
            default -> throw new IllegalArgumentException("preset: unknown preset '" + name
                    + "', expected one of tiny, small, paper, baseline");
        };
    }

    /** {@code f_dec}: the decoder's first fully connected layer, D to {@link #decoderUnits}. */
    public List<Layer> decoderFDec() {
        return List.of(new Layer.Dense(decoderUnits));
    }

    /** Landmark MLP after {@code f_dec}: ReLU, FC {@code hidden}, ReLU, FC 136, sigmoid, reshape to 68 x 2. */
    private static List<Layer> landmarkMlp(int hidden) {
        return List.of(new Layer.Relu(), new Layer.Dense(hidden), new Layer.Relu(),
                new Layer.Dense(ModelContract.LANDMARK_COUNT * 2), new Layer.Sigmoid(),
                new Layer.Reshape(List.of(ModelContract.LANDMARK_COUNT, 2)));
    }

    /**
     * Image branch after {@code f_dec}: ReLU, FC to {@code seedChannels x 4 x 4}, reshape, BN, ReLU, one
     * sub-pixel upsampling block (see the class comment) with BN and ReLU per entry of {@code filters}, then a
     * last sub-pixel block to RGB and a sigmoid; each block doubles the side, so the image side is
     * {@code 4 * 2^(filters.length + 1)}.
     */
    private static List<Layer> convImageBranch(int seedChannels, int[] filters) {
        List<Layer> layers = new ArrayList<>(List.of(new Layer.Relu(),
                new Layer.Dense(seedChannels * IMAGE_SEED_SIDE * IMAGE_SEED_SIDE),
                new Layer.Reshape(List.of(seedChannels, IMAGE_SEED_SIDE, IMAGE_SEED_SIDE)),
                new Layer.BatchNorm(), new Layer.Relu()));
        for (int f : filters) {
            layers.addAll(subPixelDoubling(f));
            layers.addAll(List.of(new Layer.BatchNorm(), new Layer.Relu()));
        }
        layers.addAll(subPixelDoubling(ModelContract.IMAGE_CHANNELS));
        layers.add(new Layer.Sigmoid());
        return layers;
    }

    /** {@code [N, C, H, W]} to {@code [N, filters, 2H, 2W]}: a 3x3 "same" convolution to 4 x filters, depth to space. */
    private static List<Layer> subPixelDoubling(int filters) {
        int block = 2;
        return List.of(new Layer.Upsample(2), new Layer.Conv(block * block * filters, KERNEL, 2, 2, 1),
                new Layer.DepthToSpace(block));
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

    /**
     * A voice encoder for a CPU and a few hundred voices: the fixed {@link Layer.LogMelFrontEnd}, strided blocks of
     * {@code filters} over time and mel bands, the mean and deviation over time ({@link Layer.StatsOverTime}) and one
     * fully connected layer to the feature. Unlike the paper's
     * encoder it does not read the complex spectrogram's parts directly: on the default corpus (700 training
     * speakers) that encoder heard accent at chance and age at r 0.16, this one ancestry at 34.4 % and age at r 0.31
     * (linear read-outs, 200 new speakers) and trains three times faster (BENCHMARKS.md, bench23).
     */
    private static List<Layer> listeningEncoder(int[] filters, int featureDim) {
        List<Layer> layers = new ArrayList<>(List.of(new Layer.LogMelFrontEnd()));
        layers.addAll(convBlocks(filters, 2));
        layers.addAll(List.of(new Layer.StatsOverTime(), new Layer.Flatten(), new Layer.Dense(featureDim)));
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
