package io.callface.audio;

import java.util.Arrays;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Decides, per 25 ms frame (400 samples, 10 ms hop, the spectrogram's framing) of 16 kHz mono audio, whether
 * the frame holds voiced speech. A frame is voiced when all three hold:
 * <ol>
 *   <li><b>Energy</b>: its mean square is at least {@value #MIN_ENERGY_DBFS} dBFS (1.0 full-scale = 0 dBFS), so
 *   silence and faint background are out.</li>
 *   <li><b>Speech band</b>: at least {@value #MIN_SPEECH_BAND_RATIO} of its Hann-windowed power spectrum (512-point
 *   FFT, DC excluded) lies in {@value #SPEECH_BAND_LOW_HZ}..{@value #SPEECH_BAND_HIGH_HZ} Hz, where vowel formants
 *   live; mains hum (50/60 Hz and its low harmonics) and rumble are out.</li>
 *   <li><b>Spectral flatness</b> (geometric over arithmetic mean of the power in that band) is at most
 *   {@value #MAX_FLATNESS}. Voiced speech is a harmonic comb, far from flat; white noise has flatness near
 *   {@code e^-gamma ~ 0.56}, and hiss, fricatives and broadband clatter stay high too.</li>
 * </ol>
 * The thresholds are deliberately loose on energy and strict on structure: the detector exists to keep
 * silence and noise out of the voice encoder's 6 s buffers, not to find word boundaries.
 *
 * <p>Input shorter than one frame (but at least one 160-sample hop) is analysed as a single frame of its own
 * length. Instances reuse an FFT plan and scratch buffers: one per thread.
 */
public final class VoiceActivityDetector {
    public static final int FRAME_LENGTH = Spectrogram.FRAME_LENGTH;
    public static final int HOP = Spectrogram.HOP;
    public static final double MIN_ENERGY_DBFS = -50;
    public static final double MIN_SPEECH_BAND_RATIO = 0.3;
    public static final double MAX_FLATNESS = 0.3;
    public static final double SPEECH_BAND_LOW_HZ = 300;
    public static final double SPEECH_BAND_HIGH_HZ = 4000;
    /** {@link #isVoiced} needs at least this share of a chunk's frames to be voiced. */
    public static final double MIN_VOICED_FRACTION_OF_CHUNK = 0.5;

    private static final int FFT_SIZE = Spectrogram.FFT_SIZE;
    private static final double BIN_HZ = (double) Spectrogram.SAMPLE_RATE / FFT_SIZE;
    private static final int BAND_FIRST_BIN = (int) Math.ceil(SPEECH_BAND_LOW_HZ / BIN_HZ);
    private static final int BAND_LAST_BIN = (int) Math.floor(SPEECH_BAND_HIGH_HZ / BIN_HZ);
    /** Keeps log(0) out of the geometric mean; far below any audible bin power. */
    private static final double POWER_FLOOR = 1e-20;
    private static final double LN_2 = Math.log(2);
    private static final float[] FULL_FRAME_WINDOW = Spectrogram.periodicHann(FRAME_LENGTH);

    private final FloatFFT_1D fft = new FloatFFT_1D(FFT_SIZE);
    private final float[] scratch = new float[FFT_SIZE];
    private final double[] power = new double[FFT_SIZE / 2 + 1];
    /** Window for input shorter than a frame; chunks of a stream share one length, so it is rarely rebuilt. */
    private float[] shortFrameWindow = new float[0];

    /** What the detector measured on one frame, and its decision. */
    public record FrameAnalysis(double energyDbfs, double speechBandRatio, double flatness, boolean voiced) {
    }

    /** Per-frame measurements and decisions for {@code samples16k}. */
    public FrameAnalysis[] analyse(float[] samples16k) {
        int frames = requireAnalysable(samples16k);
        FrameAnalysis[] out = new FrameAnalysis[frames];
        if (samples16k.length < FRAME_LENGTH) {
            if (shortFrameWindow.length != samples16k.length) {
                shortFrameWindow = Spectrogram.periodicHann(samples16k.length);
            }
            out[0] = analyseFrame(samples16k, 0, samples16k.length, shortFrameWindow);
            return out;
        }
        for (int t = 0; t < frames; t++) {
            out[t] = analyseFrame(samples16k, t * HOP, FRAME_LENGTH, FULL_FRAME_WINDOW);
        }
        return out;
    }

    /** Share of frames that are voiced, in [0, 1]. */
    public double voicedFraction(float[] samples16k) {
        FrameAnalysis[] frames = analyse(samples16k);
        return (double) Arrays.stream(frames).filter(FrameAnalysis::voiced).count() / frames.length;
    }

    /** Whether at least {@value #MIN_VOICED_FRACTION_OF_CHUNK} of the chunk's frames are voiced. */
    public boolean isVoiced(float[] chunk16k) {
        return voicedFraction(chunk16k) >= MIN_VOICED_FRACTION_OF_CHUNK;
    }

    /**
     * Only the voiced stretches, concatenated: each voiced frame contributes its first hop (10 ms), the last
     * frame everything from its start to the end of the input. May be empty.
     */
    public float[] voicedSamples(float[] samples16k) {
        FrameAnalysis[] frames = analyse(samples16k);
        float[] out = new float[samples16k.length];
        int kept = 0;
        for (int t = 0; t < frames.length; t++) {
            if (frames[t].voiced()) {
                int from = t * HOP;
                int to = t == frames.length - 1 ? samples16k.length : from + HOP;
                System.arraycopy(samples16k, from, out, kept, to - from);
                kept += to - from;
            }
        }
        return Arrays.copyOf(out, kept);
    }

    private static int requireAnalysable(float[] samples16k) {
        if (samples16k.length < HOP) {
            throw new AudioFormatException("samples16k", samples16k.length
                    + " samples is shorter than the " + HOP + "-sample (10 ms) minimum for voice detection");
        }
        return Math.max(1, Spectrogram.frameCount(samples16k.length));
    }

    /**
     * {@code sum of ln(values[k] + floor)} for {@code k} in {@code [from, to)}, with one logarithm instead of one
     * per value: binary exponents are summed as integers and the mantissas, each in [1, 2), multiplied (a product
     * of up to 1000 of them stays below 2^1000). Values must be non-negative.
     */
    static double sumOfLogs(double[] values, int from, int to, double floor) {
        long exponents = 0;
        double mantissas = 1;
        for (int k = from; k < to; k++) {
            double value = values[k] + floor;
            int exponent = Math.getExponent(value);
            exponents += exponent;
            mantissas *= Math.scalb(value, -exponent);
            if (((k - from) & 511) == 511) {
                int carry = Math.getExponent(mantissas);
                exponents += carry;
                mantissas = Math.scalb(mantissas, -carry);
            }
        }
        return Math.log(mantissas) + exponents * LN_2;
    }

    private FrameAnalysis analyseFrame(float[] samples, int start, int length, float[] window) {
        double sumSquares = 0;
        for (int n = 0; n < length; n++) {
            float x = samples[start + n];
            sumSquares += x * x;
            scratch[n] = x * window[n];
        }
        Arrays.fill(scratch, length, FFT_SIZE, 0f);
        double energyDbfs = 10 * Math.log10(sumSquares / length + POWER_FLOOR);

        // JTransforms real layout: [Re0, Re(N/2), Re1, Im1, ...].
        fft.realForward(scratch);
        power[0] = (double) scratch[0] * scratch[0];
        power[FFT_SIZE / 2] = (double) scratch[1] * scratch[1];
        for (int k = 1; k < FFT_SIZE / 2; k++) {
            power[k] = (double) scratch[2 * k] * scratch[2 * k] + (double) scratch[2 * k + 1] * scratch[2 * k + 1];
        }
        double total = 0;
        for (int k = 1; k < power.length; k++) {
            total += power[k];
        }
        double band = 0;
        int bins = BAND_LAST_BIN - BAND_FIRST_BIN + 1;
        for (int k = BAND_FIRST_BIN; k <= BAND_LAST_BIN; k++) {
            band += power[k];
        }
        double logSum = sumOfLogs(power, BAND_FIRST_BIN, BAND_LAST_BIN + 1, POWER_FLOOR);
        double ratio = total > 0 ? band / total : 0;
        double flatness = band > 0 ? Math.exp(logSum / bins) / (band / bins) : 1;
        boolean voiced = energyDbfs >= MIN_ENERGY_DBFS && ratio >= MIN_SPEECH_BAND_RATIO && flatness <= MAX_FLATNESS;
        return new FrameAnalysis(energyDbfs, ratio, flatness, voiced);
    }
}
