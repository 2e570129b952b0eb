package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioFrontEndTest {
    @Test
    void aStreamOfPayloadsGivesTheOneShotSamplesMinusTheFilterTail() {
        int rate = 22_050;
        float[] signal = VoiceActivityDetectorTest.vowel(rate, 0.2, 21);
        ByteBuffer pcm = ByteBuffer.allocate(signal.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : signal) {
            pcm.putShort((short) Math.round(s * 32767));
        }
        byte[] bytes = pcm.array();
        StreamFrontEnd stream = AudioFrontEnd.forStream(SampleEncoding.PCM_S16LE, rate, 1);
        float[] streamed = new float[0];
        for (int at = 0; at < bytes.length; at += 882) { // 20 ms payloads
            float[] part = stream.to16kMono(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 882)));
            int before = streamed.length;
            streamed = Arrays.copyOf(streamed, before + part.length);
            System.arraycopy(part, 0, streamed, before, part.length);
        }
        float[] oneShot = AudioFrontEnd.to16kMono(PcmDecoder.decode(bytes, SampleEncoding.PCM_S16LE, 1), rate);
        // Only the last few milliseconds wait for input that has not arrived.
        assertThat(oneShot.length - streamed.length).isBetween(0, 16_000 * 8 / 1000);
        assertThat(streamed).containsExactly(Arrays.copyOf(oneShot, streamed.length));
        assertThat(stream.format()).isEqualTo(new StreamFormat(SampleEncoding.PCM_S16LE, rate, 1));
    }

    @Test
    void unsupportedDeclarationsFailBeforeAnyPayload() {
        assertThatThrownBy(() -> AudioFrontEnd.forStream(SampleEncoding.PCM_S16LE, 96_000, 1))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("sampleRate: 96000 Hz");
    }
}
