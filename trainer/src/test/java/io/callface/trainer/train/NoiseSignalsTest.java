package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class NoiseSignalsTest {
    private static final int N = 1 << 16;

    /** Power of the 16 kHz signal between {@code lowHz} and {@code highHz}. */
    private static double bandPower(float[] signal, double lowHz, double highHz) {
        double[] spectrum = new double[signal.length];
        for (int i = 0; i < signal.length; i++) {
            spectrum[i] = signal[i];
        }
        new DoubleFFT_1D(signal.length).realForward(spectrum);
        double binHz = 16_000.0 / signal.length;
        double power = 0;
        for (int k = (int) Math.ceil(lowHz / binHz); k <= (int) (highHz / binHz); k++) {
            power += spectrum[2 * k] * spectrum[2 * k] + spectrum[2 * k + 1] * spectrum[2 * k + 1];
        }
        return power;
    }

    @Test
    void whiteNoiseHasEqualPowerPerOctaveBinAndUnitVariance() {
        float[] white = NoiseSignals.white(N, new SplittableRandom(1));

        double variance = 0;
        for (float s : white) {
            variance += s * s;
        }
        assertThat(variance / N).isCloseTo(1, within(0.03));
        // Equal power per hertz: the 2-4 kHz octave holds twice the 1-2 kHz one.
        assertThat(10 * Math.log10(bandPower(white, 2000, 4000) / bandPower(white, 1000, 2000))).isCloseTo(3.0, within(0.3));
    }

    @Test
    void pinkNoiseHasEqualPowerPerOctave() {
        float[] pink = NoiseSignals.pink(N, new SplittableRandom(2));

        double low = bandPower(pink, 250, 500);
        double mid = bandPower(pink, 1000, 2000);
        double high = bandPower(pink, 4000, 8000 - 1);

        assertThat(10 * Math.log10(mid / low)).isCloseTo(0, within(1.5));
        assertThat(10 * Math.log10(high / mid)).isCloseTo(0, within(1.5));
        // White noise would rise 3 dB per octave: 6 dB from 1-2 kHz to 4-8 kHz.
        assertThat(10 * Math.log10(high / mid)).isLessThan(3);
    }

    @Test
    void humIsMainsAndItsHarmonics() {
        float[] hum = NoiseSignals.hum(N, new SplittableRandom(3));

        double total = bandPower(hum, 1, 7999);
        double mains = Math.max(bandPower(hum, 48, 52), bandPower(hum, 58, 62));
        double harmonics = bandPower(hum, 40, 320);

        assertThat(mains / total).isGreaterThan(0.5);
        assertThat(harmonics / total).isGreaterThan(0.99);
    }

    @Test
    void voicesAreAddedAtUnitPower() {
        float[] crowd = new float[1000];
        float[] quiet = new float[400];
        java.util.Arrays.fill(quiet, 0.01f);

        NoiseSignals.addAtUnitPower(crowd, quiet);
        NoiseSignals.addAtUnitPower(crowd, new float[10]);

        assertThat(crowd[0]).isEqualTo(1f, within(1e-5f));
        assertThat(crowd[999]).isEqualTo(1f, within(1e-5f));
    }
}
