package io.callface.stream.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.audio.Spectrogram;
import io.callface.audio.VoicedWindows;
import io.callface.stream.window.SpeakerId;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPortraitTest {
    @Test
    void theSpectrogramIsThatOfTheFirstFullWindowTheStreamCuts() throws IOException {
        CallerAudio grace = DemoCallers.round(1, 12.5, List.of(), DemoCallers.SEED).get(1);
        VoicedWindows.Window full = VoicedWindows.of(AudioFeeder.asHeard(grace.samples())).get(1);
        assertThat(full.provisional()).isFalse();

        float[] spectrogram = DemoPortrait.firstWindowSpectrogram(grace);

        assertThat(DemoPortrait.FRAMES).isEqualTo(598);
        assertThat(spectrogram).hasSize(2 * 598 * Spectrogram.BINS).isEqualTo(new Spectrogram().compute(full.audio()));
        // Not the call's first 6 s: the stream's window holds only the chunks its voice gate passed.
        float[] firstSixSeconds = Arrays.copyOf(AudioFeeder.asHeard(grace.samples()), 96_000);
        assertThat(spectrogram).isNotEqualTo(new Spectrogram().compute(firstSixSeconds));
    }

    @Test
    void refusesACallerWithoutAFullWindowOrAtAnotherRate() throws IOException {
        CallerAudio shortCall = DemoCallers.round(1, 8, List.of(), DemoCallers.SEED).get(0);
        assertThatThrownBy(() -> DemoPortrait.firstWindowSpectrogram(shortCall))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full 6 s window");
        CallerAudio narrowband = new CallerAudio(new SpeakerId("c", "p"), new float[8_000 * 10], 8_000);
        assertThatThrownBy(() -> DemoPortrait.firstWindowSpectrogram(narrowband))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 kHz");
    }
}
