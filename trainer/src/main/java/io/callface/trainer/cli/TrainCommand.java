package io.callface.trainer.cli;

import io.callface.trainer.nn.Preset;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.train.ProgressReporter;
import io.callface.trainer.train.TrainingOptions;
import io.callface.trainer.train.TrainingPipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains Speech2Face on a corpus and writes an ONNX model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the face and voice networks on DJL (PyTorch, CPU, offline) and export ONNX.")
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

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() {
        Preset chosen = Preset.named(preset);
        TrainingOptions options = TrainingOptions.defaults(chosen).withSeed(seed).withThreads(threads);
        if (epochs != null) {
            options = options.withVoiceEpochs(epochs);
        }
        if (faceEpochs != null) {
            options = options.withFaceEpochs(faceEpochs);
        }
        CorpusManifest corpus = CorpusLoader.load(data, spec.commandLine().getErr());
        ModelDirectory model = new TrainingPipeline(ProgressReporter.toStderr()).train(corpus, chosen, out, options);
        System.out.println("model written to " + model.path());
        return 0;
    }
}
