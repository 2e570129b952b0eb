package io.callface.audio;

import java.util.Arrays;

/**
 * The first 257 bins of the 512-point DFT of up to {@link #BATCH} real frames at once, computed so that the JIT
 * vectorises it: each row array holds one complex value of every frame (real parts of frames 0..127 at
 * [0, 128), imaginary parts at [128, 256)), so each butterfly is a loop over frames with unit stride, constant
 * offsets and no aliasing, which C2's SuperWord (JDK 17) turns into AVX instructions. A one-frame-at-a-time FFT
 * (JTransforms) cannot be vectorised this way. (A radix-4 butterfly, tried, was not vectorised by C2; radix-2
 * is.)
 *
 * <p>Method: a frame's 512 real samples {@code x} are packed as 256 complex values {@code z[m] = x[2m] + i x[2m+1]};
 * an in-place radix-4 decimation-in-frequency FFT of length 256 (four stages) gives {@code Z} in base-4
 * digit-reversed order; the real
 * spectrum follows from {@code X[k] = (Z[k] + conj Z[256-k]) / 2 - i W^k (Z[k] - conj Z[256-k]) / 2} with
 * {@code W = exp(-2 pi i / 512)}. Twiddles are float values of double {@code cos}/{@code sin}, computed once.
 *
 * <p>Use: {@link #transform}, then read bin {@code k} of frame {@code f} as
 * {@code bin(k)[f]} (real part) and {@code bin(k)[BATCH + f]} (imaginary part). The returned rows are this
 * object's own buffers, valid until the next call. Not thread-safe; allocates nothing after construction.
 */
final class FrameBatchFft {
    static final int SIZE = 512;
    static final int BINS = SIZE / 2 + 1;
    /** Frames per batch: long loops amortise each butterfly call; the rows (about 260 KB) stay in the L2 cache. */
    static final int BATCH = 128;
    private static final int HALF = SIZE / 2;
    private static final int LOG_HALF = Integer.numberOfTrailingZeros(HALF);

    /** Row {@code m} holds {@code z[m]} of every frame; after the FFT row {@code rev(k)} holds {@code Z[k]}. */
    private final float[][] z = new float[HALF][2 * BATCH];
    private final float[][] x = new float[BINS][2 * BATCH];
    /** {@code W_256^j = cos - i sin}, j = 0..127: the FFT's twiddles. */
    private final float[] fftCos = new float[HALF / 2];
    private final float[] fftSin = new float[HALF / 2];
    /** {@code cos(2 pi k / 512) / 2} and {@code sin(2 pi k / 512) / 2}, k = 0..255: the real unpacking's twiddles. */
    private final float[] halfCos = new float[HALF];
    private final float[] halfSin = new float[HALF];
    private final int[] bitReversed = new int[HALF];

    FrameBatchFft() {
        for (int j = 0; j < HALF / 2; j++) {
            fftCos[j] = (float) Math.cos(2 * Math.PI * j / HALF);
            fftSin[j] = (float) Math.sin(2 * Math.PI * j / HALF);
        }
        for (int k = 0; k < HALF; k++) {
            halfCos[k] = (float) (0.5 * Math.cos(2 * Math.PI * k / SIZE));
            halfSin[k] = (float) (0.5 * Math.sin(2 * Math.PI * k / SIZE));
            bitReversed[k] = Integer.reverse(k) >>> (Integer.SIZE - LOG_HALF);
        }
    }

