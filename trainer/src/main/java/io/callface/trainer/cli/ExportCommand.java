package io.callface.trainer.cli;

import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.onnx.OnnxExporter;
import io.callface.trainer.train.CheckpointDirectory;
import io.callface.trainer.train.TrainingPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code export}: turns a training checkpoint directory into an ONNX model directory. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the networks of a checkpoint directory (train --checkpoint-dir) as an ONNX model "
                + "directory (encoder.onnx, decoder.onnx, face_encoder.onnx, model.json, training-log.csv).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint-dir", required = true, paramLabel = "DIR", description = "Checkpoint directory written by train.")
    Path checkpointDir;

    @Option(names = "--out", required = true, paramLabel = "MODELDIR", description = "Model directory to write.")
    Path out;

    @Option(names = "--model-version", defaultValue = OnnxExporter.DEFAULT_VERSION,
            description = "callface.version written into the models (default: ${DEFAULT-VALUE}).")
    String version;

    @Override
    public Integer call() {
        if (!Files.isDirectory(checkpointDir)) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-dir: " + checkpointDir + " is not a directory");
        }
        ModelDirectory model = TrainingPipeline.export(new CheckpointDirectory(checkpointDir), out, version);
        System.out.println("model written to " + model.path());
        return 0;
    }
}
