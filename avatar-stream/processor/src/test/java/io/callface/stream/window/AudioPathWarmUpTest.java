package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.stream.synth.Codec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AudioPathWarmUpTest {
    @Test
    void runsEveryCodecsVoicedChunksAndWholeWindowsThroughThePath() {
        AudioPathWarmUp.Result result = AudioPathWarmUp.run(Duration.ofMillis(300));

        // At least one window's worth of chunks, so both spectrogram paths ran.
        assertThat(result.chunks()).isGreaterThanOrEqualTo(300L).isEqualTo(result.chunks() / (2L * Codec.values().length) * 2L * Codec.values().length);
        assertThat(result.spectrograms()).isPositive().isEven();
        // The synthetic voices are voiced after every codec: the path taken is the one calls take.
        assertThat(result.voicedChunks()).isGreaterThan(result.chunks() * 9 / 10);
        assertThat(result.elapsedMs()).isGreaterThanOrEqualTo(300L);
    }

    @Test
    void aZeroBudgetDoesNothing() {
        assertThat(AudioPathWarmUp.run(Duration.ZERO)).isEqualTo(new AudioPathWarmUp.Result(0, 0, 0, 0));
    }
}
