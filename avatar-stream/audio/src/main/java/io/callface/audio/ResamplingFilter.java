package io.callface.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The polyphase windowed-sinc filter that converts one supported input rate to 16 kHz. The rate ratio is
 * reduced to {@code up/down}; output sample {@code j} sits at input position {@code j*down/up}, whose
 * fractional part selects one of {@code up} phases, each a row of {@code 2*halfTaps} taps.
 *
 * <p>Design: ideal low-pass {@code 2fc sinc(2fc t)} times a Kaiser window, {@value #ATTENUATION_DB} dB
 * stop-band attenuation (Kaiser beta and length from Kaiser's formulas), pass-band edge 0.45 and stop-band
 * edge 0.5 of the lower of the two rates, so nothing above 8 kHz survives a down-conversion and no image
 * above the input's Nyquist rate survives an up-conversion. Each phase is normalised to unit DC gain.
 * Designs are immutable and shared.
 */
final class ResamplingFilter {
    static final double ATTENUATION_DB = 90;
    private static final double PASS_EDGE = 0.45;
    private static final double STOP_EDGE = 0.5;
    private static final Map<Integer, ResamplingFilter> DESIGNS = new ConcurrentHashMap<>();

    final int up;
    final int down;
    final int halfTaps;
    /** Row-major {@code [up][2 * halfTaps]}; tap k of a phase multiplies input {@code base - halfTaps + 1 + k}. */
    final float[] taps;

    private ResamplingFilter(int inputRate) {
        int outputRate = Spectrogram.SAMPLE_RATE;
        int gcd = gcd(inputRate, outputRate);
        this.up = outputRate / gcd;
        this.down = inputRate / gcd;
        double band = Math.min(inputRate, outputRate);
        double transitionHz = (STOP_EDGE - PASS_EDGE) * band;
        double cutoff = (PASS_EDGE + STOP_EDGE) / 2 * band / inputRate; // cycles per input sample
        // Kaiser: length N = (A - 7.95) / (2.285 * transition in rad/sample); half of it either side.
        double length = (ATTENUATION_DB - 7.95) / (2.285 * 2 * Math.PI * transitionHz / inputRate);
        this.halfTaps = (int) Math.ceil(length / 2);
        double beta = 0.1102 * (ATTENUATION_DB - 8.7);
        double i0Beta = besselI0(beta);
        int width = 2 * halfTaps;
        this.taps = new float[up * width];
        for (int phase = 0; phase < up; phase++) {
            double fraction = (double) phase / up;
            double[] row = new double[width];
            double sum = 0;
            for (int k = 0; k < width; k++) {
                double t = fraction + halfTaps - 1 - k; // output position minus input position, in input samples
                double r = t / halfTaps;
                double window = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
                row[k] = 2 * cutoff * sinc(2 * cutoff * t) * window;
                sum += row[k];
            }
            for (int k = 0; k < width; k++) {
                taps[phase * width + k] = (float) (row[k] / sum);
            }
        }
    }

    /** The shared design for {@code inputRate} (one of {@link StreamFormat#SUPPORTED_SAMPLE_RATES}, not 16 kHz). */
    static ResamplingFilter to16k(int inputRate) {
        return DESIGNS.computeIfAbsent(inputRate, ResamplingFilter::new);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-17 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
