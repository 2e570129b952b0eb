package io.callface.trainer.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.synth.Sex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechManifestTest {
    @TempDir
    Path tmp;

    @Test
    void rowsAreReadRelativeToTheManifestAndBadOnesReportedWithTheirLine() throws IOException {
        Files.createDirectories(tmp.resolve("wav"));
        Files.write(tmp.resolve("wav/a.wav"), new byte[] {1});
        Files.write(tmp.resolve("wav/b.wav"), new byte[] {2});
        Path csv = tmp.resolve("speech.csv");
        Files.writeString(csv, String.join("\n", "file,sex,age", "wav/a.wav,male,34", "wav/b.wav,F,", "",
                "wav/missing.wav,male,30", "wav/a.wav,other,30", "wav/a.wav,female,old", "wav/a.wav,female"));

        SpeechManifest manifest = SpeechManifest.read(csv);

        assertThat(manifest.files()).containsExactly(
                new SpeechFile(tmp.resolve("wav/a.wav"), Sex.MALE, OptionalDouble.of(34)),
                new SpeechFile(tmp.resolve("wav/b.wav"), Sex.FEMALE, OptionalDouble.empty()));
        assertThat(manifest.problems()).hasSize(4);
        assertThat(manifest.problems().get(0)).startsWith("speech.csv line 5: file:").contains("does not exist");
        assertThat(manifest.problems().get(1)).startsWith("speech.csv line 6: sex: 'other'");
        assertThat(manifest.problems().get(2)).startsWith("speech.csv line 7: age: 'old'");
        assertThat(manifest.problems().get(3)).isEqualTo("speech.csv line 8: 2 columns, expected 3");
    }

    @Test
    void aManifestWithoutAgesNeedsNoThirdColumnAndAWrongHeaderIsRefused() throws IOException {
        Files.write(tmp.resolve("a.wav"), new byte[] {1});
        Path twoColumns = tmp.resolve("two.csv");
        Files.writeString(twoColumns, "file,sex\na.wav,female\n");
        Path wrong = tmp.resolve("wrong.csv");
        Files.writeString(wrong, "path,gender\na.wav,female\n");

        assertThat(SpeechManifest.read(twoColumns).files())
                .containsExactly(new SpeechFile(tmp.resolve("a.wav"), Sex.FEMALE, OptionalDouble.empty()));
        assertThatThrownBy(() -> SpeechManifest.read(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: the header must be 'file,sex' or 'file,sex,age'");
    }
}
