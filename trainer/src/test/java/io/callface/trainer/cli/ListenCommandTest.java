package io.callface.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.Audio;
import io.callface.audio.WavWriter;
import io.callface.audio.synth.SpeakerVoice;
import io.callface.audio.synth.VoiceSynthesizer;
import io.callface.trainer.synth.CorpusManifest;
import io.callface.trainer.synth.CorpusSpec;
import io.callface.trainer.synth.SyntheticCorpus;
import io.callface.trainer.train.TrainedTinyModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code listen} end to end: the tiny fixture model, a small labelled corpus for the classifiers, WAVs of known sex. */
class ListenCommandTest {
    @TempDir
    static Path tmp;
    /** A corpus with identities.csv, so the attribute classifiers can be fitted; the model was trained elsewhere. */
    private static Path corpus;
    private static Path model;

    @BeforeAll
    static void corpusAndModel() throws IOException {
        CorpusSpec defaults = CorpusSpec.defaults();
        corpus = tmp.resolve("corpus");
        new SyntheticCorpus(new CorpusSpec(24, 1, 2.0, 5, defaults.faceSize(), 0.1, 0.25)).write(corpus, done -> { });
        model = TrainedTinyModel.get().model().path();
    }

    private static void speak(Path wav, boolean male, double age, double seconds, int rate) throws IOException {
        float[] voice = new VoiceSynthesizer().synthesize(SpeakerVoice.sample(male, age, 0, new Random(age > 40 ? 1 : 2)),
                seconds, 7);
        if (rate == VoiceSynthesizer.SAMPLE_RATE / 2) {
            // Every other sample: the speech's energy lies below 4 kHz, so this is an 8 kHz recording of it.
            float[] half = new float[voice.length / 2];
            for (int i = 0; i < half.length; i++) {
                half[i] = voice[2 * i];
            }
            voice = half;
        }
        WavWriter.write(wav, new Audio(voice, rate));
    }

    private static CommandLine cli(StringWriter err) {
        CommandLine cli = new CommandLine(new ListenCommand());
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(e.getMessage());
            return 2;
        });
        return cli;
    }

    @Test
    void labelledRecordingsAreHeardAsCallsAndTheirFacesJudged() throws IOException {
        Path speech = Files.createDirectories(tmp.resolve("speech"));
        speak(speech.resolve("man.wav"), true, 30, 16, VoiceSynthesizer.SAMPLE_RATE);
        speak(speech.resolve("woman.wav"), false, 55, 16, VoiceSynthesizer.SAMPLE_RATE / 2);
        speak(speech.resolve("short.wav"), false, 25, 2, VoiceSynthesizer.SAMPLE_RATE);
        Files.writeString(speech.resolve("broken.wav"), "not a wav");
        Files.writeString(speech.resolve("speech.csv"), String.join("\n", "file,sex,age", "man.wav,male,30",
                "woman.wav,female,55", "short.wav,f,", "broken.wav,male,", "man.wav,child,3", ""));
        Path out = tmp.resolve("listened");
        StringWriter err = new StringWriter();

        int exit = cli(err).execute("--model", model.toString(), "--data", corpus.toString(),
                "--manifest", speech.resolve("speech.csv").toString(), "--out", out.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("skipped 1 bad row(s)", "speech.csv line 6: sex: 'child'")
                .contains("skipped: cannot read " + speech.resolve("broken.wav"));
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("Sex agreement", "| man.wav | male | 30 |", "| woman.wav | female | 55 |",
                "| short.wav | female | - | 0.0 | 0 + 0 | 0 / 0 | - | no face |", "1 unreadable recording(s)",
                "1 recording(s) held under 3 s of voice");
        List<String> rows = Files.readAllLines(out.resolve("calls.csv"));
        assertThat(rows).hasSize(4);
        long agreeing = rows.stream().filter(r -> r.contains(",true,")).count();
        assertThat(report).contains(String.format(java.util.Locale.ROOT, "Sex agreement: %.1f %%", 100.0 * agreeing / 2),
                "Baseline, always the more common sex: 50.0 %");
        for (String row : rows.subList(1, 3)) {
            String[] cells = row.split(",");
            assertThat(Integer.parseInt(cells[4])).as("full windows of %s", cells[0]).isGreaterThanOrEqualTo(1);
            assertThat(Double.parseDouble(cells[3])).as("seconds heard").isGreaterThanOrEqualTo(6);
        }
        BufferedImage faces = ImageIO.read(out.resolve("faces.png").toFile());
        int size = TrainedTinyModel.get().model().manifest().imageHeight();
        assertThat(faces.getWidth()).isEqualTo(6 * size);
    }

    @Test
    void speechFromTheTrainingCorpusIsRefused() throws IOException {
        Path clip = CorpusManifest.read(corpus).clips().get(0).audio();
        Path manifest = tmp.resolve("leaky.csv");
        Files.writeString(manifest, "file,sex\n" + clip + ",male\n");
        StringWriter err = new StringWriter();

        int exit = cli(err).execute("--model", model.toString(), "--data", corpus.toString(),
                "--manifest", manifest.toString(), "--out", tmp.resolve("leaky").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("clips of the training corpus");
        assertThat(tmp.resolve("leaky")).doesNotExist();
    }
}
