package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaceLandmarksFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsAn300WPtsFileWith68Points() throws IOException {
        List<String> lines = new ArrayList<>(List.of("version: 1", "n_points:  68", "{"));
        for (int i = 0; i < 68; i++) {
            lines.add(String.format(Locale.ROOT, "%.3f %.3f", 100 + i * 1.5, 200 - i * 0.25));
        }
        lines.add("}");
        FaceLandmarks landmarks = FaceLandmarksFile.read(write("image_001.pts", lines));
        assertThat(landmarks.hasFullSet()).isTrue();
        double[] xy = landmarks.xy();
        assertThat(xy).hasSize(136);
        assertThat(xy[0]).isEqualTo(100.0);
        assertThat(xy[1]).isEqualTo(200.0);
        assertThat(xy[134]).isEqualTo(100 + 67 * 1.5);
        assertThat(xy[135]).isEqualTo(200 - 67 * 0.25);
    }

    @Test
    void readsFivePointsAsCommaSeparatedText() throws IOException {
        Path file = write("five.txt", List.of("# x,y in pixels", "38.3,51.7", "73.5, 51.5", "", "56.0,71.7",
                "41.5,92.4", "70.7,92.2"));
        FaceLandmarks landmarks = FaceLandmarksFile.read(file);
        assertThat(landmarks.hasFullSet()).isFalse();
        assertThat(landmarks.xy()).containsExactly(38.3, 51.7, 73.5, 51.5, 56.0, 71.7, 41.5, 92.4, 70.7, 92.2);
    }

    @Test
    void readsSpaceSeparatedText() throws IOException {
        Path file = write("five.txt", List.of("38.3 51.7", "73.5\t51.5", "  56   71.7 ", "41.5 92.4", "70.7 92.2"));
        assertThat(FaceLandmarksFile.read(file).xy()).containsExactly(38.3, 51.7, 73.5, 51.5, 56, 71.7, 41.5, 92.4,
                70.7, 92.2);
    }

    @Test
    void aWrongNumberOfPointsIsRejectedNamingTheFile() throws IOException {
        Path six = write("six.txt", List.of("1,1", "2,2", "3,3", "4,4", "5,5", "6,6"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceLandmarksFile.read(six)).getMessage())
                .isEqualTo(six + ": 6 points, expected 5 or 68");
        Path short68 = write("short.pts", List.of("version: 1", "n_points: 68", "{", "1 1", "2 2", "}"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceLandmarksFile.read(short68)).getMessage())
                .isEqualTo(short68 + " line 6: 2 points, but n_points: 68");
        Path seven = write("seven.pts", List.of("version: 1", "n_points: 7", "{", "}"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceLandmarksFile.read(seven)).getMessage())
                .isEqualTo(seven + " line 2: n_points must be 5 or 68, got '7'");
    }

    @Test
    void aValueThatIsNoFiniteNumberIsNamedWithItsLine() throws IOException {
        Path text = write("bad.txt", List.of("1,1", "2,2", "", "3,abc", "4,4", "5,5"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceLandmarksFile.read(text)).getMessage())
                .isEqualTo(text + " line 4: 'abc' is not a number");
        Path pts = write("bad.pts", List.of("version: 1", "n_points: 5", "{", "1 1", "2 NaN", "3 3", "4 4", "5 5", "}"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceLandmarksFile.read(pts)).getMessage())
                .isEqualTo(pts + " line 5: 'NaN' is not finite");
        Path three = write("three.txt", List.of("1,1", "2,2,2"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> FaceLandmarksFile.read(three)).getMessage())
                .isEqualTo(three + " line 2: expected 'x,y' or 'x y', got '2,2,2'");
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(tmp.resolve(name), lines);
    }
}
