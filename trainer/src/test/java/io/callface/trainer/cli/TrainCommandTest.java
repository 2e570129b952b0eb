package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.onnx.ModelDirectory;
import io.callface.trainer.train.TrainedTinyModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainsTinyFromTheCommandLine() {
        Path out = tmp.resolve("model");
        int exit = new CommandLine(new TrainCommand()).execute("--data", TrainedTinyModel.get().corpus().toString(),
                "--preset", "tiny", "--out", out.toString(), "--epochs", "1", "--face-epochs", "2", "--seed", "3",
                "--threads", "1");
        assertThat(exit).isZero();
        assertThat(ModelDirectory.open(out).manifest().preset()).isEqualTo("tiny");
    }

    @Test
    void anUnknownPresetIsReportedByName() {
        CommandLine cli = new CommandLine(new TrainCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });
        int exit = cli.execute("--data", tmp.toString(), "--preset", "huge", "--out", tmp.resolve("m").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("preset: unknown preset 'huge'");
    }
}
