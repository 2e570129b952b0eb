package io.callface.stream.audio;

import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.FloatFFT_1D;
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
 * Time per 6 s window (96,000 samples -> [2, 598, 257]) of the spectrogram, with its floor (598 bare 512-point
 * real FFTs), its old Math.pow compression, and a naive DFT of the same definition; plus the compression
 * alone over one window's 307,372 values, fast and by Math.pow. One thread, JTransforms on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Threads(1)
@State(Scope.Thread)
public class SpectrogramBenchmark {
    private static final int FRAMES = Spectrogram.frameCount(BenchmarkSignals.SIX_SECONDS_16K);
    private static final int VALUES = 2 * FRAMES * Spectrogram.BINS;

    private float[] samples;
    /** The 598 windowed, zero-padded frames, each ready for an in-place FFT. */
    private float[] windowedFrames;
    /** One window's uncompressed spectrum values, what the compression sees. */
    private float[] spectrumValues;
    private float[] out;
    private float[] fftScratch;
    private FloatFFT_1D fft;
    private Spectrogram spectrogram;
    private MathPowSpectrogram mathPowSpectrogram;
    private NaiveDftSpectrogram naiveDft;

    @Setup
    public void setUp() {
        samples = BenchmarkSignals.sixSeconds(Spectrogram.SAMPLE_RATE);
        out = new float[VALUES];
        fftScratch = new float[Spectrogram.FFT_SIZE];
        fft = new FloatFFT_1D(Spectrogram.FFT_SIZE);
        spectrogram = new Spectrogram();
        mathPowSpectrogram = new MathPowSpectrogram();
        naiveDft = new NaiveDftSpectrogram();
        float[] hann = Spectrogram.periodicHann(Spectrogram.FRAME_LENGTH);
        windowedFrames = new float[FRAMES * Spectrogram.FFT_SIZE];
        spectrumValues = new float[VALUES];
        for (int t = 0; t < FRAMES; t++) {
            for (int n = 0; n < Spectrogram.FRAME_LENGTH; n++) {
                windowedFrames[t * Spectrogram.FFT_SIZE + n] = samples[t * Spectrogram.HOP + n] * hann[n];
            }
            System.arraycopy(windowedFrames, t * Spectrogram.FFT_SIZE, fftScratch, 0, Spectrogram.FFT_SIZE);
            fft.realForward(fftScratch);
            // 514 - 2 packed values per frame plus the two zero imaginary parts make 2 * 257.
            System.arraycopy(fftScratch, 0, spectrumValues, t * 2 * Spectrogram.BINS, Spectrogram.FFT_SIZE);
        }
    }

    /** The spectrogram as shipped: window, FFT, {@link PowerLaw} compression. */
    @Benchmark
    public float[] spectrogram() {
        spectrogram.computeInto(samples, FRAMES, out);
        return out;
    }

    /** The spectrogram before {@link PowerLaw}: compression by {@link Math#pow}. */
    @Benchmark
    public float[] spectrogramMathPow() {
        mathPowSpectrogram.computeInto(samples, FRAMES, out);
        return out;
    }

    /** The floor: 598 bare in-place 512-point real FFTs of pre-windowed frames (plus copying each frame in). */
    @Benchmark
    public void fftFloor(Blackhole blackhole) {
        for (int t = 0; t < FRAMES; t++) {
            System.arraycopy(windowedFrames, t * Spectrogram.FFT_SIZE, fftScratch, 0, Spectrogram.FFT_SIZE);
            fft.realForward(fftScratch);
            blackhole.consume(fftScratch[1]);
        }
    }

    /** The O(n^2) baseline: 598 x 257 x 400 multiply-adds per part, then Math.pow compression. */
    @Benchmark
    public float[] naiveDft() {
        naiveDft.computeInto(samples, FRAMES, out);
        return out;
    }

    /** {@link PowerLaw#compress} over one window's 307,372 spectrum values. */
    @Benchmark
    public float[] compressPowerLaw() {
        for (int i = 0; i < VALUES; i++) {
            out[i] = PowerLaw.compress(spectrumValues[i]);
        }
        return out;
    }

    /** {@link Math#pow} compression over the same values: the reference the fast path replaces. */
    @Benchmark
    public float[] compressMathPow() {
        for (int i = 0; i < VALUES; i++) {
            out[i] = MathPowSpectrogram.compress(spectrumValues[i]);
        }
        return out;
    }
}