    /**
     * Transforms {@code count} frames (at most {@link #BATCH}): frame {@code f} is
     * {@code samples[start + f*hop + n] * window[n]} for {@code n < window.length} (at most 512), zero-padded
     * to 512. Frames from {@code count} on are zero. (Loading and transforming share one method on purpose: it
     * is then too large for C2 to inline into callers, so it is always compiled, and vectorised, on its own;
     * inlined into a caller's loop nest it sometimes ran at half the speed.)
     */
    void transform(float[] samples, int start, int hop, float[] window, int count) {
        if (count < 0 || count > BATCH || window.length > SIZE
                || (count > 0 && start + (count - 1) * hop + window.length > samples.length)) {
            throw new IllegalArgumentException("count: " + count + " frames of " + window.length + " from " + start
                    + " by " + hop + " do not fit " + samples.length + " samples and a batch of " + BATCH);
        }
        for (int m = 0; m < HALF; m++) {
            float[] row = z[m];
            int even = 2 * m;
            int odd = even + 1;
            float we = even < window.length ? window[even] : 0f;
            float wo = odd < window.length ? window[odd] : 0f;
            if (we == 0f && wo == 0f) {
                Arrays.fill(row, 0f);
                continue;
            }
            int at = start + even;
            for (int f = 0; f < count; f++, at += hop) {
                row[f] = samples[at] * we;
                row[BATCH + f] = wo == 0f ? 0f : samples[at + 1] * wo;
            }
            Arrays.fill(row, count, BATCH, 0f);
            Arrays.fill(row, BATCH + count, 2 * BATCH, 0f);
        }
        // Every frame is transformed, loaded or not: a constant trip count keeps every loop fully vectorised.
        for (int half = HALF / 2, twiddleStep = 1; half >= 1; half /= 2, twiddleStep *= 2) {
            for (int group = 0; group < HALF; group += 2 * half) {
                for (int j = 0; j < half; j++) {
                    butterfly(z[group + j], z[group + j + half], fftCos[j * twiddleStep], fftSin[j * twiddleStep]);
                }
            }
        }
        unpackReal();
    }

    /** Radix-2 decimation in frequency on every frame: {@code (a, b) <- (a + b, (a - b) * (c - i s))}. */
    private static void butterfly(float[] a, float[] b, float c, float s) {
        for (int f = 0; f < BATCH; f++) {
            float ar = a[f];
            float ai = a[BATCH + f];
            float br = b[f];
            float bi = b[BATCH + f];
            a[f] = ar + br;
            a[BATCH + f] = ai + bi;
            float dr = ar - br;
            float di = ai - bi;
            b[f] = dr * c + di * s;
            b[BATCH + f] = di * c - dr * s;
        }
    }

    private void unpackReal() {
        for (int k = 1; k < HALF; k++) {
            unpackBin(z[bitReversed[k]], z[bitReversed[HALF - k]], x[k], halfCos[k], halfSin[k]);
        }
        // After the loop above, not before: with this loop first, C2 did not vectorise that one (measured).
        unpackDcAndNyquist(z[0], x[0], x[BINS - 1]);
    }

    /** {@code X[0] = Re Z[0] + Im Z[0]}, {@code X[256] = Re Z[0] - Im Z[0]}, both real. */
    private static void unpackDcAndNyquist(float[] z0, float[] dc, float[] nyquist) {
        for (int f = 0; f < BATCH; f++) {
            dc[f] = z0[f] + z0[BATCH + f];
            nyquist[f] = z0[f] - z0[BATCH + f];
            dc[BATCH + f] = 0f;
            nyquist[BATCH + f] = 0f;
        }
    }

    /** {@code X[k] = (A + conj B) / 2 - i W^k (A - conj B) / 2} with {@code A = Z[k]}, {@code B = Z[256-k]}. */
    private static void unpackBin(float[] a, float[] b, float[] out, float c, float s) {
        for (int f = 0; f < BATCH; f++) {
            float sumR = a[f] + b[f];
            float sumI = a[BATCH + f] + b[BATCH + f];
            float difR = a[f] - b[f];
            float difI = a[BATCH + f] - b[BATCH + f];
            out[f] = 0.5f * sumR + c * sumI - s * difR;
            out[BATCH + f] = 0.5f * difI - c * difR - s * sumI;
        }
    }

    /** Bin {@code k} (0..256) of every frame: real parts at [0, BATCH), imaginary parts at
     * [BATCH, 2 BATCH) (0 for bins 0 and 256). */
    float[] bin(int k) {
        return x[k];
    }
}
