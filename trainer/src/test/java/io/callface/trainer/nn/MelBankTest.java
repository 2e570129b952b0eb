package io.callface.trainer.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.audio.Spectrogram;
import org.junit.jupiter.api.Test;

class MelBankTest {
    private static final double BIN_HZ = (double) Spectrogram.SAMPLE_RATE / Spectrogram.FFT_SIZE;

    @Test
    void bandsAreTrianglesRisingInCentreFrequency() {
        double previousCentre = -1;
        for (int b = 0; b < MelBank.BANDS; b++) {
            int peak = 0;
            for (int k = 1; k < MelBank.BINS; k++) {
                if (MelBank.weight(b, k) > MelBank.weight(b, peak)) {
                    peak = k;
                }
            }
            assertThat(MelBank.weight(b, peak)).isBetween(0.5, 1.0);
            assertThat(peak * BIN_HZ).isGreaterThan(previousCentre);
            previousCentre = peak * BIN_HZ;
        }
    }

    @Test
    void nothingOutsideTheBandEdgesIsHeard() {
        for (int k = 0; k < MelBank.BINS; k++) {
            double hz = k * BIN_HZ;
            double total = 0;
            for (int b = 0; b < MelBank.BANDS; b++) {
                total += MelBank.weight(b, k);
            }
            if (hz <= MelBank.LOW_HZ || hz >= MelBank.HIGH_HZ) {
                assertThat(total).as("bin at %.1f Hz", hz).isZero();
            } else {
                // Neighbouring triangles overlap by half: inside the range their weights add up to 1 but at the two ends.
                assertThat(total).as("bin at %.1f Hz", hz).isBetween(0.0, 1.0 + 1e-9);
            }
        }
    }

    @Test
    void matrixIsBinsByBandsRowMajor() {
        float[] matrix = MelBank.binsByBands();
        assertThat(matrix).hasSize(MelBank.BINS * MelBank.BANDS);
        assertThat((double) matrix[100 * MelBank.BANDS + 17]).isCloseTo(MelBank.weight(17, 100), within(1e-7));
    }
}
