package io.callface.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar trainer.jar <command>}: the offline Speech2Face training job. */
@Command(name = "trainer", mixinStandardHelpOptions = true, version = "callface trainer",
        description = "callface's offline trainer: synthetic corpus, Speech2Face training on DJL (PyTorch), "
                + "ONNX export and evaluation.",
        subcommands = {SynthCommand.class, TrainCommand.class, EvaluateCommand.class, ExportCommand.class,
                BenchmarkCommand.class, PublishCommand.class, ListenCommand.class, AttributesCommand.class,
                ValidateCommand.class})
public final class TrainerCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Report figures are drawn off-screen; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new TrainerCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
