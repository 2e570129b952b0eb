package io.callface.stream.audio;

import java.util.Arrays;

/**
 * The first 257 bins of the 512-point DFT of up to {@link #batchSize()} real frames at once, computed so that the
 * JIT vectorises it: every array holds one value of every frame ({@code row[f]} is frame {@code f}'s value), so
 * each butterfly is a loop over frames with unit stride and no aliasing, which C2's SuperWord turns into AVX
 * instructions. A one-frame-at-a-time FFT (JTransforms) cannot be vectorised this way.
 *
 * <p>Method: a frame's 512 real samples {@code x} are packed as 256 complex values {@code z[m] = x[2m] + i x[2m+1]};
 * an in-place radix-2 decimation-in-frequency FFT of length 256 gives {@code Z} in bit-reversed order; the real
 * spectrum follows from {@code X[k] = (Z[k] + conj Z[256-k]) / 2 - i W^k (Z[k] - conj Z[256-k]) / 2} with
 * {@code W = exp(-2 pi i / 512)}. Twiddles are float values of double {@code cos}/{@code sin}, computed once.
 *
 * <p>Use: {@link #loadFrames}, {@link #transform}, then read bin {@code k} of frame {@code f} as
 * {@code real(k)[f]} and {@code imaginary(k)[f]}. The returned rows are this object's own buffers, valid until
 * the next call. Not thread-safe; allocates nothing after construction.
 */
final class FrameBatchFft {
    static final int SIZE = 512;
    static final int BINS = SIZE / 2 + 1;
    private static final int HALF = SIZE / 2;
    private static final int LOG_HALF = Integer.numberOfTrailingZeros(HALF);

    private final int batchSize;
    /** {@code z} of every frame: row {@code m} holds {@code z[m]}; after the FFT row {@code m} holds {@code Z[rev(m)]}. */
    private final float[][] zReal;
    private final float[][] zImaginary;
    private final float[][] xReal;
    private final float[][] xImaginary;
    /** {@code W_256^j = cos - i sin}, j = 0..127: the FFT's twiddles. */
    private final float[] fftCos = new float[HALF / 2];
    private final float[] fftSin = new float[HALF / 2];
    /** {@code cos(2 pi k / 512) / 2} and {@code sin(2 pi k / 512) / 2}, k = 0..255: the real unpacking's twiddles. */
    private final float[] halfCos = new float[HALF];
    private final float[] halfSin = new float[HALF];
    private final int[] bitReversed = new int[HALF];

    FrameBatchFft(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: " + batchSize + " is not positive");
        }
        this.batchSize = batchSize;
        zReal = new float[HALF][batchSize];
        zImaginary = new float[HALF][batchSize];
        xReal = new float[BINS][batchSize];
        xImaginary = new float[BINS][batchSize];
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

    int batchSize() {
        return batchSize;
    }

    /**
     * Loads {@code count} frames: frame {@code f} is {@code samples[start + f*hop + n] * window[n]} for
     * {@code n < window.length} (at most 512), zero-padded to 512.
     */
    void loadFrames(float[] samples, int start, int hop, float[] window, int count) {
        if (count < 0 || count > batchSize || window.length > SIZE
                || (count > 0 && start + (count - 1) * hop + window.length > samples.length)) {
            throw new IllegalArgumentException("count: " + count + " frames of " + window.length + " from " + start
                    + " by " + hop + " do not fit " + samples.length + " samples and a batch of " + batchSize);
        }
        int pairs = window.length / 2;
        for (int m = 0; m < pairs; m++) {
            float[] re = zReal[m];
            float[] im = zImaginary[m];
            float we = window[2 * m];
            float wo = window[2 * m + 1];
            int at = start + 2 * m;
            for (int f = 0; f < count; f++, at += hop) {
                re[f] = samples[at] * we;
                im[f] = samples[at + 1] * wo;
            }
        }
        if (window.length % 2 == 1) {
            float[] re = zReal[pairs];
            float last = window[window.length - 1];
            for (int f = 0; f < count; f++) {
                re[f] = samples[start + f * hop + window.length - 1] * last;
            }
            Arrays.fill(zImaginary[pairs], 0, count, 0f);
            pairs++;
        }
        for (int m = pairs; m < HALF; m++) {
            Arrays.fill(zReal[m], 0, count, 0f);
            Arrays.fill(zImaginary[m], 0, count, 0f);
        }
    }

    /** Transforms the first {@code count} loaded frames. */
    void transform(int count) {
        if (count < 0 || count > batchSize) {
            throw new IllegalArgumentException("count: " + count + " is not in [0, " + batchSize + "]");
        }
        for (int half = HALF / 2, twiddleStep = 1; half >= 1; half /= 2, twiddleStep *= 2) {
            for (int group = 0; group < HALF; group += 2 * half) {
                for (int j = 0; j < half; j++) {
                    butterfly(group + j, group + j + half, fftCos[j * twiddleStep], fftSin[j * twiddleStep], count);
                }
            }
        }
        unpackReal(count);
    }

    /** {@code (a, b) <- (a + b, (a - b) * (c - i s))} on every frame. */
    private void butterfly(int a, int b, float c, float s, int count) {
        float[] ar = zReal[a];
        float[] ai = zImaginary[a];
        float[] br = zReal[b];
        float[] bi = zImaginary[b];
        for (int f = 0; f < count; f++) {
            float xr = ar[f];
            float xi = ai[f];
            float yr = br[f];
            float yi = bi[f];
            ar[f] = xr + yr;
            ai[f] = xi + yi;
            float dr = xr - yr;
            float di = xi - yi;
            br[f] = dr * c + di * s;
            bi[f] = di * c - dr * s;
        }
    }

    private void unpackReal(int count) {
        float[] z0r = zReal[0];
        float[] z0i = zImaginary[0];
        float[] dcReal = xReal[0];
        float[] nyquistReal = xReal[BINS - 1];
        for (int f = 0; f < count; f++) {
            dcReal[f] = z0r[f] + z0i[f];
            nyquistReal[f] = z0r[f] - z0i[f];
        }
        Arrays.fill(xImaginary[0], 0, count, 0f);
        Arrays.fill(xImaginary[BINS - 1], 0, count, 0f);
        for (int k = 1; k < HALF; k++) {
            float[] ar = zReal[bitReversed[k]];
            float[] ai = zImaginary[bitReversed[k]];
            float[] br = zReal[bitReversed[HALF - k]];
            float[] bi = zImaginary[bitReversed[HALF - k]];
            float[] outReal = xReal[k];
            float[] outImaginary = xImaginary[k];
            float c = halfCos[k];
            float s = halfSin[k];
            for (int f = 0; f < count; f++) {
                float sumR = ar[f] + br[f];
                float sumI = ai[f] + bi[f];
                float difR = ar[f] - br[f];
                float difI = ai[f] - bi[f];
                outReal[f] = 0.5f * sumR + c * sumI - s * difR;
                outImaginary[f] = 0.5f * difI - c * difR - s * sumI;
            }
        }
    }

    /** Real parts of bin {@code k} (0..256), one per frame. */
    float[] real(int k) {
        return xReal[k];
    }

    /** Imaginary parts of bin {@code k} (0..256), one per frame; bins 0 and 256 are 0. */
    float[] imaginary(int k) {
        return xImaginary[k];
    }
}
