package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.JudgeFaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
    @TempDir
    Path out;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SynthCommand());
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesACorpusAndReportsProgress() {
        int code = run("--out", out.toString(), "--identities", "6", "--clips-per-identity", "1",
                "--clip-seconds", "0.5", "--face-size", "32", "--renderings", "2");
        assertThat(code).isZero();
        assertThat(out.resolve("manifest.csv")).exists();
        assertThat(out.resolve("faces/id00005.png")).exists();
        assertThat(out.resolve("faces/id00005_r1.png")).exists();
        assertThat(out.resolve("faces/id00005_r2.png")).doesNotExist();
        assertThat(out.resolve("renderings.csv")).exists();
        // Two judge identities per identity by default, each with the corpus's renderings.
        assertThat(out.resolve("judge/judge00011_r1.png")).exists();
        assertThat(out.resolve("judge/judge00012.png")).doesNotExist();
        // No voice-only speakers unless asked.
        assertThat(out.resolve("faces/voice00000.png")).doesNotExist();
        assertThat(err.toString()).contains("synth: 6 / 6 speakers")
                .contains("wrote 6 clips of 6 identities and 0 voice-only speakers");
    }

    @Test
    void writesTheVoiceOnlySpeakersAsked() {
        int code = run("--out", out.toString(), "--identities", "2", "--clips-per-identity", "1",
                "--clip-seconds", "0.5", "--face-size", "32", "--renderings", "1", "--judge-identities", "0",
                "--voice-speakers", "3");
        assertThat(code).isZero();
        assertThat(out.resolve("faces/voice00002.png")).exists();
        assertThat(out.resolve("faces/voice00002_r0.png")).doesNotExist();
        assertThat(out.resolve("faces/voice00003.png")).doesNotExist();
        assertThat(err.toString()).contains("synth: 5 / 5 speakers")
                .contains("wrote 5 clips of 2 identities and 3 voice-only speakers");

        assertThat(run("--out", out.toString(), "--voice-speakers", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("voiceSpeakers: -1");
    }

    @Test
    void writesTheJudgeIdentitiesAsked() throws IOException {
        int code = run("--out", out.toString(), "--identities", "2", "--clips-per-identity", "1",
                "--clip-seconds", "0.5", "--face-size", "32", "--renderings", "0", "--judge-identities", "3");
        assertThat(code).isZero();
        assertThat(JudgeFaces.read(out).orElseThrow().faces()).hasSize(3);

        assertThat(run("--out", out.toString(), "--judge-identities", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("judgeIdentities: -1");
    }

    @Test
    void rejectsInvalidOptionsWithTheFieldName() {
        int code = run("--out", out.toString(), "--val-fraction", "0.6", "--test-fraction", "0.5");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("valFraction + testFraction");
    }

    @Test
    void rejectsANegativeRenderingCountWithTheFieldName() {
        int code = run("--out", out.toString(), "--renderings", "-1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("renderings: -1");
    }

    @Test
    void requiresOut() {
        assertThat(run("--identities", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--out");
    }
}
