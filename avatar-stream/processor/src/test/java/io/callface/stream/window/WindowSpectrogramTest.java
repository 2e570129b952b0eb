package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.audio.Spectrogram;
import io.callface.audio.SpeechSegment;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowSpectrogramTest {
    private final WindowSpectrogram windowSpectrogram = new WindowSpectrogram();

    /** One chunk, 3 s, 3 s + 7 hops, 4 s, one hop short of 6 s, 6 s, over 6 s, and lengths of no whole hop. */
    @ParameterizedTest
    @ValueSource(ints = {320, 48_000, 49_120, 64_000, 95_840, 96_000, 100_000, 48_100, 400, 95_999})
    void isExactlyTheSpectrogramOfTheAudioRepeatedToSixSeconds(int samples) {
        float[] audio = new float[samples];
        Random random = new Random(samples);
        for (int i = 0; i < samples; i++) {
            audio[i] = (float) (random.nextGaussian() * 0.2);
        }

        float[] expected = new Spectrogram().compute(SpeechSegment.toSixSeconds(audio));

        assertThat(windowSpectrogram.compute(audio)).containsExactly(expected);
        assertThat(expected).hasSize(2 * WindowSpectrogram.frames() * Spectrogram.BINS);
    }
}
