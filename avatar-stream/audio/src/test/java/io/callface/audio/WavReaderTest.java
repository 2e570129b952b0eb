package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    /** A WAV file with a plain 16-byte 'fmt ' chunk, an unrelated 'LIST' chunk of odd length, and 'data'. */
    private static byte[] wav(int formatCode, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + 4 + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) formatCode).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put(ascii("LIST")).putInt(3).put(new byte[] {1, 2, 3, 0});
        b.put(ascii("data")).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void readsEveryIntegerWidthOnTheSameScale() {
        byte[] u8 = {(byte) 0x80, (byte) 0xC0, 0x00};
        assertThat(WavReader.read(wav(1, 1, 8000, 8, u8)).samples()).containsExactly(0f, 0.5f, -1f);
        byte[] s16 = le(6).putShort((short) 0).putShort((short) 16384).putShort(Short.MIN_VALUE).array();
        assertThat(WavReader.read(wav(1, 1, 8000, 16, s16)).samples()).containsExactly(0f, 0.5f, -1f);
        byte[] s24 = {0, 0, 0, 0, 0, 0x40, 0, 0, (byte) 0x80};
        assertThat(WavReader.read(wav(1, 1, 8000, 24, s24)).samples()).containsExactly(0f, 0.5f, -1f);
        byte[] s32 = le(12).putInt(0).putInt(1 << 30).putInt(Integer.MIN_VALUE).array();
        assertThat(WavReader.read(wav(1, 1, 8000, 32, s32)).samples()).containsExactly(0f, 0.5f, -1f);
        byte[] f32 = le(12).putFloat(0f).putFloat(0.5f).putFloat(-1f).array();
        Audio audio = WavReader.read(wav(3, 1, 44100, 32, f32));
        assertThat(audio.samples()).containsExactly(0f, 0.5f, -1f);
        assertThat(audio.sampleRate()).isEqualTo(44100);
    }

    @Test
    void mixesChannelsToMonoAndReadsExtensibleHeaders() {
        byte[] stereo = le(8).putShort((short) 16384).putShort((short) 0).putShort((short) -16384)
                .putShort((short) -16384).array();
        assertThat(WavReader.read(wav(1, 2, 22050, 16, stereo)).samples()).containsExactly(0.25f, -0.5f);

        ByteBuffer ext = le(12 + 48 + 8 + 6).put(ascii("RIFF")).putInt(12 + 48 + 8 + 6 - 8).put(ascii("WAVE"));
        ext.put(ascii("fmt ")).putInt(40).putShort((short) 0xFFFE).putShort((short) 3).putInt(48000)
                .putInt(48000 * 6).putShort((short) 6).putShort((short) 16).putShort((short) 22)
                .putShort((short) 16).putInt(7).putShort((short) 1).put(new byte[14]);
        ext.put(ascii("data")).putInt(6).putShort((short) 3000).putShort((short) 6000).putShort((short) 9000);
        assertThat(WavReader.read(ext.array()).samples()[0]).isCloseTo(6000 / 32768f, within(1e-7f));
    }

    @Test
    void rejectsWhatItCannotReadWithTheField() {
        assertThatThrownBy(() -> WavReader.read(ascii("OggS0000000000000000")))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("header: not a RIFF/WAVE file");
        assertThatThrownBy(() -> WavReader.read(wav(0x11, 1, 8000, 4, new byte[8])))
                .hasMessage("fmt.audioFormat: 0x11 is not supported "
                        + "(supported: 0x1 integer PCM, 0x3 IEEE float; compressed WAV is not)");
        assertThatThrownBy(() -> WavReader.read(wav(3, 1, 8000, 64, new byte[8])))
                .hasMessage("fmt.bitsPerSample: 64 is not supported for IEEE float (supported: 32)");
        assertThatThrownBy(() -> WavReader.read(wav(1, 1, 8000, 12, new byte[8])))
                .hasMessageStartingWith("fmt.bitsPerSample: 12 is not supported");
        assertThatThrownBy(() -> WavReader.read(wav(1, 2, 8000, 16, new byte[6])))
                .hasMessageStartingWith("data: truncated: 6 bytes");
        byte[] whole = wav(1, 1, 8000, 16, new byte[100]);
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, whole.length - 10)))
                .hasMessage("data: truncated: the chunk declares 100 bytes but only 90 remain");
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 12 + 24)))
                .hasMessageStartingWith("data: missing");
        assertThatThrownBy(() -> WavReader.read(Arrays.copyOf(whole, 12)))
                .hasMessageStartingWith("fmt: missing");
        byte[] nan = le(4).putFloat(Float.NaN).array();
        assertThatThrownBy(() -> WavReader.read(wav(3, 1, 8000, 32, nan)))
                .hasMessage("samples[0]: NaN is not a finite sample");
    }

    @Test
    void writerAndReaderRoundTripWithinOneQuantisationStep(@TempDir Path dir) throws IOException {
        float[] samples = new float[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.9 * Math.sin(i * 0.05) * Math.cos(i * 0.0031));
        }
        Path file = dir.resolve("tone.wav");
        WavWriter.write(file, new Audio(samples, 11025));
        Audio back = WavReader.read(file);
        assertThat(back.sampleRate()).isEqualTo(11025);
        float[] read = back.samples();
        assertThat(read).hasSize(samples.length);
        for (int i = 0; i < samples.length; i++) {
            assertThat(read[i]).isCloseTo(samples[i], within(0.5f / 32768f + 1e-7f));
        }
        assertThatThrownBy(() -> WavWriter.toBytes(new Audio(new float[] {0f, 2f}, 8000)))
                .isInstanceOf(AudioFormatException.class).hasMessage("samples[1]: 2.0 is outside [-1, 1]");
    }
}
