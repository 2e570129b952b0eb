package io.callface.audio;

/**
 * One dot product per output, for rate ratios with many phases (the 44.1 kHz family: 160, 320 or 640), whose
 * outputs of one phase lie too far apart to batch. Eight interleaved float accumulators, added up in a fixed
 * tree at the end, break the dependency chain of a single running sum; C2 does not vectorise a float
 * reduction, but it keeps the eight chains in flight together.
 */
final class DotProductKernel implements ResamplingKernel {
    private static final int LANES = 8;
    private final ResamplingFilter filter;

    DotProductKernel(ResamplingFilter filter) {
        this.filter = filter;
    }

    @Override
    public void compute(float[] history, int next, int phase, float[] out, int count) {
        int halfTaps = filter.halfTaps;
        int width = 2 * halfTaps;
        int blocked = width - width % LANES;
        float[] taps = filter.taps;
        for (int o = 0; o < count; o++) {
            int first = next - halfTaps + 1;
            int row = phase * width;
            float a0 = 0;
            float a1 = 0;
            float a2 = 0;
            float a3 = 0;
            float a4 = 0;
            float a5 = 0;
            float a6 = 0;
            float a7 = 0;
            for (int k = 0; k < blocked; k += LANES) {
                int x = first + k;
                int h = row + k;
                a0 += history[x] * taps[h];
                a1 += history[x + 1] * taps[h + 1];
                a2 += history[x + 2] * taps[h + 2];
                a3 += history[x + 3] * taps[h + 3];
                a4 += history[x + 4] * taps[h + 4];
                a5 += history[x + 5] * taps[h + 5];
                a6 += history[x + 6] * taps[h + 6];
                a7 += history[x + 7] * taps[h + 7];
            }
            for (int k = blocked; k < width; k++) {
                a0 += history[first + k] * taps[row + k];
            }
            out[o] = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
            phase += filter.down;
            next += phase / filter.up;
            phase %= filter.up;
        }
    }
}
