package io.callface.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.audio.Audio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.javaflacencoder.FLAC_FileEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsStereo24BitWavAsTheMeanOfItsChannels() throws IOException {
        float[] tone = tone(44_100, 0.5);
        Path wav = dir.resolve("tone.wav");
        RealCorpusFixture.writeWav24Stereo(wav, tone, 44_100);

        Audio audio = AudioFiles.read(wav);

        assertThat(audio.sampleRate()).isEqualTo(44_100);
        assertThat(audio.length()).isEqualTo(tone.length);
        // Left the tone, right 0.8 of it: the mono mix is 0.9 of the tone, to 24-bit precision.
        for (int i = 0; i < tone.length; i += 97) {
            assertThat(audio.samples()[i]).isCloseTo(0.9f * tone[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void readsFlacWhateverTheFileIsCalled() throws IOException {
        float[] tone = tone(48_000, 0.7);
        Path wav = dir.resolve("tone-16.wav");
        Files.write(wav, pcm16StereoWav(tone, 48_000));
        Path flac = dir.resolve("recording.bin");
        assertThat(new FLAC_FileEncoder().encode(wav.toFile(), flac.toFile()))
                .isEqualTo(FLAC_FileEncoder.Status.FULL_ENCODE);

        Audio audio = AudioFiles.read(flac);

        assertThat(audio.sampleRate()).isEqualTo(48_000);
        assertThat(audio.length()).isEqualTo(tone.length);
        for (int i = 0; i < tone.length; i += 89) {
            assertThat(audio.samples()[i]).isCloseTo(tone[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void anythingElseIsAnErrorNamingTheFile() throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "hello", StandardCharsets.US_ASCII);
        Path truncatedFlac = dir.resolve("cut.flac");
        Files.write(truncatedFlac, new byte[] {'f', 'L', 'a', 'C', 0, 0});

        assertThatThrownBy(() -> AudioFiles.read(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("audio " + text + ": ").hasMessageContaining("RIFF");
        assertThatThrownBy(() -> AudioFiles.read(truncatedFlac)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("audio " + truncatedFlac + ": ");
        assertThatThrownBy(() -> AudioFiles.read(dir.resolve("absent.wav"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent.wav");
    }

    private static float[] tone(int rate, double seconds) {
        float[] samples = new float[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.4 * Math.sin(2 * Math.PI * 220 * i / rate) + 0.2 * Math.sin(2 * Math.PI * 1_330 * i / rate));
        }
        return samples;
    }

    /** Both channels the same, so FLAC's mono mix is the tone itself. */
    private static byte[] pcm16StereoWav(float[] samples, int rate) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 4)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 4);
        for (float s : samples) {
            short v = (short) Math.round(s * 32767);
            b.putShort(v).putShort(v);
        }
        return b.array();
    }
}
