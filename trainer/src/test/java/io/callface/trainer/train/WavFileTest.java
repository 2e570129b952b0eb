package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.trainer.synth.CorpusFormatException;
import io.callface.trainer.synth.CorpusManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsACorpusClipAt16kHzAndItsSpectrograms() throws IOException {
        Path audio = CorpusManifest.read(TestCorpus.write(tmp, 2, 1, 1, 5)).clips().get(0).audio();

        // TestCorpus writes 6.2 s clips at 16 kHz.
        assertThat(WavFile.readMono16k(audio)).hasSize((int) (6.2 * 16_000));
        SpectrogramCache spectrograms = new SpectrogramCache(1);
        assertThat(spectrograms.sixSeconds(audio)).hasSize(SpectrogramCache.sixSecondSize());
        assertThat(spectrograms.threeSeconds(audio)).hasSize(SpectrogramCache.sixSecondSize());
    }

    @Test
    void nonWaveAudioIsACorpusProblemNamingTheFile() throws IOException {
        Path file = tmp.resolve("x.wav");
        Files.write(file, new byte[64]);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WavFile.readMono16k(file));
        assertThat(e.getMessage()).contains(file.toString()).contains("not a RIFF/WAVE");
    }

    @Test
    void aMissingClipIsACorpusProblem() {
        Path file = tmp.resolve("gone.wav");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> WavFile.readMono16k(file));
        assertThat(e.getMessage()).startsWith("cannot read audio " + file);
    }
}
