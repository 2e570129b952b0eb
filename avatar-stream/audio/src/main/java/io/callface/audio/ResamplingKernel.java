package io.callface.audio;

/**
 * Computes a run of consecutive output samples of a {@link ResamplingFilter} from an input history. Every
 * output is summed in an order fixed by its own filter phase alone, never by how many outputs a call computes
 * or where the run starts, so any chunking of a stream gives bit-identical samples. Holds scratch buffers:
 * one instance per stream, not thread-safe.
 */
interface ResamplingKernel {
    /**
     * Writes outputs {@code 0..count-1} to {@code out}. Output 0 sits at input position {@code next + phase/up}
     * (history indices); each later one {@code down/up} input samples further. Its taps span history
     * {@code next-halfTaps+1 .. next+halfTaps}, all of which must be present for every output.
     */
    void compute(float[] history, int next, int phase, float[] out, int count);

    /**
     * Batched across outputs where the ratio has few phases (the faster there, see ResamplerBenchmark), else
     * one dot product per output.
     */
    static ResamplingKernel of(ResamplingFilter filter) {
        return filter.up <= PhaseBatchKernel.MAX_PHASES ? new PhaseBatchKernel(filter) : new DotProductKernel(filter);
    }
}
