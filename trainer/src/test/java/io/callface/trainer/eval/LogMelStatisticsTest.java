package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.audio.Spectrogram;
import io.callface.trainer.nn.MelBank;
import org.junit.jupiter.api.Test;

class LogMelStatisticsTest {
    private static final int BANDS = LogMelStatistics.BANDS;

    @Test
    void aToneIsLoudestInTheBandAroundItsFrequency() {
        float[] stats = LogMelStatistics.of(new Spectrogram().compute(tone(1000, 2)));

        assertThat(stats).hasSize(LogMelStatistics.DIMENSION);
        int loudest = loudestBand(stats);
        double step = (MelBank.mel(MelBank.HIGH_HZ) - MelBank.mel(MelBank.LOW_HZ))
                / (BANDS + 1);
        double centre = MelBank.mel(MelBank.LOW_HZ) + (loudest + 1) * step;
        assertThat(Math.abs(centre - MelBank.mel(1000))).isLessThanOrEqualTo(step);
    }

    @Test
    void aSteadyToneBarelyChangesWhileAPulsedOneDoes() {
        float[] steady = LogMelStatistics.of(new Spectrogram().compute(tone(1000, 2)));
        float[] samples = tone(1000, 2);
        for (int i = 0; i < samples.length; i++) {
            // On for 100 ms, off for 100 ms: the energy jumps at every edge.
            samples[i] *= (i / 1600) % 2 == 0 ? 1 : 0.01f;
        }
        float[] pulsed = LogMelStatistics.of(new Spectrogram().compute(samples));

        int band = loudestBand(steady);
        assertThat(pulsed[BANDS + band]).isGreaterThan(steady[BANDS + band] + 1);
        assertThat(pulsed[2 * BANDS + band]).isGreaterThan(steady[2 * BANDS + band]);
    }

    @Test
    void somethingThatIsNotABindingSpectrogramIsRejected() {
        assertThatThrownBy(() -> LogMelStatistics.of(new float[2 * Spectrogram.BINS + 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("257");
    }

    private static int loudestBand(float[] stats) {
        int loudest = 0;
        for (int b = 1; b < BANDS; b++) {
            loudest = stats[b] > stats[loudest] ? b : loudest;
        }
        return loudest;
    }

    private static float[] tone(double hz, double seconds) {
        float[] samples = new float[(int) (seconds * Spectrogram.SAMPLE_RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / Spectrogram.SAMPLE_RATE));
        }
        return samples;
    }
}
