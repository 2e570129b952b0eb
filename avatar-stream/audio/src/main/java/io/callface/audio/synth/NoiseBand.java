package io.callface.audio.synth;

/**
 * A fourth-order band-pass for frication noise: two identical two-pole sections in cascade, each
 * {@code y[n] = g (x[n] - x[n-2]) + 2 r cos(w) y[n-1] - r^2 y[n-2]} with {@code r = e^(-pi B / fs)} and
 * {@code g = (1 - r^2) / 2}: gain about 1 at the centre, zeros at 0 Hz and the Nyquist frequency, skirts falling
 * 12 dB/octave, so a sibilant's energy stays in its place's band (unlike {@link Resonator}, whose gain at 0 Hz
 * is 1). Place-dependent fricative spectra are this band at the place's centre frequency and bandwidth.
 */
final class NoiseBand {
    private final double sampleRate;
    private final double[] state = new double[8];
    private double g;
    private double b;
    private double c;

    NoiseBand(double sampleRate) {
        this.sampleRate = sampleRate;
    }

    void tune(double centreHz, double bandwidthHz) {
        double r = Math.exp(-Math.PI * bandwidthHz / sampleRate);
        g = (1 - r * r) / 2;
        b = 2 * r * Math.cos(2 * Math.PI * centreHz / sampleRate);
        c = -r * r;
    }

    double filter(double x) {
        return section(section(x, 0), 4);
    }

    /** One section; its state x[n-1], x[n-2], y[n-1], y[n-2] at {@code state[offset..offset+3]}. */
    private double section(double x, int offset) {
        double y = g * (x - state[offset + 1]) + b * state[offset + 2] + c * state[offset + 3];
        state[offset + 1] = state[offset];
        state[offset] = x;
        state[offset + 3] = state[offset + 2];
        state[offset + 2] = y;
        return y;
    }
}
