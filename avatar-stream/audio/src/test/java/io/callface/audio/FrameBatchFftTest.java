package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Checks {@link FrameBatchFft} against a double-precision DFT of each frame. */
class FrameBatchFftTest {
    /** Float FFTs of 512 points carry about 1e-7 relative error; 1e-6 leaves room, a wrong bin fails by far more. */
    private static final double MAX_RELATIVE_ERROR = 1e-6;

    /** Frame {@code f}'s bins 0..256 as {re, im} pairs, by the DFT definition in double. */
    private static double[][] dft(float[] samples, int start, float[] window) {
        double[][] bins = new double[FrameBatchFft.BINS][2];
        for (int k = 0; k < FrameBatchFft.BINS; k++) {
            for (int n = 0; n < window.length; n++) {
                double v = (double) samples[start + n] * window[n];
                double angle = 2 * Math.PI * ((long) k * n % FrameBatchFft.SIZE) / FrameBatchFft.SIZE;
                bins[k][0] += v * Math.cos(angle);
                bins[k][1] -= v * Math.sin(angle);
            }
        }
        return bins;
    }

    private static double worstFrameError(FrameBatchFft fft, float[] samples, int hop, float[] window, int count) {
        fft.transform(samples, 0, hop, window, count);
        double worst = 0;
        for (int f = 0; f < count; f++) {
            double[][] expected = dft(samples, f * hop, window);
            double diff = 0;
            double norm = 0;
            for (int k = 0; k < FrameBatchFft.BINS; k++) {
                double dr = fft.bin(k)[f] - expected[k][0];
                double di = fft.bin(k)[FrameBatchFft.BATCH + f] - expected[k][1];
                diff += dr * dr + di * di;
                norm += expected[k][0] * expected[k][0] + expected[k][1] * expected[k][1];
            }
            worst = Math.max(worst, Math.sqrt(diff / norm));
        }
        return worst;
    }

    private static float[] random(int length, long seed) {
        Random random = new Random(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }

    private static float[] ones(int length) {
        float[] w = new float[length];
        java.util.Arrays.fill(w, 1f);
        return w;
    }

    @Test
    void matchesTheDftOnFullFramesOfEveryLengthUpTo512() {
        FrameBatchFft fft = new FrameBatchFft();
        for (int length : new int[] {512, 400, 401, 1, 2, 257}) {
            float[] x = random(FrameBatchFft.BATCH * 512, length);
            assertThat(worstFrameError(fft, x, 512, ones(length), FrameBatchFft.BATCH)).as("length %d", length)
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void matchesTheDftOnOverlappingHannFramesInPartialBatches() {
        FrameBatchFft fft = new FrameBatchFft();
        float[] x = random(32_000, 7);
        float[] hann = Spectrogram.periodicHann(Spectrogram.FRAME_LENGTH);
        for (int count : new int[] {FrameBatchFft.BATCH, 1, 86}) {
            assertThat(worstFrameError(fft, x, Spectrogram.HOP, hann, count)).as("%d frames", count)
                    .isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void aSingleToneLandsInItsBinAndNowhereElseAndUnloadedFramesAreZero() {
        FrameBatchFft fft = new FrameBatchFft();
        float[] x = new float[3 * 512];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) Math.cos(2 * Math.PI * 37 * n / 512);
        }
        fft.transform(random(FrameBatchFft.BATCH * 512, 9), 0, 512, ones(512), FrameBatchFft.BATCH);
        fft.transform(x, 0, 512, ones(512), 3);
        for (int k = 0; k < FrameBatchFft.BINS; k++) {
            for (int f = 0; f < FrameBatchFft.BATCH; f++) {
                float expected = k == 37 && f < 3 ? 256f : 0f;
                assertThat(fft.bin(k)[f]).as("bin %d frame %d", k, f).isCloseTo(expected, Offset.offset(1e-3f));
                assertThat(fft.bin(k)[FrameBatchFft.BATCH + f]).isCloseTo(0f, Offset.offset(1e-3f));
            }
        }
    }

    @Test
    void rejectsFramesThatDoNotFit() {
        FrameBatchFft fft = new FrameBatchFft();
        float[] window = ones(400);
        int tooMany = FrameBatchFft.BATCH + 1;
        assertThatThrownBy(() -> fft.transform(new float[100_000], 0, 160, window, tooMany))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count: " + tooMany);
        assertThatThrownBy(() -> fft.transform(new float[800], 0, 160, window, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("800 samples");
        assertThatThrownBy(() -> fft.transform(new float[2000], 0, 160, ones(513), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("513");
    }
}
