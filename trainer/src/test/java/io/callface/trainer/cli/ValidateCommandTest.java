package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.CorpusClip;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.LandmarksCsv;
import io.callface.trainer.synth.SyntheticCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheReportThroughAWriterThatOnlyFlushesWhenAsked() throws IOException {
        Path synth = tmp.resolve("synth");
        new SyntheticCorpus(new CorpusSpec(2, 2, 13.0, 4, 128, 0, 0, 0)).write(synth, done -> { });
        Path real = tmp.resolve("real");
        Files.createDirectories(real);
        StringBuilder csv = new StringBuilder("identity,split,audio,face,landmarks\n");
        for (CorpusClip clip : CorpusManifest.read(synth).clips()) {
            Path points = real.resolve(clip.identity() + "-" + clip.audio().getFileName() + ".csv");
            float[] unit = LandmarksCsv.read(clip.landmarks());
            StringBuilder pixels = new StringBuilder();
            for (int i = 0; i < unit.length; i += 2) {
                pixels.append(String.format(Locale.ROOT, "%.3f,%.3f%n", unit[i] * 128, unit[i + 1] * 128));
            }
            Files.writeString(points, pixels);
            csv.append(String.join(",", clip.identity(), "train", clip.audio().toString(), clip.face().toString(),
                    points.toString())).append('\n');
        }
        csv.append("ghost,train,absent.wav,absent.png,absent.csv\n");
        Files.writeString(real.resolve("recordings.csv"), csv);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = new CommandLine(new TrainerCli())
                .setOut(new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), false))
                .execute("validate", "--data", real.toString(), "--threads", "1");

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("4 usable row(s), 1 skipped").contains("identities: 2 train, 0 val, 0 test, 0 voice-only")
                .contains("recordings.csv line 6: audio: ").contains("absent.wav does not exist");
    }

    @Test
    void aDirectoryWithoutRecordingsIsAUsageError() {
        assertThat(new CommandLine(new TrainerCli()).setErr(new PrintWriter(new ByteArrayOutputStream(), true))
                .execute("validate", "--data", tmp.toString())).isEqualTo(2);
    }
}
