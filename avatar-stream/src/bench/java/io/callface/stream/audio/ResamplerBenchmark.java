package io.callface.stream.audio;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to resample 6 s of 48 kHz audio (288,000 samples) to 16 kHz (96,000): in one shot, and as a call's
 * stream arrives, in 20 ms chunks of 960 samples followed by a flush. One thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(1)
@State(Scope.Thread)
public class ResamplerBenchmark {
    private static final int INPUT_RATE = 48_000;
    private static final int CHUNK = INPUT_RATE / 50;

    private float[][] chunks;
    private float[] samples;
    private StreamingResampler streaming;

    @Setup
    public void setUp() {
        samples = BenchmarkSignals.sixSeconds(INPUT_RATE);
        chunks = new float[samples.length / CHUNK][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = java.util.Arrays.copyOfRange(samples, c * CHUNK, (c + 1) * CHUNK);
        }
        streaming = new StreamingResampler(INPUT_RATE);
    }

    /** {@link Resampler#to16k} on the whole 6 s. */
    @Benchmark
    public float[] resampleOneShot() {
        return Resampler.to16k(samples, INPUT_RATE);
    }

    /** {@link StreamingResampler} fed 300 chunks of 20 ms, then flushed (which also resets it). */
    @Benchmark
    public void resampleStreaming20msChunks(Blackhole blackhole) {
        for (float[] chunk : chunks) {
            blackhole.consume(streaming.process(chunk));
        }
        blackhole.consume(streaming.flush());
    }
}
