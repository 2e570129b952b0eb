package io.callface.audio.synth;

/**
 * A parallel-formant vocal tract (Holmes 1983, Speech Communication 2:251; the parallel branch of Klatt 1980):
 * after the shared nasal pole-zero pair, five resonators each filter the source (F2-F5 its first difference, which
 * supplies the +6 dB/octave the cascade's lower poles would otherwise give them), and their outputs are summed
 * with alternating signs so the skirts of neighbouring formants do not cancel.
 *
 * <p>Each formant's gain is set to the cascade's magnitude there, so the peaks match {@link CascadeTract}:
 * {@code g_n = prod_{m != n} |R_m(F_n)|}, with {@code |R_m(f)| = F_m^2 / sqrt((F_m^2 - f^2)^2 + (B_m f)^2)}
 * (a unit-DC-gain resonator), divided by the difference filter's gain {@code 2 sin(pi F_n / fs)} for n &gt;= 2.
 * Between the formants the spectrum differs from the cascade's: that is the point of offering both.
 */
final class ParallelTract implements VocalTract {
    private final double sampleRate;
    private final NasalCoupling nasal;
    private final Resonator[] formants;
    private final double[] gains = new double[5];
    private final double[] hz = new double[5];
    private final double[] bw = new double[5];
    private double previous;

    ParallelTract(double sampleRate) {
        this.sampleRate = sampleRate;
        nasal = new NasalCoupling(sampleRate);
        formants = VocalTract.formantResonators(sampleRate);
    }

    @Override
    public void tune(ControlTracks tracks, int k, double b1ExtraHz) {
        nasal.tune(tracks, k);
        for (int n = 0; n < formants.length; n++) {
            hz[n] = VocalTract.formantHz(tracks, n, k);
            bw[n] = VocalTract.bandwidthHz(n) + (n == 0 ? b1ExtraHz : 0);
            formants[n].tune(hz[n], bw[n]);
        }
        for (int n = 0; n < formants.length; n++) {
            double gain = 1;
            for (int m = 0; m < formants.length; m++) {
                if (m != n) {
                    gain *= magnitude(hz[m], bw[m], hz[n]);
                }
            }
            gains[n] = n == 0 ? gain : gain / (2 * Math.sin(Math.PI * hz[n] / sampleRate));
        }
    }

    @Override
    public double filter(double x) {
        double y = nasal.filter(x);
        double difference = y - previous;
        previous = y;
        double out = gains[0] * formants[0].filter(y);
        double sign = -1;
        for (int n = 1; n < formants.length; n++) {
            out += sign * gains[n] * formants[n].filter(difference);
            sign = -sign;
        }
        return out;
    }

    private static double magnitude(double formantHz, double bandwidthHz, double hz) {
        double f2 = formantHz * formantHz;
        double d = f2 - hz * hz;
        return f2 / Math.sqrt(d * d + bandwidthHz * bandwidthHz * hz * hz);
    }
}
