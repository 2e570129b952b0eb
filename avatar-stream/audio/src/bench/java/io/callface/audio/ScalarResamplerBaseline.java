package io.callface.audio;

import java.util.Arrays;

/**
 * The streaming resampler as it was before {@link ResamplingKernel}: one scalar dot product per output,
 * summed in double. Kept only here, as the benchmark's baseline measured in the same run as the current code.
 * Same filters, same state machine; only the arithmetic differs.
 */
final class ScalarResamplerBaseline {
    private final ResamplingFilter filter;
    private float[] history;
    private int count;
    private int next;
    private int phase;
    private long nextAbsolute;
    private long consumed;

    ScalarResamplerBaseline(int inputRate) {
        this.filter = ResamplingFilter.to16k(inputRate);
        reset();
    }

    /** The baseline's {@link Resampler#to16k}. */
    static float[] to16k(float[] samples, int inputRate) {
        ScalarResamplerBaseline resampler = new ScalarResamplerBaseline(inputRate);
        float[] body = resampler.process(samples);
        float[] tail = resampler.flush();
        float[] out = Arrays.copyOf(body, body.length + tail.length);
        System.arraycopy(tail, 0, out, body.length, tail.length);
        return out;
    }

    float[] process(float[] chunk) {
        append(chunk, chunk.length);
        consumed += chunk.length;
        return emit(Long.MAX_VALUE);
    }

    float[] flush() {
        append(new float[filter.halfTaps], filter.halfTaps);
        float[] tail = emit(consumed);
        reset();
        return tail;
    }

    private void reset() {
        history = new float[Math.max(1024, 4 * filter.halfTaps)];
        count = filter.halfTaps - 1;
        next = filter.halfTaps - 1;
        phase = 0;
        nextAbsolute = 0;
        consumed = 0;
    }

    private void append(float[] samples, int length) {
        if (count + length > history.length) {
            history = Arrays.copyOf(history, Math.max(history.length * 2, count + length));
        }
        System.arraycopy(samples, 0, history, count, length);
        count += length;
    }

    private float[] emit(long limit) {
        int width = 2 * filter.halfTaps;
        int possible = (int) Math.max(0, ((long) (count - filter.halfTaps - next) * filter.up) / filter.down + 2);
        float[] out = new float[possible];
        int produced = 0;
        while (next + filter.halfTaps < count && nextAbsolute < limit) {
            int first = next - filter.halfTaps + 1;
            int row = phase * width;
            double sum = 0;
            for (int k = 0; k < width; k++) {
                sum += history[first + k] * filter.taps[row + k];
            }
            out[produced++] = (float) sum;
            phase += filter.down;
            int advance = phase / filter.up;
            phase %= filter.up;
            next += advance;
            nextAbsolute += advance;
        }
        int keepFrom = Math.min(next - filter.halfTaps + 1, count);
        System.arraycopy(history, keepFrom, history, 0, count - keepFrom);
        count -= keepFrom;
        next -= keepFrom;
        return produced == out.length ? out : Arrays.copyOf(out, produced);
    }
}
