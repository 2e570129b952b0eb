package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.model.ModelManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchmarkCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsBothLossesAndWritesTheTable() throws Exception {
        int exit = new CommandLine(new BenchmarkCommand()).execute("--out", tmp.toString(), "--preset", "tiny",
                "--identities", "16", "--voice-speakers", "6", "--face-epochs", "2", "--epochs", "1", "--threads", "1", "--seed", "7",
                "--voice-seeds", "2");

        assertThat(exit).isZero();
        String md = Files.readString(tmp.resolve(BenchmarkCommand.RESULT_FILE));
        assertThat(md).contains("| full (paper), seed 7 |", "| full (paper), seed 8 |",
                "| plain L1 (ablation), seed 7 |", "| **total** |", "process CPU s", "voice stage under seeds 7, 8",
                "| train full loss, voice seed 8 (voice stage on the same face stage) |",
                "| evaluate full, voice seed 8 |",
                "Load average", "sex agreement 6 s", "age r 6 s", "Ceilings (voice-trait oracles",
                "| fit attribute classifiers (training and judge faces) |", "16 identities, 6 voice-only speakers",
                "| synth (16 identities, 32 judge identities, 6 voice-only speakers) |");
        // 16 identities: a 3-face gallery, so the >= 200 check must fail, and say so (and 11 training identities, one
        // more than the voice-trait oracle has inputs, so its faces are judged).
        assertThat(md).contains("FAIL: gallery >= 200 held-out identities (3)");
        // Every bar of the issue has its line, measured figure first, then the bar.
        assertThat(md).containsPattern("(PASS|FAIL): sex read from the true test faces \\(face stage only\\) \\d+\\.\\d \\+- \\d+\\.\\d % >= 97 %")
                .containsPattern("(PASS|FAIL): sex agreement, true face vs face decoded from speech \\d+\\.\\d % "
                        + "\\(\\d+\\.\\d, \\d+\\.\\d; \\+- \\d+\\.\\d across 2 seeds\\) >= 90\\.0 %")
                .containsPattern("(PASS|FAIL): age: Pearson r .* across 2 seeds\\) >= 0\\.600")
                .containsPattern("(PASS|FAIL): the face stage keeps identity: .* >= 80 %")
                .containsPattern("(PASS|FAIL): R@10 from speech as a share of the voice-trait oracle's R@10 .* >= 0\\.60")
                .containsPattern("(PASS|FAIL): 6 s at least as good as 3 s: mean R@10 .* vs .* %")
                .containsPattern("(PASS|FAIL): whole benchmark within 60 min on 2 cores: \\d+ CPU s <= 7200")
                .contains("REPORTED (no bar): plain-L1 ablation", "REPORTED (its bar is issue #15's, below): "
                        + "ancestry agreement", "REPORTED (no bar): faces drawn from a log mel listener's estimate",
                        "REPORTED (no bar): faces drawn from the voice-trait oracle's estimate")
                .containsPattern("REPORTED \\(beside that bar\\): balanced ancestry agreement on clean audio .* "
                        + "\\d+\\.\\d % \\(\\d+\\.\\d, \\d+\\.\\d; \\+- \\d+\\.\\d across 2 seeds\\)");
        assertThat(tmp.resolve(BenchmarkCommand.ABLATION_PLOT)).isRegularFile();
        // The second seed's model shares the face stage and differs in the voice stage only.
        assertThat(Files.readAllBytes(tmp.resolve("model-full-seed8").resolve("decoder.onnx")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("model-full").resolve("decoder.onnx")));
        assertThat(Files.readAllBytes(tmp.resolve("model-full-seed8").resolve("encoder.onnx")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("model-full").resolve("encoder.onnx")));
        for (String model : new String[] {"model-full", "model-full-seed8", "model-l1"}) {
            assertThat(tmp.resolve(model).resolve("report.md")).isRegularFile();
            assertThat(tmp.resolve(model).resolve("confusion-s2f-6s.png")).isRegularFile();
            assertThat(ModelManifest.read(tmp.resolve(model)).metrics()).containsKeys("recall_at_10_6s",
                    "sex_agreement_s2f_6s", "age_r_s2f_6s", "face_identity_recall_at_1", "measure_r_mean",
                    "train_voice_samples_per_s", "oracle_shape_recall_at_10");
        }
    }

    @Test
    void refusesFewerThanOneVoiceSeed() {
        int exit = new CommandLine(new BenchmarkCommand()).execute("--out", tmp.toString(), "--voice-seeds", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(tmp.resolve("corpus")).doesNotExist();
    }
}
