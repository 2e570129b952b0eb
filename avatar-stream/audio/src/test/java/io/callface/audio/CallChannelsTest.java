package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CallChannelsTest {
    private static final int RATE = Spectrogram.SAMPLE_RATE;

    private static float[] tone(double hz, double seconds) {
        float[] samples = new float[(int) (RATE * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return samples;
    }

    /** Mean square over the middle half, away from the resampler's and codec's start-up. */
    private static double middlePower(float[] samples) {
        double sum = 0;
        int from = samples.length / 4;
        int to = 3 * samples.length / 4;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return sum / (to - from);
    }

    private static double gainDb(float[] out, float[] in) {
        return 10 * Math.log10(middlePower(out) / middlePower(in));
    }

    @ParameterizedTest
    @EnumSource(value = SampleEncoding.class, names = {"MULAW", "ALAW"})
    void aTelephoneCallKeepsTheVoiceBandAndDropsTheRest(SampleEncoding law) {
        float[] voiceBand = tone(1000, 1);

        float[] heard = CallChannels.telephone(voiceBand, law);

        assertThat(heard.length).isCloseTo(voiceBand.length, within(RATE / 100));
        assertThat(gainDb(heard, voiceBand)).isCloseTo(0, within(1.0));
        assertThat(gainDb(CallChannels.telephone(tone(6000, 1), law), voiceBand)).isLessThan(-40);
        assertThat(gainDb(CallChannels.telephone(tone(120, 1), law), voiceBand)).isLessThan(-40);
    }

    @Test
    void aTelephoneChannelIsG711() {
        assertThatThrownBy(() -> CallChannels.telephone(tone(1000, 0.1), SampleEncoding.OPUS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("G.711");
    }

    @Test
    void opusWithoutLossKeepsTheVoiceAndItsLength() {
        float[] voice = tone(440, 1);

        float[] heard = CallChannels.opus(voice, 16_000, CallChannels.OPUS_DEFAULT_COMPLEXITY, 0, 1);

        assertThat(heard.length).isCloseTo(voice.length, within(RATE / 100));
        assertThat(gainDb(heard, voice)).isCloseTo(0, within(3.0));
    }

    @Test
    void opusLossDropsWholePacketsAsSeeded() {
        float[] voice = tone(440, 2);

        float[] lossy = CallChannels.opus(voice, 16_000, 1, 0.25, 7);

        int packet = RATE * CallChannels.CHUNK_MS / 1000;
        double kept = (double) lossy.length / voice.length;
        assertThat(kept).isBetween(0.6, 0.9);
        assertThat(CallChannels.opus(voice, 16_000, 1, 0.25, 7)).containsExactly(lossy);
        assertThat(CallChannels.opus(voice, 16_000, 1, 0.25, 8).length).isNotEqualTo(lossy.length);
        assertThat(Math.abs(lossy.length - Math.round(kept * voice.length / packet) * packet)).isLessThan(packet);
        assertThatThrownBy(() -> CallChannels.opus(voice, 16_000, 1, 1.0, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallChannels.opus(voice, 16_000, 11, 0, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noiseIsMixedAtTheRequestedSignalToNoiseRatio() {
        float[] speech = tone(300, 1);
        float[] noise = tone(2500, 0.3);

        float[] mixed = CallChannels.withNoise(speech, noise, 10);

        float[] added = new float[speech.length];
        for (int i = 0; i < speech.length; i++) {
            added[i] = mixed[i] - speech[i];
        }
        assertThat(mixed).hasSameSizeAs(speech);
        assertThat(gainDb(speech, added)).isCloseTo(10, within(0.2));
        assertThatThrownBy(() -> CallChannels.withNoise(speech, new float[0], 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
