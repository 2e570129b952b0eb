package io.callface.audio;

import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Synthetic room impulse responses at 16 kHz by Polack's stochastic model, and reverberation by convolution.
 *
 * <p>Past the first few reflections, a room's impulse response is well described as Gaussian noise under an
 * exponentially decaying envelope (J.-D. Polack, "Playing billiards in the concert hall: the mathematical
 * foundations of geometrical room acoustics", Applied Acoustics 38 (1993) 235-244; used for synthesis by J.-M. Jot,
 * L. Cerveau and O. Warusfel, "Analysis and synthesis of room reverberation based on a statistical time-frequency
 * model", AES 103rd Convention, 1997). With sample rate {@code fs}, reverberation time {@code T60} and
 * {@code w[n]} independent standard normal draws:
 *
 * <pre>
 *   h[0] = g_d                                           the direct path
 *   h[n] = g_r * w[n] * 10^(-3 n / (fs * T60))           1 &lt;= n &lt; L,  L = ceil(fs * T60) + 1
 * </pre>
 *
 * The envelope's energy, {@code 10^(-6 t / T60)}, falls 60 dB in {@code T60} seconds (Sabine's definition), and
 * the response ends there. {@code g_r} is set so that the generated samples (not their expectation) have exactly
 * the requested direct-to-reverberant ratio {@code DRR = 10 log10(g_d^2 / sum_{n>=1} h[n]^2)}; then the whole
 * response is scaled to unit energy, so reverberation keeps the mean-square level of a broadband signal.
 *
 * <p>Simplifications: the decay is the same at every frequency (real rooms decay faster at high frequencies, where
 * air and furnishings absorb more), and the early reflections are part of the noise, not placed by the room's
 * geometry as the image-source method would (Allen and Berkley, JASA 65 (1979) 943-950). For a voice encoder that
 * must not rely on a dry signal, the smeared harmonics and filled-in pauses are what matters.
 * {@code RoomImpulseResponseTest} measures the generated T60 by Schroeder's backward integration.
 */
public final class RoomImpulseResponse {
    private static final int RATE = Spectrogram.SAMPLE_RATE;

    private RoomImpulseResponse() {
    }

    /** An impulse response of {@code room}, drawn from {@code seed} (the same seed gives the same response). */
    public static float[] generate(RoomAcoustics room, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int length = (int) Math.ceil(RATE * room.rt60Seconds()) + 1;
        double[] h = new double[length];
        double decayPerSample = Math.pow(10, -3 / (RATE * room.rt60Seconds()));
        double envelope = 1;
        double tailEnergy = 0;
        for (int n = 1; n < length; n++) {
            envelope *= decayPerSample;
            h[n] = gaussian(random) * envelope;
            tailEnergy += h[n] * h[n];
        }
        // g_d^2 / (g_r^2 tailEnergy) = 10^(DRR/10) with g_d = 1; then h / sqrt(1 + g_r^2 tailEnergy) has unit energy.
        double reverberant = Math.pow(10, -room.directToReverberantDb() / 10);
        double tailGain = Math.sqrt(reverberant / tailEnergy);
        double norm = 1 / Math.sqrt(1 + reverberant);
        float[] out = new float[length];
        out[0] = (float) norm;
        for (int n = 1; n < length; n++) {
            out[n] = (float) (h[n] * tailGain * norm);
        }
        return out;
    }

    /**
     * {@code dry} as heard through {@code impulseResponse}: the linear convolution, computed by one FFT of the zero-padded
     * signals (so nothing wraps around), cut to the dry signal's length as a call would be.
     */
    public static float[] reverberate(float[] dry, float[] impulseResponse) {
        if (impulseResponse.length == 0) {
            throw new IllegalArgumentException("impulse response is empty");
        }
        if (dry.length == 0) {
            return new float[0];
        }
        // A power of two keeps JTransforms on its fast radix paths.
        int n = Integer.highestOneBit(Math.max(2, dry.length + impulseResponse.length - 2)) << 1;
        double[] signal = new double[n];
        double[] filter = new double[n];
        for (int i = 0; i < dry.length; i++) {
            signal[i] = dry[i];
        }
        for (int i = 0; i < impulseResponse.length; i++) {
            filter[i] = impulseResponse[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.realForward(signal);
        fft.realForward(filter);
        // realForward packs bin k's real and imaginary parts at 2k and 2k + 1, except bin n/2's real part at 1.
        signal[0] *= filter[0];
        signal[1] *= filter[1];
        for (int k = 1; k < n / 2; k++) {
            double re = signal[2 * k] * filter[2 * k] - signal[2 * k + 1] * filter[2 * k + 1];
            double im = signal[2 * k] * filter[2 * k + 1] + signal[2 * k + 1] * filter[2 * k];
            signal[2 * k] = re;
            signal[2 * k + 1] = im;
        }
        fft.realInverse(signal, true);
        float[] wet = new float[dry.length];
        for (int i = 0; i < wet.length; i++) {
            wet[i] = (float) signal[i];
        }
        return wet;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; 1 - u keeps the logarithm finite.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
