package io.callface.audio.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LfPulseTest {
    private static final int N = 4096;
    /** Net flow over a period relative to the excitation peak: zero up to the discretisation. */
    private static final double FLOW_TOLERANCE = 1e-4;

    @Test
    void netFlowOverAPeriodIsZero() {
        for (double rd = LfPulse.MIN_RD; rd <= LfPulse.MAX_RD + 1e-9; rd += 0.1) {
            double[] pulse = LfPulse.pulse(rd, N);
            double sum = 0;
            double peak = 0;
            for (double v : pulse) {
                sum += v;
                peak = Math.max(peak, Math.abs(v));
            }
            assertThat(sum / N / peak).as("Rd %.1f", rd).isCloseTo(0, within(FLOW_TOLERANCE));
        }
    }

    /** The main excitation (negative peak) comes at te = tp (1 + Rk), just before the open quotient te + ta. */
    @Test
    void mainExcitationComesAtTheEndOfTheOpenPhase() {
        for (double rd : new double[] {0.4, 1, 2}) {
            double[] pulse = LfPulse.pulse(rd, N);
            int min = 0;
            for (int i = 0; i < N; i++) {
                if (pulse[i] < pulse[min]) {
                    min = i;
                }
            }
            double ra = (-1 + 4.8 * rd) / 100;
            assertThat((double) min / N).as("Rd %.1f", rd).isCloseTo(LfPulse.openQuotient(rd) - ra, within(2.0 / N));
        }
        assertThat(LfPulse.openQuotient(0.4)).isLessThan(LfPulse.openQuotient(1)).isLessThan(LfPulse.openQuotient(2));
    }

    /** A larger Rd (breathier) raises H1-H2 and lowers the high harmonics: more spectral tilt. */
    @Test
    void largerRdTiltsTheSpectrum() {
        double previousH1H2 = Double.NEGATIVE_INFINITY;
        double previousHigh = Double.POSITIVE_INFINITY;
        for (double rd : new double[] {0.5, 1, 1.5, 2.5}) {
            float[] table = LfPulse.table(rd);
            double h1 = harmonic(table, 1);
            double h1h2 = 20 * Math.log10(h1 / harmonic(table, 2));
            double high = 20 * Math.log10(harmonic(table, 20) / h1);
            assertThat(h1h2).as("H1-H2 at Rd %.1f", rd).isGreaterThan(previousH1H2);
            assertThat(high).as("H20-H1 at Rd %.1f", rd).isLessThan(previousHigh);
            previousH1H2 = h1h2;
            previousHigh = high;
        }
    }

    @Test
    void tablesAreNormalisedToUnitExcitation() {
        for (double rd = LfPulse.MIN_RD; rd <= LfPulse.MAX_RD + 1e-9; rd += 0.25) {
            float[] table = LfPulse.table(rd);
            double min = 0;
            for (float v : table) {
                min = Math.min(min, v);
            }
            assertThat(min).isCloseTo(-1, within(1e-6));
        }
    }

    private static double harmonic(float[] table, int h) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < LfPulse.TABLE_SIZE; i++) {
            double angle = 2 * Math.PI * h * i / LfPulse.TABLE_SIZE;
            re += table[i] * Math.cos(angle);
            im -= table[i] * Math.sin(angle);
        }
        return Math.hypot(re, im);
    }
}
