package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.model.ModelManifest;
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
                "Load average", "sex agreement", "Ceilings (voice-trait oracles");
        // 15 identities: a 3-face gallery, so the >= 200 check must fail, and say so.
        assertThat(md).contains("FAIL: gallery >= 200 held-out identities (3)");
        assertThat(tmp.resolve(BenchmarkCommand.ABLATION_PLOT)).isRegularFile();
        for (String model : new String[] {"model-full", "model-l1"}) {
            assertThat(tmp.resolve(model).resolve("report.md")).isRegularFile();
            assertThat(ModelManifest.read(tmp.resolve(model)).metrics()).containsKeys("recall_at_10_6s",
                    "sex_agreement_feature_6s", "train_voice_samples_per_s", "oracle_shape_recall_at_10");
        }
    }
}
