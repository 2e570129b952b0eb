package io.callface.stream.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.audio.G711;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceLoopsTest {
    @Test
    void everyCodecGets20msPayloadsThatLoopEverySecond() {
        VoiceLoops loops = VoiceLoops.encode(Codec.DEFAULT_MIX);

        assertThat(loops.voicedChunk(Codec.PCM16_16K, 0, 0)).hasSize(640);
        assertThat(loops.voicedChunk(Codec.MULAW_8K, 1, 3)).hasSize(160);
        assertThat(loops.voicedChunk(Codec.ALAW_8K, 2, 7)).hasSize(160);
        assertThat(loops.voicedChunk(Codec.F32_48K, 3, 9)).hasSize(3_840);
        assertThat(loops.voicedChunk(Codec.OPUS_48K, 4, 11)).isNotEmpty().hasSizeLessThan(400);
        assertThat(loops.voicedChunk(Codec.PCM16_16K, 5, VoiceLoops.LOOP_CHUNKS + 2))
                .isEqualTo(loops.voicedChunk(Codec.PCM16_16K, 5, 2));
        assertThat(loops.voicedChunk(Codec.PCM16_16K, 5, 2)).isNotEqualTo(loops.voicedChunk(Codec.PCM16_16K, 6, 2));
        assertThat(loops.silentChunk(Codec.PCM16_16K)).containsOnly(0);
        for (byte code : loops.silentChunk(Codec.MULAW_8K)) {
            assertThat(G711.muLawToLinear(code)).isZero();
        }
    }

    @Test
    void theSignalLoopsWithoutASeamAndStaysInRange() {
        float[] second = VoiceLoops.signal(8_000, VoiceLoops.fundamentalHz(7));

        float largestStep = 0;
        for (int i = 1; i < second.length; i++) {
            largestStep = Math.max(largestStep, Math.abs(second[i] - second[i - 1]));
            assertThat(second[i]).isBetween(-1f, 1f);
        }
        // From the last sample back to the first is one more ordinary step.
        assertThat(Math.abs(second[0] - second[second.length - 1])).isLessThanOrEqualTo(largestStep);
    }

    @Test
    void onlyEncodedCodecsCanBeAskedFor() {
        VoiceLoops loops = VoiceLoops.encode(List.of(Codec.PCM16_16K));

        assertThatThrownBy(() -> loops.silentChunk(Codec.OPUS_48K)).hasMessageContaining("OPUS_48K");
    }
}
