package io.callface.audio;

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
 * Time per 6 s window (96,000 samples -> [2, 598, 257]) of the spectrogram, with the JTransforms floor (598 bare
 * 512-point real FFTs), the frame-batched FFT that replaced it, the spectrogram built on JTransforms (before),
 * its Math.pow variant, and a naive DFT of the same definition; plus the compression alone over one window's
 * 307,372 values: array form, scalar form and Math.pow. One thread, JTransforms on one thread.
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
    private static final int BATCH = FrameBatchFft.BATCH;

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
    private JTransformsSpectrogram jTransformsSpectrogram;
    private FrameBatchFft batchFft;
    private float[] hann;
    private float[] compressScratch;

    @Setup
    public void setUp() {
        samples = BenchmarkSignals.sixSeconds(Spectrogram.SAMPLE_RATE);
        out = new float[VALUES];
        fftScratch = new float[Spectrogram.FFT_SIZE];
        fft = new FloatFFT_1D(Spectrogram.FFT_SIZE);
        spectrogram = new Spectrogram();
        mathPowSpectrogram = new MathPowSpectrogram();
        naiveDft = new NaiveDftSpectrogram();
        jTransformsSpectrogram = new JTransformsSpectrogram();
        batchFft = new FrameBatchFft();
        compressScratch = new float[VALUES];
        hann = Spectrogram.periodicHann(Spectrogram.FRAME_LENGTH);
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

    /** The spectrogram as shipped: window, {@link FrameBatchFft}, {@link PowerLaw} compression. */
    @Benchmark
    public float[] spectrogram() {
        spectrogram.computeInto(samples, FRAMES, out);
        return out;
    }

    /** The spectrogram before {@link FrameBatchFft}: JTransforms frame by frame, scalar {@link PowerLaw}. */
    @Benchmark
    public float[] spectrogramJTransforms() {
        jTransformsSpectrogram.computeInto(samples, FRAMES, out);
        return out;
    }

    /** The spectrogram before {@link PowerLaw}: JTransforms, compression by {@link Math#pow}. */
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

    /** The new FFT alone: windowing the 598 frames into 128-frame batches and transforming them to 257 bins. */
    @Benchmark
    public void batchFft(Blackhole blackhole) {
        for (int first = 0; first < FRAMES; first += BATCH) {
            int count = Math.min(BATCH, FRAMES - first);
            batchFft.transform(samples, first * Spectrogram.HOP, Spectrogram.HOP, hann, count);
            blackhole.consume(batchFft.bin(1)[0]);
        }
    }

    /** The O(n^2) baseline: 598 x 257 x 400 multiply-adds per part, then Math.pow compression. */
    @Benchmark
    public float[] naiveDft() {
        naiveDft.computeInto(samples, FRAMES, out);
        return out;
    }

    /** {@link PowerLaw}'s array form (split pass + vectorised polynomial pass) over one window's 307,372 values. */
    @Benchmark
    public float[] compressPowerLaw() {
        System.arraycopy(spectrumValues, 0, out, 0, VALUES);
        PowerLaw.compress(out, compressScratch, VALUES);
        return out;
    }

    /** {@link PowerLaw}'s scalar form, value by value, over the same values. */
    @Benchmark
    public float[] compressPowerLawScalar() {
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
