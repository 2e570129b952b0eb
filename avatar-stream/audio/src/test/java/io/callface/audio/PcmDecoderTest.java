package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PcmDecoderTest {
    private static byte[] s16(short... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    private static byte[] f32(float... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            b.putFloat(s);
        }
        return b.array();
    }

    @Test
    void s16DividesBy32768() {
        float[] out = PcmDecoder.decode(s16((short) 0, (short) 16384, Short.MIN_VALUE, Short.MAX_VALUE),
                SampleEncoding.PCM_S16LE, 1);
        assertThat(out).containsExactly(0f, 0.5f, -1f, 32767f / 32768f);
    }

    @Test
    void interleavedChannelsAreMixedByTheirMean() {
        float[] out = PcmDecoder.decode(s16((short) 16384, (short) 0, (short) -8192, (short) -8192),
                SampleEncoding.PCM_S16LE, 2);
        assertThat(out).containsExactly(0.25f, -0.25f);
        float[] three = PcmDecoder.decode(f32(0.3f, 0.6f, 0.9f), SampleEncoding.PCM_F32LE, 3);
        assertThat(three[0]).isCloseTo(0.6f, within(1e-6f));
    }

    @Test
    void g711PayloadsUseTheExpansionTables() {
        float[] mu = PcmDecoder.decode(new byte[] {(byte) 0x80, (byte) 0xFF}, SampleEncoding.MULAW, 1);
        assertThat(mu).containsExactly(32124 / 32768f, 0f);
        float[] a = PcmDecoder.decode(new byte[] {(byte) 0xAA, (byte) 0x55}, SampleEncoding.ALAW, 1);
        assertThat(a).containsExactly(32256 / 32768f, -8 / 32768f);
    }

    @Test
    void f32RejectsNonFiniteAndOutOfRangeSamplesNamingTheIndex() {
        assertThatThrownBy(() -> PcmDecoder.decode(f32(0f, 0.1f, Float.NaN), SampleEncoding.PCM_F32LE, 1))
                .isInstanceOf(AudioFormatException.class).hasMessage("samples[2]: NaN is not a finite sample");
        assertThatThrownBy(() -> PcmDecoder.decode(f32(Float.POSITIVE_INFINITY), SampleEncoding.PCM_F32LE, 1))
                .hasMessageStartingWith("samples[0]: Infinity");
        assertThatThrownBy(() -> PcmDecoder.decode(f32(0f, -1.5f), SampleEncoding.PCM_F32LE, 1))
                .hasMessage("samples[1]: -1.5 is outside [-1, 1]");
    }

    @Test
    void truncatedAndEmptyPayloadsAreRejected() {
        assertThatThrownBy(() -> PcmDecoder.decode(new byte[3], SampleEncoding.PCM_S16LE, 1))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("payload: 3 bytes is not a whole number of 1-channel PCM_S16LE frames (2 bytes each)");
        assertThatThrownBy(() -> PcmDecoder.decode(new byte[6], SampleEncoding.PCM_S16LE, 2))
                .hasMessageContaining("2-channel PCM_S16LE frames (4 bytes each)");
        assertThatThrownBy(() -> PcmDecoder.decode(new byte[0], SampleEncoding.MULAW, 1))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("payload: empty");
        assertThatThrownBy(() -> PcmDecoder.decode(new byte[4], SampleEncoding.OPUS, 1))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("encoding:");
    }

    @Test
    void encodingNamesAndStreamFormatsAreValidated() {
        assertThat(SampleEncoding.of(" pcm_s16le ")).isEqualTo(SampleEncoding.PCM_S16LE);
        assertThatThrownBy(() -> SampleEncoding.of("GSM"))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("encoding: 'GSM' is not supported (supported: PCM_S16LE, PCM_F32LE, MULAW, ALAW, OPUS)");
        assertThatThrownBy(() -> new StreamFormat(SampleEncoding.PCM_S16LE, 12345, 1))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("sampleRate: 12345 Hz is not supported "
                        + "(supported: 8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)")
                .extracting(e -> ((AudioFormatException) e).field()).isEqualTo("sampleRate");
        assertThatThrownBy(() -> new StreamFormat(SampleEncoding.OPUS, 48000, 3))
                .hasMessage("channels: 3 is not supported for OPUS (supported: 1..2)");
        assertThatThrownBy(() -> new StreamFormat(SampleEncoding.MULAW, 8000, 0))
                .hasMessage("channels: 0 is not supported for MULAW (supported: 1..8)");
    }
}
