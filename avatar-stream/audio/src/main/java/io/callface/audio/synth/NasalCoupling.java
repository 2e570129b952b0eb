package io.callface.audio.synth;

/**
 * The nasal pole-zero pair both vocal tracts put before their formants (Klatt 1980, JASA 67:971): with the pole and
 * zero at the same frequency the pair is transparent; a nasal separates them, adding the murmur's low resonance and
 * its antiformant.
 */
final class NasalCoupling {
    private static final double BANDWIDTH_HZ = 100;

    private final Resonator pole;
    private final Antiresonator zero;

    NasalCoupling(double sampleRate) {
        pole = new Resonator(sampleRate);
        zero = new Antiresonator(sampleRate);
    }

    void tune(ControlTracks tracks, int k) {
        pole.tune(tracks.nasalPoleHz(), BANDWIDTH_HZ);
        zero.tune(tracks.nasalZeroHz[k], BANDWIDTH_HZ);
    }

    double filter(double x) {
        return zero.filter(pole.filter(x));
    }
}
