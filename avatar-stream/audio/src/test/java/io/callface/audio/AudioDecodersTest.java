package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AudioDecodersTest {
    private static final int OPUS_RATE = 48_000;
    private static final int FRAME = OPUS_RATE / 50; // 20 ms

    /** Encodes {@code seconds} of a 440 Hz tone (same in every channel) as 20 ms Opus packets. */
    private static byte[][] opusTone(int channels, int packets) throws OpusException {
        OpusEncoder encoder = new OpusEncoder(OPUS_RATE, channels, OpusApplication.OPUS_APPLICATION_AUDIO);
        encoder.setBitrate(64_000);
        byte[][] out = new byte[packets][];
        short[] pcm = new short[FRAME * channels];
        byte[] packet = new byte[4000];
        for (int p = 0; p < packets; p++) {
            for (int i = 0; i < FRAME; i++) {
                short v = (short) (12000 * Math.sin(2 * Math.PI * 440 * (p * FRAME + i) / OPUS_RATE));
                Arrays.fill(pcm, i * channels, (i + 1) * channels, v);
            }
            int length = encoder.encode(pcm, 0, FRAME, packet, 0, packet.length);
            out[p] = Arrays.copyOf(packet, length);
        }
        return out;
    }

    private static double rms(float[] x, int from) {
        double sum = 0;
        for (int i = from; i < x.length; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / (x.length - from));
    }

    @Test
    void opusStreamsDecodeToSixteenKilohertzMono() throws OpusException {
        for (int channels = 1; channels <= 2; channels++) {
            StreamDecoder decoder = AudioDecoders.forStream(SampleEncoding.OPUS, OPUS_RATE, channels);
            assertThat(decoder.outputSampleRate()).isEqualTo(16_000);
            float[] all = new float[0];
            for (byte[] packet : opusTone(channels, 25)) {
                float[] pcm = decoder.decode(packet);
                assertThat(pcm).hasSize(320);
                int start = all.length;
                all = Arrays.copyOf(all, start + pcm.length);
                System.arraycopy(pcm, 0, all, start, pcm.length);
            }
            // Amplitude 12000/32768 -> RMS 0.259; lossy coding keeps it within a few percent after warm-up.
            assertThat(rms(all, 1600)).as("channels=%d", channels).isBetween(0.22, 0.30);
        }
    }

    @Test
    void corruptOpusPacketsAreTypedErrorsAndTheStreamRecovers() throws OpusException {
        StreamDecoder decoder = AudioDecoders.forStream(SampleEncoding.OPUS, OPUS_RATE, 1);
        // TOC code 3 (arbitrary frame count) with a frame count byte of 0 is invalid per RFC 6716 3.2.5.
        assertThatThrownBy(() -> decoder.decode(new byte[] {(byte) 0x03, 0x00}))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("payload: corrupt Opus packet");
        assertThatThrownBy(() -> decoder.decode(new byte[0]))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("payload: empty");
        assertThat(decoder.decode(opusTone(1, 1)[0])).hasSize(320);
    }

    @Test
    void packetsThatTripConcentusAssertionsAreTypedErrorsAndTheStreamRecovers() throws OpusException {
        StreamDecoder decoder = AudioDecoders.forStream(SampleEncoding.OPUS, OPUS_RATE, 1);
        // Found by a random search: after the first packet, Concentus fails the second with an AssertionError.
        HexFormat hex = HexFormat.of();
        decoder.decode(hex.parseHex("d021cb7b40aa3fb2a036cadbfd10b4729f07acea1f2447cc008e08bc6dfed59a7daf6bc7263c"));
        assertThatThrownBy(() -> decoder.decode(hex.parseHex("5de8e16ed9c8f42b51")))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("payload: corrupt Opus packet");
        assertThat(decoder.decode(opusTone(1, 1)[0])).hasSize(320);
    }

    @Test
    void sampleEncodingsDecodeAtTheDeclaredRate() {
        StreamDecoder decoder = AudioDecoders.forStream(SampleEncoding.MULAW, 8000, 1);
        assertThat(decoder.outputSampleRate()).isEqualTo(8000);
        assertThat(decoder.format()).isEqualTo(new StreamFormat(SampleEncoding.MULAW, 8000, 1));
        assertThat(decoder.decode(new byte[160])).hasSize(160);
    }
}
