package io.callface.stream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.config.AvatarStreamConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvatarStreamCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        return AvatarStreamCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void helpGoesToStandardOutputAndOffersOnlyTheProductionCommands() {
        assertThat(execute("--help")).isZero();

        assertThat(out.toString()).contains("run", "spectrogram").doesNotContain("demo", "feed", "bench");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aDeveloperCommandIsAUsageErrorThatNamesTheDeveloperStack() {
        assertThat(execute("demo", "--duration", "10")).isEqualTo(2);

        assertThat(err.toString()).contains("Unmatched argument", "java -jar callface-dev.jar demo");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void configDocsGoToStandardOutput() {
        assertThat(execute("run", "--print-config-docs")).isZero();

        assertThat(out.toString()).contains(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, AvatarStreamConfig.MODEL_DIR_CONFIG);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBadSettingIsReportedOnStandardError(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("callface.properties"), "num.stream.threads=-1\n");

        assertThat(execute("run", "--config", config.toString())).isEqualTo(2);

        assertThat(err.toString()).startsWith("run: ");
        assertThat(out.toString()).isEmpty();
    }
}
