package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.model.ModelManifest;
import io.callface.trainer.eval.ReportPlots;
import io.callface.trainer.train.TrainedTinyModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesReportAndMetricsIntoModelJson() throws Exception {
        TrainedTinyModel fixture = TrainedTinyModel.get();
        Path model = fixture.copyModel(tmp.resolve("model"));
        Path report = tmp.resolve("report");

        int exit = new CommandLine(new EvaluateCommand()).execute("--data", fixture.corpus().toString(),
                "--model", model.toString(), "--report", report.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(report.resolve(EvaluateCommand.REPORT_FILE))).contains("R@10", "3 s", "chance",
                "recall-at-k.png", "faces.png", "face-measures.png", "The face stage keeps identity");
        assertThat(report.resolve(ReportPlots.RECALL_CURVES)).isRegularFile();
        assertThat(report.resolve(ReportPlots.FACE_GRID)).isRegularFile();
        assertThat(report.resolve(ReportPlots.FACE_MEASURES)).isRegularFile();
        // The fixture corpus has no identities.csv, so no labels: no attribute figures, no sex diagnostic.
        assertThat(Files.readString(report.resolve(EvaluateCommand.REPORT_FILE))).doesNotContain("Attributes judged",
                "sex in the feature space");
        Map<String, Double> metrics = ModelManifest.read(model).metrics();
        assertThat(metrics.get("gallery_size")).isEqualTo(3.0);
        assertThat(metrics.get("test_clips")).isEqualTo(6.0);
        assertThat(metrics.get("angle_deg_6s")).isBetween(0.0, 180.0);
        assertThat(metrics.get("chance_at_1")).isEqualTo(1.0 / 3);
        assertThat(metrics.get("recall_at_1_6s")).isLessThanOrEqualTo(metrics.get("recall_at_2_6s"));
        // The gallery has 3 faces, so the true face is always within the top 5.
        assertThat(metrics.get("recall_at_5_3s")).isEqualTo(1.0);
        assertThat(metrics.get("face_identity_recall_at_5")).isEqualTo(1.0);
        assertThat(metrics).containsKeys("face_identity_recall_at_1", "measure_r_mean", "recall_se_at_10_6s")
                .doesNotContainKey("sex_accuracy_true");
        // Training throughput from train stays beside the evaluation figures.
        assertThat(metrics).containsKeys("train_face_samples_per_s", "train_voice_samples_per_s");
    }

    @Test
    void badCorpusRowsArePrintedToStderrAndTheRestIsEvaluated() throws Exception {
        TrainedTinyModel fixture = TrainedTinyModel.get();
        Path model = fixture.copyModel(tmp.resolve("model"));
        Path corpus = copyCorpus(fixture.corpus(), tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("manifest.csv"), "id009,test,audio/none.wav\n", StandardOpenOption.APPEND);
        CommandLine cli = new CommandLine(new EvaluateCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--data", corpus.toString(), "--model", model.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).contains(": skipped 1 bad row(s):")
                .contains("manifest.csv line 22: expected 4 columns")
                .contains("evaluate: fitting the attribute classifiers", "evaluate: measuring the model");
        assertThat(ModelManifest.read(model).metrics().get("test_clips")).isEqualTo(6.0);
    }

    @Test
    void aTamperedModelFileIsRefused() throws Exception {
        TrainedTinyModel fixture = TrainedTinyModel.get();
        Path model = fixture.copyModel(tmp.resolve("tampered"));
        Files.write(model.resolve("encoder.onnx"), new byte[] {1, 2, 3});
        CommandLine cli = new CommandLine(new EvaluateCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });

        int exit = cli.execute("--data", fixture.corpus().toString(), "--model", model.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("sha256 of encoder.onnx");
    }

    private static Path copyCorpus(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }
}
