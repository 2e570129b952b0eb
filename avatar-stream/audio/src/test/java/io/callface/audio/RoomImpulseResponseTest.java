package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomImpulseResponseTest {
    private static final int RATE = Spectrogram.SAMPLE_RATE;
    /** Relative error allowed between requested and measured T60: the noise of one response's decay curve. */
    private static final double RT60_TOLERANCE = 0.05;

    /**
     * T60 by Schroeder's backward integration (M. R. Schroeder, "New method of measuring reverberation time", JASA
     * 37 (1965) 409-412) of the reverberant tail {@code h[1..]}: the energy decay curve
     * {@code EDC(n) = sum_{m>=n} h[m]^2} in dB, a least-squares line fitted where it lies between -5 and -35 dB (ISO
     * 3382-1's T30), extrapolated to 60 dB.
     */
    static double schroederRt60(float[] h) {
        double[] edc = new double[h.length];
        double sum = 0;
        for (int n = h.length - 1; n >= 1; n--) {
            sum += (double) h[n] * h[n];
            edc[n] = sum;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int n = 1; n < h.length; n++) {
            double db = 10 * Math.log10(edc[n] / edc[1]);
            if (db <= -5 && db >= -35) {
                double t = (double) n / RATE;
                sx += t;
                sy += db;
                sxx += t * t;
                sxy += t * db;
                count++;
            }
        }
        double slopeDbPerSecond = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        return -60 / slopeDbPerSecond;
    }

    private static double drrDb(float[] h) {
        double tail = 0;
        for (int n = 1; n < h.length; n++) {
            tail += (double) h[n] * h[n];
        }
        return 10 * Math.log10((double) h[0] * h[0] / tail);
    }

    @ParameterizedTest
    @CsvSource({"0.2, 12", "0.4, 0", "0.6, -5", "0.8, 6"})
    void theResponseDecaysAtTheRequestedRt60WithTheRequestedDirectToReverberantRatio(double rt60, double drr) {
        for (long seed = 1; seed <= 5; seed++) {
            float[] h = RoomImpulseResponse.generate(new RoomAcoustics(rt60, drr), seed);

            assertThat(schroederRt60(h)).as("seed %d", seed).isCloseTo(rt60, within(RT60_TOLERANCE * rt60));
            assertThat(drrDb(h)).isCloseTo(drr, within(0.01));
            double energy = 0;
            for (float v : h) {
                energy += (double) v * v;
            }
            assertThat(energy).isCloseTo(1, within(1e-5));
            assertThat(h.length).isEqualTo((int) Math.ceil(RATE * rt60) + 1);
        }
    }

    @Test
    void theSameSeedGivesTheSameResponseAndAnotherSeedAnother() {
        RoomAcoustics office = new RoomAcoustics(0.5, 3);

        assertThat(RoomImpulseResponse.generate(office, 7)).containsExactly(RoomImpulseResponse.generate(office, 7));
        assertThat(RoomImpulseResponse.generate(office, 7)).isNotEqualTo(RoomImpulseResponse.generate(office, 8));
    }

    @Test
    void reverberationIsTheLinearConvolutionCutToTheDrySignalsLength() {
        Random random = new Random(3);
        float[] dry = new float[1000];
        float[] h = new float[300];
        for (int i = 0; i < dry.length; i++) {
            dry[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) (random.nextGaussian() * Math.exp(-i / 50.0));
        }

        float[] wet = RoomImpulseResponse.reverberate(dry, h);

        assertThat(wet).hasSize(dry.length);
        for (int n = 0; n < dry.length; n++) {
            double direct = 0;
            for (int k = 0; k <= Math.min(n, h.length - 1); k++) {
                direct += (double) h[k] * dry[n - k];
            }
            assertThat((double) wet[n]).as("sample %d", n).isCloseTo(direct, within(1e-4));
        }
        assertThat(RoomImpulseResponse.reverberate(new float[0], h)).isEmpty();
        assertThatThrownBy(() -> RoomImpulseResponse.reverberate(dry, new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roomFiguresOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> new RoomAcoustics(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomAcoustics(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomAcoustics(0.5, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
