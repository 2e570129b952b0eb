package io.callface.audio.synth;

/**
 * Klatt's (1980, JASA 67:971) antiresonator, the inverse of {@link Resonator}: {@code y[n] = A x[n] + B x[n-1] +
 * C x[n-2]} with {@code A = 1 / a}, {@code B = -b / a}, {@code C = -c / a} for the resonator coefficients a, b, c
 * of the same frequency and bandwidth, so a resonator and an antiresonator at one frequency cancel. It makes the
 * spectral zero of nasal murmurs.
 */
final class Antiresonator {
    private final double sampleRate;
    private double a;
    private double b;
    private double c;
    private double x1;
    private double x2;

    Antiresonator(double sampleRate) {
        this.sampleRate = sampleRate;
    }

    void tune(double frequencyHz, double bandwidthHz) {
        double r = Math.exp(-Math.PI * bandwidthHz / sampleRate);
        double rc = -r * r;
        double rb = 2 * r * Math.cos(2 * Math.PI * frequencyHz / sampleRate);
        double ra = 1 - rb - rc;
        a = 1 / ra;
        b = -rb / ra;
        c = -rc / ra;
    }

    double filter(double x) {
        double y = a * x + b * x1 + c * x2;
        x2 = x1;
        x1 = x;
        return y;
    }
}
