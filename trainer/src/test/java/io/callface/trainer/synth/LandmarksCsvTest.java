package io.callface.trainer.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarksCsvTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndReadsBack68Points() throws IOException {
        float[] points = new float[2 * LandmarksCsv.POINTS];
        for (int i = 0; i < points.length; i++) {
            points[i] = i / (float) points.length;
        }
        Path file = tmp.resolve("a.landmarks.csv");
        LandmarksCsv.write(file, points);
        assertThat(LandmarksCsv.read(file)).containsExactly(points, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void aFaceAlignedFromFivePointsSaysItsLandmarksAreUnknown() throws IOException {
        Path unknown = tmp.resolve("five.landmarks.csv");
        LandmarksCsv.writeUnknown(unknown);
        Path known = write(Collections.nCopies(68, "0.25,0.75"));

        assertThat(LandmarksCsv.readIfKnown(unknown)).isEmpty();
        assertThat(LandmarksCsv.readIfKnown(known)).hasValueSatisfying(p -> assertThat(p).hasSize(136).contains(0.75f));
        // Strict elsewhere: read() wants the 68 points.
        assertThrows(CorpusFormatException.class, () -> LandmarksCsv.read(unknown));
    }

    @Test
    void aWrongNumberOfLinesIsNamed() throws IOException {
        Path file = write(Collections.nCopies(67, "0.5,0.5"));
        assertThat(assertThrows(CorpusFormatException.class, () -> LandmarksCsv.read(file)).getMessage())
                .isEqualTo(file + ": expected 68 landmark lines, found 67");
    }

    @Test
    void aMalformedOrOutOfRangeValueIsNamedWithItsLine() throws IOException {
        assertThat(failure(3, "0.5;0.5")).contains(" line 3: expected 'x,y', got '0.5;0.5'");
        assertThat(failure(7, "0.5,abc")).contains(" line 7: 'abc' is not a number");
        assertThat(failure(68, "-0.1,0.5")).contains(" line 68: -0.1 is outside [0, 1]");
    }

    private String failure(int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Collections.nCopies(68, "0.5,0.5"));
        lines.set(line - 1, text);
        Path file = write(lines);
        String message = assertThrows(CorpusFormatException.class, () -> LandmarksCsv.read(file)).getMessage();
        assertThat(message).startsWith(file.toString());
        return message;
    }

    private Path write(List<String> lines) throws IOException {
        Path file = Files.createTempFile(tmp, "face", ".landmarks.csv");
        Files.write(file, lines);
        return file;
    }
}
