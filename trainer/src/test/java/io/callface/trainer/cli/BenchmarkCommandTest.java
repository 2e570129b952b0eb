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
                "--identities", "15", "--face-epochs", "2", "--epochs", "1", "--threads", "1");

        assertThat(exit).isZero();
        String md = Files.readString(tmp.resolve(BenchmarkCommand.RESULT_FILE));
        assertThat(md).contains("| full (paper) |", "| plain L1 (ablation) |", "| **total** |", "process CPU s",
                "Load average", "sex agreement 6 s", "age r 6 s", "Ceilings (voice-trait oracles",
                "| fit attribute classifiers (training and judge faces) |");
        // 15 identities: a 3-face gallery, so the >= 200 check must fail, and say so.
        assertThat(md).contains("FAIL: gallery >= 200 held-out identities (3)");
        // Every bar of the issue has its line, measured figure first, then the bar.
        assertThat(md).containsPattern("(PASS|FAIL): sex read from the true test faces \\d+\\.\\d \\+- \\d+\\.\\d % >= 97 %")
                .containsPattern("(PASS|FAIL): sex agreement, true face vs face decoded from speech .* >= 90 %")
                .containsPattern("(PASS|FAIL): age: Pearson r .* >= 0\\.6")
                .containsPattern("(PASS|FAIL): the face stage keeps identity: .* >= 80 %")
                .containsPattern("(PASS|FAIL): R@10 from speech .* >= 60 % of the oracle's")
                .containsPattern("(PASS|FAIL): 6 s at least as good as 3 s: R@10 .* \\+- .* vs .* \\+- ")
                .containsPattern("(PASS|FAIL): whole benchmark within 60 min on 2 cores: \\d+ CPU s <= 7200")
                .contains("REPORTED (no bar): plain-L1 ablation", "REPORTED (no bar until the voice carries accent): "
                        + "ancestry agreement");
        assertThat(tmp.resolve(BenchmarkCommand.ABLATION_PLOT)).isRegularFile();
        for (String model : new String[] {"model-full", "model-l1"}) {
            assertThat(tmp.resolve(model).resolve("report.md")).isRegularFile();
            assertThat(tmp.resolve(model).resolve("confusion-s2f-6s.png")).isRegularFile();
            assertThat(ModelManifest.read(tmp.resolve(model)).metrics()).containsKeys("recall_at_10_6s",
                    "sex_agreement_s2f_6s", "age_r_s2f_6s", "face_identity_recall_at_1", "measure_r_mean",
                    "train_voice_samples_per_s", "oracle_shape_recall_at_10");
        }
    }
}
