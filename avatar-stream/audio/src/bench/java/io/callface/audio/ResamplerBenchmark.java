package io.callface.audio;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to resample 6 s of audio at {@code rate} to 16 kHz (e.g. 288,000 samples at 48 kHz to 96,000): in one
 * shot, and as a call's stream arrives, in 20 ms chunks followed by a flush. Each is measured for the current
 * {@link StreamingResampler} and for {@link ScalarResamplerBaseline} (the former scalar double-sum kernel) in
 * the same run, so their ratio holds even on a busy machine. One thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(1)
@State(Scope.Thread)
public class ResamplerBenchmark {
    /** 48 kHz: WebRTC/Opus (3 input samples per output); 8 kHz: G.711 (upsampling); 44.1 kHz: 160 phases. */
    @Param({"48000", "8000", "44100"})
    public int rate;

    private float[][] chunks;
    private float[] samples;
    private StreamingResampler streaming;
    private ScalarResamplerBaseline baseline;

    @Setup
    public void setUp() {
        int chunk = rate / 50;
        samples = BenchmarkSignals.sixSeconds(rate);
        chunks = new float[samples.length / chunk][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = Arrays.copyOfRange(samples, c * chunk, (c + 1) * chunk);
        }
        streaming = new StreamingResampler(rate);
        baseline = new ScalarResamplerBaseline(rate);
    }

    /** {@link Resampler#to16k} on the whole 6 s. */
    @Benchmark
    public float[] resampleOneShot() {
        return Resampler.to16k(samples, rate);
    }

    /** {@link StreamingResampler} fed 300 chunks of 20 ms, then flushed (which also resets it). */
    @Benchmark
    public void resampleStreaming20msChunks(Blackhole blackhole) {
        for (float[] chunk : chunks) {
            blackhole.consume(streaming.process(chunk));
        }
        blackhole.consume(streaming.flush());
    }

    /** The baseline's one-shot conversion of the whole 6 s. */
    @Benchmark
    public float[] scalarBaselineOneShot() {
        return ScalarResamplerBaseline.to16k(samples, rate);
    }

    /** The baseline fed the same 300 chunks of 20 ms, then flushed. */
    @Benchmark
    public void scalarBaselineStreaming20msChunks(Blackhole blackhole) {
        for (float[] chunk : chunks) {
            blackhole.consume(baseline.process(chunk));
        }
        blackhole.consume(baseline.flush());
    }
}
