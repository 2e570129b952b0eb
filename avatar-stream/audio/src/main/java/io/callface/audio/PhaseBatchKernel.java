package io.callface.audio;

import java.util.Arrays;

/**
 * Polyphase resampling for rate ratios with few phases (48, 32, 24 and 8 kHz: one or two), computed across
 * outputs so that C2 vectorises it. Outputs {@code u, u+up, u+2up, ...} of a call share one phase and their
 * windows start {@code down} input samples apart, so with the input split into {@code down} residue streams
 * ({@code x_r[m] = x[down*m + r]}) tap {@code k} of all of them reads one contiguous run of one stream. The
 * hot loop is then an element-wise multiply-add over those outputs.
 *
 * <p>Each run is first copied to a scratch row starting at index 0: JDK 17's SuperWord vectorises a loop only
 * if all its float arrays are indexed alike, so {@code acc[m] += h * x_r[m + offset]} with a variable offset
 * stays scalar, while {@code acc[m] += h * row[m]} becomes AVX code. An output's sum runs over its taps in
 * order {@code 0..2*halfTaps-1}, however its call is chunked or tiled.
 */
final class PhaseBatchKernel implements ResamplingKernel {
    /** Ratios with at most this many phases (16 kHz over the input rate's gcd) use this kernel. */
    static final int MAX_PHASES = 2;
    /** Most outputs per slice of one phase: the accumulators and four rows (20 KB) stay in the L1 cache. */
    private static final int TILE = 1024;
    private final ResamplingFilter filter;
    /** Residue stream r of the current call's input; with down = 1 the history itself. */
    private final float[][] residues;
    /** Scratch of one slice, grown to the longest slice seen (a 20 ms chunk needs about 320). */
    private float[] acc = new float[0];
    private float[] row0 = acc;
    private float[] row1 = acc;
    private float[] row2 = acc;
    private float[] row3 = acc;

    PhaseBatchKernel(ResamplingFilter filter) {
        this.filter = filter;
        this.residues = new float[filter.down][0];
    }

    @Override
    public void compute(float[] history, int next, int phase, float[] out, int count) {
        if (count == 0) {
            return;
        }
        int up = filter.up;
        int down = filter.down;
        int origin = next - filter.halfTaps + 1;
        int lastNext = next + (int) ((phase + (long) (count - 1) * down) / up);
        int span = lastNext + filter.halfTaps + 1 - origin;
        // Stream r, index shift + m, holds history[origin + down*m + r].
        int shift;
        if (down == 1) {
            residues[0] = history;
            shift = origin;
        } else {
            deinterleave(history, origin, span);
            shift = 0;
        }
        reserveScratch(Math.min(TILE, (count + up - 1) / up));
        for (int slot = 0; slot < Math.min(up, count); slot++) {
            int slotCount = (count - slot + up - 1) / up;
            for (int start = 0; start < slotCount; start += TILE) {
                int length = Math.min(TILE, slotCount - start);
                accumulate(shift, next - filter.halfTaps + 1 - origin + start * down, phase, length);
                for (int m = 0; m < length; m++) {
                    out[slot + (start + m) * up] = acc[m];
                }
            }
            phase += down;
            next += phase / up;
            phase %= up;
        }
    }

    /** {@code acc[0..length)}: outputs of one phase whose first taps read relative input {@code first + down*m}. */
    private void accumulate(int shift, int first, int phase, int length) {
        int down = filter.down;
        int width = 2 * filter.halfTaps;
        float[] taps = filter.taps;
        int row = phase * width;
        float[] a = acc;
        float[] r0 = row0;
        float[] r1 = row1;
        float[] r2 = row2;
        float[] r3 = row3;
        Arrays.fill(a, 0, length, 0f);
        int k = 0;
        for (; k + 3 < width; k += 4) {
            int t = first + k;
            copyRun(shift, t, r0, length);
            copyRun(shift, t + 1, r1, length);
            copyRun(shift, t + 2, r2, length);
            copyRun(shift, t + 3, r3, length);
            float h0 = taps[row + k];
            float h1 = taps[row + k + 1];
            float h2 = taps[row + k + 2];
            float h3 = taps[row + k + 3];
            for (int m = 0; m < length; m++) {
                // Left to right: the same order as four single-tap passes.
                a[m] = a[m] + h0 * r0[m] + h1 * r1[m] + h2 * r2[m] + h3 * r3[m];
            }
        }
        for (; k < width; k++) {
            copyRun(shift, first + k, r0, length);
            float h0 = taps[row + k];
            for (int m = 0; m < length; m++) {
                a[m] = a[m] + h0 * r0[m];
            }
        }
    }

    /** Copies relative inputs {@code t, t+down, ...} ({@code length} of them) to {@code row[0..length)}. */
    private void copyRun(int shift, int t, float[] row, int length) {
        int down = filter.down;
        System.arraycopy(residues[t % down], shift + t / down, row, 0, length);
    }

    private void reserveScratch(int length) {
        if (acc.length < length) {
            acc = new float[length];
            row0 = new float[length];
            row1 = new float[length];
            row2 = new float[length];
            row3 = new float[length];
        }
    }

    /** Splits history {@code origin .. origin+span-1} into the residue streams (down > 1). */
    private void deinterleave(float[] history, int origin, int span) {
        int down = filter.down;
        int length = (span + down - 1) / down;
        for (int r = 0; r < down; r++) {
            if (residues[r].length < length) {
                residues[r] = new float[Math.max(length, 2 * residues[r].length)];
            }
            float[] stream = residues[r];
            int end = Math.min(length, (span - r + down - 1) / down);
            for (int m = 0, i = origin + r; m < end; m++, i += down) {
                stream[m] = history[i];
            }
        }
    }
}
