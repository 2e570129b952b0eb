package io.callface.trainer.cli;

import io.callface.trainer.nn.Preset;
import io.callface.trainer.attributes.AttributeHeadsExport;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.onnx.FaceEncoderImport;
import io.callface.trainer.onnx.PretrainedFaceEncoder;
import io.callface.trainer.train.CheckpointDirectory;
import io.callface.trainer.train.DataLoading;
import io.callface.trainer.train.ProgressReporter;
import io.callface.trainer.train.TrainingDevices;
import io.callface.trainer.train.TrainingOptions;
import io.callface.trainer.train.TrainingPipeline;
import io.callface.trainer.train.VoiceLoss;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: trains Speech2Face on a corpus and writes an ONNX model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the face and voice networks on DJL (PyTorch, offline; CPU, or GPUs with a -Pgpu build) "
                + "and export ONNX.")
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Corpus directory with manifest.csv.")
    Path data;

    @Option(names = "--preset", defaultValue = Preset.SMALL, description = "tiny, small or paper (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--epochs", description = "Voice-stage epochs (default: the preset's).")
    Integer epochs;

    @Option(names = "--face-epochs", description = "Face-stage epochs (default: the preset's).")
    Integer faceEpochs;

    @Option(names = "--face-batch-size", description = "Face-stage mini-batch (default: the preset's batch).")
    Integer faceBatchSize;

    @Option(names = "--loss", defaultValue = "full",
            description = "Voice-stage loss: full (the paper's three terms) or l1 (plain L1 on f_dec, the ablation); "
                    + "default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--face-feature-weight", defaultValue = "" + TrainingOptions.DEFAULT_FEATURE_WEIGHT,
            description = "Weight of the face stage's feature loss (Cole et al.); 0 trains on pixels and landmarks "
                    + "alone (default: ${DEFAULT-VALUE}).")
    float featureWeight;

    @Option(names = "--face-gradient-weight", defaultValue = "" + TrainingOptions.DEFAULT_GRADIENT_WEIGHT,
            description = "Weight of the face stage's gradient-difference loss (Mathieu et al.): the decoded face's "
                    + "edges against its target's; 0 leaves it out (default: ${DEFAULT-VALUE}).")
    float gradientWeight;

    @Option(names = "--face-view-blur", defaultValue = "" + TrainingOptions.DEFAULT_VIEW_BLUR, paramLabel = "SHARE",
            description = "Share of the face stage's views the face encoder sees blurred to 2 x 2 block means, the "
                    + "resolution its critic judges, so its identity feature rests on what the decoder can draw; 0 "
                    + "shows every view sharp (default: ${DEFAULT-VALUE}).")
    float viewBlur;

    @Option(names = "--augment", defaultValue = "" + TrainingOptions.DEFAULT_AUGMENTATION, paramLabel = "SHARE",
            description = "Share of voice-stage clips heard through a call: a reverberant room (half of them), a "
                    + "channel (G.711, Opus with loss), noise and a level change; 0 trains on clean audio only (default: ${DEFAULT-VALUE}).")
    float augmentation;

    @Option(names = "--invariance-weight", defaultValue = "" + TrainingOptions.DEFAULT_INVARIANCE_WEIGHT,
            paramLabel = "WEIGHT", description = "Weight of the voice stage's invariance term: each clip heard through "
                    + "a call is pulled towards the same clip heard clean (the voice loss with the clean clip's feature as "
                    + "target); 0: the paper's loss alone (default: ${DEFAULT-VALUE}).")
    float invarianceWeight;

    @Option(names = "--voice-average-epochs", defaultValue = "" + TrainingOptions.DEFAULT_VOICE_AVERAGE_EPOCHS,
            paramLabel = "N", description = "Export the voice encoder with its weights averaged over the voice stage's "
                    + "last N epochs (stochastic weight averaging), batch-norm statistics recomputed on the "
                    + "average; 0 or 1: the last epoch's weights (default: ${DEFAULT-VALUE}).")
    int voiceAverageEpochs;

    @Option(names = "--face-identities", defaultValue = "0", paramLabel = "N",
            description = "Face stage: learn from the first N training identities only (0, the default: all); the "
                    + "voice stage learns from every training identity.")
    int faceIdentities;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--devices", defaultValue = "cpu", paramLabel = "LIST",
            description = "Where to train: cpu, gpu (every GPU) or GPUs by number, e.g. gpu0,gpu1; with several, each "
                    + "mini-batch is split across them (data parallel). GPUs need a trainer built with -Pgpu "
                    + "(default: ${DEFAULT-VALUE}).")
    String devices;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save parameters and optimiser state here after every epoch (face.ckpt, voice.ckpt).")
    Path checkpointDir;

    @Option(names = "--resume", description = "Continue from the checkpoints in --checkpoint-dir (same options and seed "
            + "give the same model as an uninterrupted run).")
    boolean resume;

    @Option(names = "--data-workers", defaultValue = "0", paramLabel = "N",
            description = "Threads computing the voice stage's spectrograms ahead of training (0: on the training "
                    + "thread; default: ${DEFAULT-VALUE}). For machines with cores beyond --threads: where workers and "
                    + "PyTorch share the cores, PyTorch's results vary in their last digits.")
    int dataWorkers;

    @Option(names = "--cached-spectrograms", paramLabel = "N",
            description = "Clean spectrograms kept in memory, about 1.2 MB each (default: as many as fit in 40 %% of the "
                    + "heap; 0: every clip read from its WAV whenever it is used, for corpora larger than memory). "
                    + "The model does not depend on it.")
    Integer cachedSpectrograms;

    @Option(names = "--face-encoder", paramLabel = "FILE.onnx",
            description = "A pretrained face network (as the paper's VGG-Face) to use, frozen, instead of training a face "
                    + "encoder: ONNX, opset 13+, input [N, 3, H, W]; the feature width becomes its output's. Needs "
                    + "--face-feature-weight 0 and --face-view-blur 0.")
    Path faceEncoder;

    @Option(names = "--face-encoder-input", paramLabel = "NAME",
            description = "The network's image input (default: its only input).")
    String faceEncoderInput;

    @Option(names = "--face-encoder-output", paramLabel = "NAME",
            description = "The network's feature output (default: its only output).")
    String faceEncoderOutput;

    @Option(names = "--face-encoder-pixels", paramLabel = "SCALE,MEAN_R,MEAN_G,MEAN_B,STD_R,STD_G,STD_B",
            split = ",", description = "The network's input normalisation: (rgb * SCALE - MEAN) / STD per channel, "
                    + "given in the network's channel order (default: 1,0,0,0,1,1,1, RGB in [0, 1]).")
    float[] faceEncoderPixels;

    @Option(names = "--face-encoder-bgr", description = "The network takes BGR channel order.")
    boolean faceEncoderBgr;

    @Override
    public Integer call() {
        if (resume && checkpointDir == null) {
            throw new ParameterException(spec.commandLine(), "--resume needs --checkpoint-dir");
        }
        Preset chosen;
        TrainingOptions options;
        try {
            chosen = Preset.named(preset);
            options = TrainingOptions.defaults(chosen).withSeed(seed).withThreads(threads)
                    .withVoiceLoss(VoiceLoss.named(loss)).withFeatureWeight(featureWeight)
                    .withGradientWeight(gradientWeight).withViewBlur(viewBlur)
                    .withAugmentation(augmentation).withInvarianceWeight(invarianceWeight)
                    .withFaceIdentities(faceIdentities).withVoiceAverageEpochs(voiceAverageEpochs);
            if (faceBatchSize != null) {
                options = options.withFaceBatchSize(faceBatchSize);
            }
            if (epochs != null) {
                options = options.withVoiceEpochs(epochs);
            }
            if (faceEpochs != null) {
                options = options.withFaceEpochs(faceEpochs);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        DataLoading loading;
        TrainingDevices trainingDevices;
        try {
            loading = new DataLoading(dataWorkers, cachedSpectrograms == null ? OptionalInt.empty()
                    : OptionalInt.of(cachedSpectrograms));
            trainingDevices = TrainingDevices.parse(devices);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (FaceNetwork network = faceNetwork(chosen.imageSize())) {
            CorpusManifest corpus = CorpusLoader.load(data, spec.commandLine().getErr());
            TrainingPipeline pipeline = new TrainingPipeline(ProgressReporter.toStderr(), loading, network.encoder(),
                    trainingDevices);
            ModelDirectory model = AttributeHeadsExport.addTo(pipeline.train(corpus, chosen, out, options,
                    Optional.ofNullable(checkpointDir).map(CheckpointDirectory::new), resume), corpus);
            System.out.println("model written to " + model.path());
        }
        return 0;
    }

    /** The pretrained face network of {@code --face-encoder}, if any, closed with the command. */
    private record FaceNetwork(Optional<PretrainedFaceEncoder> encoder) implements AutoCloseable {
        @Override
        public void close() {
            encoder.ifPresent(PretrainedFaceEncoder::close);
        }
    }

    private FaceNetwork faceNetwork(int cropSize) {
        if (faceEncoder == null) {
            return new FaceNetwork(Optional.empty());
        }
        if (featureWeight > 0) {
            throw new ParameterException(spec.commandLine(), "--face-encoder needs --face-feature-weight 0: the feature "
                    + "loss judges with the face encoder callface trains, which a pretrained network replaces");
        }
        if (viewBlur > 0) {
            throw new ParameterException(spec.commandLine(), "--face-encoder needs --face-view-blur 0: blurred views "
                    + "teach the face encoder callface trains, and a pretrained network stays frozen");
        }
        try {
            float[] p = faceEncoderPixels == null ? new float[] {1, 0, 0, 0, 1, 1, 1} : faceEncoderPixels;
            if (p.length != 7) {
                throw new IllegalArgumentException("--face-encoder-pixels: 7 numbers (scale, 3 means, 3 standard "
                        + "deviations), got " + p.length);
            }
            FaceEncoderImport.Preprocessing preprocessing = new FaceEncoderImport.Preprocessing(p[0],
                    new float[] {p[1], p[2], p[3]}, new float[] {p[4], p[5], p[6]}, faceEncoderBgr);
            return new FaceNetwork(Optional.of(PretrainedFaceEncoder.load(faceEncoder,
                    Optional.ofNullable(faceEncoderInput), Optional.ofNullable(faceEncoderOutput), preprocessing,
                    cropSize)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
