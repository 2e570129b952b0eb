package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callface.audio.SampleEncoding;
import io.callface.audio.StreamFormat;
import io.callface.stream.testing.TestAudio;
import org.junit.jupiter.api.Test;

class ChunkEntryTest {
    @Test
    void aBufferedEntryIsReadInPlaceAsItsDecodedForm() {
        byte[] pcm16 = TestAudio.pcm16(TestAudio.voiced(4, 1));
        byte[] value = new ChunkEntry.Buffered(1_234_567L, pcm16).toBytes();
        float[] target = new float[330];

        int written = ChunkEntry.Buffered.decodeInto(value, target, 10);

        assertThat(written).isEqualTo(320);
        assertThat(ChunkEntry.Buffered.samplesOf(value)).isEqualTo(320);
        assertThat(ChunkEntry.Buffered.captureMsOf(value)).isEqualTo(1_234_567L);
        ChunkEntry.Buffered parsed = (ChunkEntry.Buffered) ChunkEntry.fromBytes(value);
        assertThat(parsed.pcm16()).containsExactly(pcm16);
        assertThat(java.util.Arrays.copyOfRange(target, 10, 330)).containsExactly(StoredAudio.decode(pcm16));
    }

    @Test
    void readingAWaitingEntryAsBufferedIsAnError() {
        byte[] waiting = new ChunkEntry.Waiting(new StreamFormat(SampleEncoding.PCM_S16LE, 16_000, 1), 5L, false,
                new byte[640]).toBytes();

        assertThat(assertThrows(IllegalStateException.class, () -> ChunkEntry.Buffered.captureMsOf(waiting)))
                .hasMessageContaining("kind 0");
    }
}
