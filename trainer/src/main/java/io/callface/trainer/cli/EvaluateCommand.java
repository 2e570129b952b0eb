package io.callface.trainer.cli;

import io.callface.trainer.eval.AttributeClassifiers;
import io.callface.trainer.eval.EvaluationReport;
import io.callface.trainer.eval.Evaluator;
import io.callface.trainer.eval.ReportWriter;
import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.train.TrainingLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: measures a model directory on a corpus's test split; writes report.md, figures and metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model directory on the test split (feature similarity and retrieval, 6 s and 3 s; "
                + "identity kept by the face stage; sex, age and ancestry judged on true and decoded faces; "
                + "craniofacial-measure correlations) and write report.md with PNG figures.")
public final class EvaluateCommand implements Callable<Integer> {
    /** Name of the markdown report written into the report directory. */
    public static final String REPORT_FILE = ReportWriter.REPORT_FILE;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "Corpus directory with manifest.csv.")
    Path data;

    @Option(names = "--model", required = true, description = "Model directory written by train.")
    Path model;

    @Option(names = "--report", description = "Directory for report.md (default: the model directory).")
    Path report;

    @Override
    public Integer call() {
        ModelDirectory directory = ModelDirectory.open(model);
        PrintWriter err = spec.commandLine().getErr();
        CorpusManifest corpus = CorpusLoader.load(data, err);
        err.println("evaluate: fitting the attribute classifiers on the training and judge faces");
        err.flush();
        long start = System.nanoTime();
        Optional<AttributeClassifiers> classifiers =
                AttributeClassifiers.fit(corpus, directory.manifest().imageHeight());
        classifiers.ifPresentOrElse(
                c -> err.printf(Locale.ROOT, "evaluate: classifiers fitted on %d images in %.0f s%n",
                        c.trainingImages(), (System.nanoTime() - start) / 1e9),
                () -> err.println("evaluate: no attribute evaluation: identities.csv lacks a training identity's "
                        + "traits, or the training faces show one sex"));
        err.println("evaluate: measuring the model on the test split");
        err.flush();
        EvaluationReport result = Evaluator.evaluate(corpus, directory, classifiers);
        directory.withMetrics(result.metrics());
        Path reportDir = report == null ? model : report;
        Optional<TrainingLog> log = Files.isRegularFile(model.resolve(TrainingLog.FILE))
                ? Optional.of(TrainingLog.read(model)) : Optional.empty();
        System.out.print(ReportWriter.write(result, directory.manifest().preset(), log, reportDir));
        return 0;
    }
}
