package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path tmp;

    @Test
    void readsSplitsIdentitiesFacesAndAudio() {
        Corpus corpus = Corpus.read(TestCorpus.write(tmp, 4, 2, 1, 5));
        assertThat(corpus.identities(Split.TRAIN)).containsExactly("id000", "id001", "id002");
        assertThat(corpus.entries(Split.TEST)).hasSize(2);
        CorpusEntry entry = corpus.entries().get(0);
        FaceSample face = FaceSample.load(entry, 32);
        float[] image = new float[3 * 32 * 32];
        face.copyImage(image, 0);
        for (float v : image) {
            assertThat(v).isBetween(0f, 1f);
        }
        float[] spectrogram = new SpectrogramCache().threeSeconds(entry.audio());
        assertThat(spectrogram).hasSize(SpectrogramCache.sixSecondSize());
        assertThat(WavFile.readMono16k(entry.audio()).length).isEqualTo((int) (6.2 * 16_000));
    }

    @Test
    void badManifestsNameTheProblem() throws Exception {
        Files.writeString(tmp.resolve(Corpus.MANIFEST), "who,what\n");
        assertThatThrownBy(() -> Corpus.read(tmp)).isInstanceOf(CorpusException.class).hasMessageContaining("header");
        Files.write(tmp.resolve(Corpus.MANIFEST), List.of(Corpus.HEADER, "a,train,audio/a.wav,faces/a.png"));
        assertThatThrownBy(() -> Corpus.read(tmp)).hasMessageContaining("audio file");
        Files.write(tmp.resolve(Corpus.MANIFEST), List.of(Corpus.HEADER, "a,holdout,x,y"));
        assertThatThrownBy(() -> Corpus.read(tmp)).hasMessageContaining("split: expected train, val or test, got 'holdout'");
    }

    @Test
    void nonWaveAudioIsRejected() throws Exception {
        Path file = tmp.resolve("x.wav");
        Files.write(file, new byte[64]);
        assertThatThrownBy(() -> WavFile.readMono16k(file)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("not a RIFF/WAVE");
    }

    @Test
    void trailingSingletonBatchesJoinThePreviousOne() {
        List<int[]> batches = MiniBatches.shuffled(9, 4, new java.util.Random(1));
        assertThat(batches).hasSize(2);
        assertThat(batches.stream().mapToInt(b -> b.length).sum()).isEqualTo(9);
        assertThat(MiniBatches.shuffled(9, 4, new java.util.Random(1)).get(0))
                .containsExactly(batches.get(0));
    }
}
