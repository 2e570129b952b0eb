package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingsCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsRowsWithAndWithoutLandmarksRelativeAndAbsolute() throws IOException {
        Path elsewhere = dir.resolveSibling("elsewhere.flac");
        write("identity,split,audio,face,landmarks",
                "ada,train,audio/a.wav,photos/a.jpg,photos/a.pts",
                "ada,train," + elsewhere + ",photos/a2.png,",
                "",
                "bob,test,audio/b.flac,photos/b.jpg,photos/b.csv");

        RecordingsCsv.Rows rows = RecordingsCsv.read(dir);

        assertThat(rows.problems()).isEmpty();
        assertThat(rows.recordings()).extracting(Recording::line).containsExactly(2, 3, 5);
        Recording first = rows.recordings().get(0);
        assertThat(first.identity()).isEqualTo("ada");
        assertThat(first.split()).isEqualTo(Split.TRAIN);
        assertThat(first.audio()).isEqualTo(dir.resolve("audio/a.wav").toAbsolutePath().normalize());
        assertThat(first.landmarks()).contains(dir.resolve("photos/a.pts").toAbsolutePath().normalize());
        assertThat(rows.recordings().get(1).audio()).isEqualTo(elsewhere.toAbsolutePath().normalize());
        assertThat(rows.recordings().get(1).landmarks()).isEmpty();
    }

    @Test
    void theLandmarksColumnIsOptional() throws IOException {
        write("identity,split,audio,face", "ada,val,a.wav,a.jpg");

        assertThat(RecordingsCsv.read(dir).recordings()).singleElement()
                .satisfies(r -> assertThat(r.landmarks()).isEmpty());
    }

    @Test
    void aVoiceOnlySpeakerIsReadWithItsSplit() throws IOException {
        write("identity,split,audio,face,landmarks", "zoe,voice,z.wav,z.jpg,z.pts");

        assertThat(RecordingsCsv.read(dir).recordings()).singleElement()
                .satisfies(r -> assertThat(r.split()).isEqualTo(Split.VOICE));
    }

    @Test
    void badRowsAreSkippedWithTheirLineNumbers() throws IOException {
        write("identity,split,audio,face,landmarks",
                "ada,train,a.wav,a.jpg,a.pts",
                "ada,test,a2.wav,a.jpg,a.pts",
                "bob,dev,b.wav,b.jpg,b.pts",
                "carl,train,c.wav,c.jpg",
                "dora,train,,d.jpg,d.pts",
                "../eve,train,e.wav,e.jpg,e.pts",
                "fay,train,\"f,1.wav\",f.jpg,f.pts");

        RecordingsCsv.Rows rows = RecordingsCsv.read(dir);

        assertThat(rows.recordings()).extracting(Recording::identity).containsExactly("ada");
        assertThat(rows.problems()).containsExactly(
                "recordings.csv line 3: split: 'test' disagrees with the 'train' of an earlier row of ada",
                "recordings.csv line 4: split: 'dev' is not one of train, val, test, voice",
                "recordings.csv line 5: expected 5 columns, found 4",
                "recordings.csv line 6: audio: must not be blank",
                "recordings.csv line 7: identity: '../eve' must be letters, digits, '.', '_' or '-' "
                        + "(it names files of the prepared corpus)",
                "recordings.csv line 8: quoted fields are not supported; paths must not hold commas or quotes");
    }

    @Test
    void aWrongHeaderOrNoUsableRowIsAnError() throws IOException {
        write("speaker,split,audio,face", "ada,train,a.wav,a.jpg");
        assertThatThrownBy(() -> RecordingsCsv.read(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("line 1: header 'speaker,split,audio,face'");

        write("identity,split,audio,face", "ada,dev,a.wav,a.jpg");
        assertThatThrownBy(() -> RecordingsCsv.read(dir)).isInstanceOf(CorpusFormatException.class)
                .hasMessageContaining("no usable rows (1 bad)").hasMessageContaining("line 2: split: 'dev'");
    }

    private void write(String... lines) throws IOException {
        Files.writeString(dir.resolve(RecordingsCsv.FILE), String.join("\n", lines) + "\n");
    }
}
