package io.callface.trainer.cli;

import io.callface.trainer.listen.Listening;
import io.callface.trainer.listen.SpeechManifest;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code listen}: faces from speech the training never heard, judged against the speakers' labels. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Hear labelled WAV files as the stream hears calls (voice-gated 6 s windows, fused), decode the "
                + "call's face and judge its sex and age with the evaluation's attribute classifiers (fitted on the "
                + "corpus's training and judge faces); write report.md, calls.csv and faces.png. Refuses files that are corpus clips.")
public final class ListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory written by train.")
    Path model;

    @Option(names = "--data", required = true, description = "The training corpus (manifest.csv, identities.csv).")
    Path data;

    @Option(names = "--manifest", required = true,
            description = "CSV with header file,sex[,age]: WAV paths relative to it, male/female, age in years.")
    Path manifest;

    @Option(names = "--out", required = true, description = "Directory for report.md, calls.csv and faces.png.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String report;
        try {
            SpeechManifest speech = SpeechManifest.read(manifest);
            if (!speech.problems().isEmpty()) {
                err.println("speech manifest " + speech.path() + ": skipped " + speech.problems().size() + " bad row(s):");
                speech.problems().forEach(problem -> err.println("  " + problem));
                err.flush();
            }
            report = Listening.run(ModelDirectory.open(model), CorpusLoader.load(data, err), speech, out, err);
        } catch (IllegalArgumentException | UncheckedIOException | CorpusFormatException e) {
            // Bad input (manifest, corpus speech, unusable corpus): a message, not a stack trace.
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        System.out.print(report);
        return 0;
    }
}
