package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.audio.PcmDecoder;
import io.callface.audio.SampleEncoding;
import io.callface.audio.StreamFormat;
import io.callface.stream.testing.TestAudio;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkAudioTest {
    private static final StreamFormat PCM16_16K_MONO = new StreamFormat(SampleEncoding.PCM_S16LE, 16_000, 1);

    private final ChunkAudio audio = new ChunkAudio();

    @Test
    void sixteenKilohertzMonoPcm16IsDecodedAsThePcmDecoderDoesAndStoredAsItsOwnPayload() {
        byte[] payload = new byte[640];
        new Random(3).nextBytes(payload); // every 16-bit value, extremes included
        payload[0] = 0;
        payload[1] = (byte) 0x80; // -32768

        ChunkAudio.Decoded decoded = audio.decode("c/a", 0, PCM16_16K_MONO, payload);

        assertThat(decoded.samples()).containsExactly(PcmDecoder.decode(payload, SampleEncoding.PCM_S16LE, 1));
        assertThat(decoded.stored()).isSameAs(payload);
        assertThat(StoredAudio.encode(decoded.samples())).containsExactly(payload);
    }

    @Test
    void otherFormatsGoThroughTheFrontEndAndAreStoredAsPcm16() {
        byte[] stereo = TestAudio.pcm16(TestAudio.voiced(0, 2)); // 640 samples read as 320 stereo frames
        StreamFormat format = new StreamFormat(SampleEncoding.PCM_S16LE, 16_000, 2);

        ChunkAudio.Decoded decoded = audio.decode("c/a", 0, format, stereo);

        assertThat(decoded.samples()).containsExactly(PcmDecoder.decode(stereo, SampleEncoding.PCM_S16LE, 2));
        assertThat(decoded.stored()).containsExactly(StoredAudio.encode(decoded.samples()));
        assertThat(decoded.voiced()).isTrue();
    }

    @Test
    void aVoicedChunkIsVoicedAndSilenceIsNot() {
        assertThat(audio.decode("c/a", 0, PCM16_16K_MONO, TestAudio.pcm16(TestAudio.voiced(0, 1))).voiced()).isTrue();
        assertThat(audio.decode("c/b", 0, PCM16_16K_MONO, new byte[640]).voiced()).isFalse();
    }

    @Test
    void aPcm16PayloadOfAnOddLengthIsRejectedNamingTheChunk() {
        InvalidChunkException e = assertThrows(InvalidChunkException.class,
                () -> audio.decode("c/a", 7, PCM16_16K_MONO, new byte[641]));
        assertThat(e).hasMessageContaining("chunk 7").hasMessageContaining("641");
    }
}
