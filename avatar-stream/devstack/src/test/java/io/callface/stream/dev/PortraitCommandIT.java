package io.callface.stream.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `portrait` feeds one demo caller through the embedded stack with the shipped model and writes two PNG files. */
class PortraitCommandIT {
    @TempDir
    Path temp;

    @Test
    void writesTheWindowsSpectrogramAndTheFaceTheStreamMadeFromIt() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new PortraitCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--caller", "linus", "--out", temp.resolve("docs").toString(),
                        "--cache-dir", temp.resolve("cache").toString());

        assertThat(exit).as(err.toString()).isZero();
        BufferedImage spectrogram = ImageIO.read(temp.resolve("docs/demo-linus-spectrogram.png").toFile());
        assertThat(spectrogram.getWidth()).isEqualTo(598);
        assertThat(spectrogram.getHeight()).isEqualTo(257);
        BufferedImage face = ImageIO.read(temp.resolve("docs/demo-linus-face.png").toFile());
        assertThat(face.getWidth()).isEqualTo(128);
        assertThat(distinctColours(face)).as("a face, not a blank image").isGreaterThan(16);
        // The shipped model has an attribute head, so the stream said something of the caller beside the face.
        assertThat(out.toString()).contains("standup-1/linus, window 0: model 0.1.0, P(male) ");
    }

    @Test
    void refusesAnUnknownCallerAndACallTooShortForAFullWindow() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new PortraitCommand()).setErr(new PrintWriter(err));

        assertThat(command.execute("--caller", "nobody", "--out", temp.toString())).isEqualTo(2);
        assertThat(command.execute("--seconds", "8", "--out", temp.toString(), "--cache-dir", temp.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no caller 'nobody'", "full 6 s window");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
