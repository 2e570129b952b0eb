package io.callface.trainer.cli;

import io.callface.trainer.data.CorpusPreparation;
import io.callface.trainer.data.PreparationReport;
import io.callface.trainer.data.RecordingsCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: reads a real-data corpus as training would (every recording decoded and cut into speech segments,
 * every photo aligned) and reports what it found, writing nothing. Exit 0 when at least one row is usable, 1 when
 * none is.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a real-data corpus (recordings.csv: identity,split,audio,face[,landmarks]) as training "
                + "would read it and report identities, speech segments, aligned faces and every skipped row with its "
                + "line number. Writes nothing.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Corpus directory with " + RecordingsCsv.FILE + ".")
    Path data;

    @Option(names = "--threads", description = "Worker threads (default: the available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        if (!RecordingsCsv.isRealCorpus(data)) {
            spec.commandLine().getErr().println(data + ": no " + RecordingsCsv.FILE
                    + " (a corpus made by synth is read by train and evaluate as it is)");
            return 2;
        }
        PreparationReport report = CorpusPreparation.validate(data, threads);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.text());
        // print() does not flush picocli's writer, and main() exits right after.
        out.flush();
        return report.rows().isEmpty() ? 1 : 0;
    }
}
