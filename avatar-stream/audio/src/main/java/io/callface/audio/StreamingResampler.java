package io.callface.audio;

import java.util.Arrays;

/**
 * Converts one mono stream to 16 kHz chunk by chunk. Output sample {@code j} is aligned with input time
 * {@code j / 16000} s (the filter is symmetric, so there is no delay in the samples themselves); it is
 * emitted as soon as the filter's right half has arrived, about 3-7 ms of input later. The signal is taken as
 * zero before its first sample. Feeding any chunking of a signal and then calling {@link #flush()} yields
 * exactly, sample for sample, what {@link Resampler#to16k} yields for the whole signal:
 * {@code ceil(n * 16000 / rate)} samples.
 *
 * <p>The arithmetic is a {@link ResamplingKernel} chosen by the rate ratio; scratch and history buffers are
 * reused, so a call allocates only the array it returns. 16 kHz input passes through unchanged. One instance
 * per stream; not thread-safe.
 */
public final class StreamingResampler {
    private final int inputRate;
    private final ResamplingFilter filter;
    private final ResamplingKernel kernel;
    private float[] history;
    /** Valid samples in {@link #history}. */
    private int count;
    /** History index of the input sample at or just before the next output's position. */
    private int next;
    /** Next output's position within its input sample, in units of 1/{@code filter.up}. */
    private int phase;
    /** Absolute input index of {@link #next}, and input samples taken so far; they decide what flush emits. */
    private long nextAbsolute;
    private long consumed;

    /** A resampler from {@code inputRate} (one of {@link StreamFormat#SUPPORTED_SAMPLE_RATES}) to 16 kHz. */
    public StreamingResampler(int inputRate) {
        this.inputRate = StreamFormat.requireSupportedRate(inputRate);
        this.filter = inputRate == Spectrogram.SAMPLE_RATE ? null : ResamplingFilter.to16k(inputRate);
        this.kernel = filter == null ? null : ResamplingKernel.of(filter);
        reset();
    }

    public int inputRate() {
        return inputRate;
    }

    /** Takes the next chunk of input and returns every 16 kHz sample that is now complete (maybe none). */
    public float[] process(float[] chunk) {
        if (filter == null) {
            return chunk.clone();
        }
        append(chunk);
        consumed += chunk.length;
        return emit(Long.MAX_VALUE);
    }

    /** Ends the stream: returns the samples still owed for the input so far, then starts a fresh stream. */
    public float[] flush() {
        if (filter == null) {
            return new float[0];
        }
        // Zeros after the end complete every output whose position lies inside the input.
        reserve(filter.halfTaps);
        Arrays.fill(history, count, count + filter.halfTaps, 0f);
        count += filter.halfTaps;
        float[] tail = emit(consumed);
        reset();
        return tail;
    }

    private void reset() {
        if (filter == null) {
            return;
        }
        // halfTaps - 1 zeros before the signal stand in for the silence before its first sample.
        if (history == null) {
            history = new float[Math.max(1024, 4 * filter.halfTaps)];
        }
        Arrays.fill(history, 0, filter.halfTaps - 1, 0f);
        count = filter.halfTaps - 1;
        next = filter.halfTaps - 1;
        phase = 0;
        nextAbsolute = 0;
        consumed = 0;
    }

    private void append(float[] samples) {
        reserve(samples.length);
        System.arraycopy(samples, 0, history, count, samples.length);
        count += samples.length;
    }

    private void reserve(int length) {
        if (count + length > history.length) {
            history = Arrays.copyOf(history, Math.max(history.length * 2, count + length));
        }
    }

    /** Emits outputs whose taps are all in history and whose position is before input index {@code limit}. */
    private float[] emit(long limit) {
        int firstNext = next;
        int firstPhase = phase;
        int produced = 0;
        while (next + filter.halfTaps < count && nextAbsolute < limit) {
            produced++;
            phase += filter.down;
            int advance = phase / filter.up;
            phase %= filter.up;
            next += advance;
            nextAbsolute += advance;
        }
        float[] out = new float[produced];
        kernel.compute(history, firstNext, firstPhase, out, produced);
        // Keep only what future outputs can still reach.
        int keepFrom = Math.min(next - filter.halfTaps + 1, count);
        System.arraycopy(history, keepFrom, history, 0, count - keepFrom);
        count -= keepFrom;
        next -= keepFrom;
        return out;
    }
}
