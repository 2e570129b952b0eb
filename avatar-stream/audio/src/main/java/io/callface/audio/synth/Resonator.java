package io.callface.audio.synth;

/**
 * Klatt's two-pole digital resonator: {@code y[n] = a x[n] + b y[n-1] + c y[n-2]} with unit gain at 0 Hz.
 * Frequency and bandwidth may change between samples (coefficients are recomputed by {@link #tune}).
 */
final class Resonator {
    private final double sampleRate;
    private double a;
    private double b;
    private double c;
    private double y1;
    private double y2;

    Resonator(double sampleRate) {
        this.sampleRate = sampleRate;
    }

    void tune(double frequencyHz, double bandwidthHz) {
        double r = Math.exp(-Math.PI * bandwidthHz / sampleRate);
        c = -r * r;
        b = 2 * r * Math.cos(2 * Math.PI * frequencyHz / sampleRate);
        a = 1 - b - c;
    }

    double filter(double x) {
        double y = a * x + b * y1 + c * y2;
        y2 = y1;
        y1 = y;
        return y;
    }
}
