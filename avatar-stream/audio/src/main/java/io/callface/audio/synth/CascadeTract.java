package io.callface.audio.synth;

/**
 * Klatt's (1980, JASA 67:971) cascade vocal tract: a nasal pole-zero pair, then five formant resonators in series
 * ({@link Resonator}, unit gain at 0 Hz). The transfer function is all-pole (plus the nasal zero), so formant
 * amplitudes follow from frequencies and bandwidths alone, as in the acoustic theory of the vowel (Fant 1960).
 */
final class CascadeTract implements VocalTract {
    private final NasalCoupling nasal;
    private final Resonator[] formants;

    CascadeTract(double sampleRate) {
        nasal = new NasalCoupling(sampleRate);
        formants = VocalTract.formantResonators(sampleRate);
    }

    @Override
    public void tune(ControlTracks tracks, int k, double b1ExtraHz) {
        nasal.tune(tracks, k);
        for (int n = 0; n < formants.length; n++) {
            formants[n].tune(VocalTract.formantHz(tracks, n, k), VocalTract.bandwidthHz(n) + (n == 0 ? b1ExtraHz : 0));
        }
    }

    @Override
    public double filter(double x) {
        double y = nasal.filter(x);
        for (Resonator formant : formants) {
            y = formant.filter(y);
        }
        return y;
    }
}
