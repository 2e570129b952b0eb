package io.callface.stream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.Audio;
import io.callface.audio.AudioFrontEnd;
import io.callface.audio.Spectrogram;
import io.callface.audio.WavReader;
import io.callface.audio.WavWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SpectrogramCommandTest {
    private static final Pattern SHAPE = Pattern.compile("'shape': \\((\\d+), (\\d+), (\\d+)\\)");

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SpectrogramCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path tone(String name, int rate, double seconds) throws IOException {
        float[] x = new float[(int) (rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate) + 0.1 * Math.sin(2 * Math.PI * 1900 * i / rate));
        }
        Path file = dir.resolve(name);
        WavWriter.write(file, new Audio(x, rate));
        return file;
    }

    /** The .npy header's shape and the float32 data after it. */
    private record Npy(int[] shape, float[] data) {
        static Npy read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
            assertThat(header).contains("'descr': '<f4'").contains("'fortran_order': False");
            Matcher m = SHAPE.matcher(header);
            assertThat(m.find()).as(header).isTrue();
            int[] shape = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
            float[] data = new float[(bytes.length - 10 - headerLength) / 4];
            ByteBuffer.wrap(bytes, 10 + headerLength, data.length * 4).order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer().get(data);
            return new Npy(shape, data);
        }
    }

    @Test
    void writesTheStreamsSpectrogramOfAResampledWav() throws IOException {
        Path wav = tone("in.wav", 44_100, 1.5);
        Path npy = dir.resolve("out.npy");
        assertThat(run(wav.toString(), npy.toString())).as(err.toString()).isZero();

        Npy result = Npy.read(npy);
        int frames = Spectrogram.frameCount(24_000); // 1.5 s at 16 kHz
        assertThat(result.shape()).containsExactly(2, frames, 257);
        float[] expected = new Spectrogram().compute(AudioFrontEnd.to16kMono(WavReader.read(wav)));
        assertThat(result.data()).containsExactly(expected);
        assertThat(out.toString()).contains("[2, " + frames + ", 257] float32");
    }

    @Test
    void sixSecondsOptionAppliesThePapersSegmentRule() throws IOException {
        Path npy = dir.resolve("six.npy");
        assertThat(run("--six-seconds", tone("short.wav", 8000, 0.7).toString(), npy.toString())).isZero();
        assertThat(Npy.read(npy).shape()).containsExactly(2, 598, 257);
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws IOException {
        Path notWav = Files.writeString(dir.resolve("notes.wav"), "definitely not audio");
        assertThat(run(notWav.toString(), dir.resolve("a.npy").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("header: not a RIFF/WAVE file");

        assertThat(run(tone("odd.wav", 12_345, 0.5).toString(), dir.resolve("b.npy").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("sampleRate: 12345 Hz is not supported");

        assertThat(run(tone("blip.wav", 16_000, 0.01).toString(), dir.resolve("c.npy").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("samples: 160 samples is shorter than one 400-sample frame");

        assertThat(run(dir.resolve("missing.wav").toString(), dir.resolve("d.npy").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.wav: cannot read");

        assertThat(run("--six-seconds", tone("empty.wav", 16_000, 0).toString(), dir.resolve("e.npy").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("samples: an empty segment cannot be repeated");

        assertThat(run("only-one-argument.wav")).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("a.npy"))).isFalse();
    }
}
