package io.callface.audio.synth;

/** A formant filter retuned once per control step: {@link CascadeTract} or {@link ParallelTract}. */
interface VocalTract {
    /** The fifth formant of the reference tract, fixed as in Klatt 1980. */
    double F5_HZ = 4500;
    /** Highest formant frequency used, safely below the 8 kHz Nyquist frequency. */
    double MAX_FORMANT_HZ = 7500;

    /** Sets the filters to step {@code k} of {@code tracks}; {@code b1ExtraHz} widens F1 (glottal losses). */
    void tune(ControlTracks tracks, int k, double b1ExtraHz);

    double filter(double x);

    /** Five formant resonators, F1-F5. */
    static Resonator[] formantResonators(double sampleRate) {
        Resonator[] formants = new Resonator[5];
        for (int n = 0; n < formants.length; n++) {
            formants[n] = new Resonator(sampleRate);
        }
        return formants;
    }

    /** Bandwidth of formant {@code n} (0-based, 0-4) in Hz for a modal voice (Klatt 1980's defaults, rounded). */
    static double bandwidthHz(int n) {
        return switch (n) {
            case 0 -> 60;
            case 1 -> 90;
            case 2 -> 150;
            case 3 -> 200;
            default -> 300;
        };
    }

    /** Formant {@code n} (0-based, 0-4) at step {@code k}, the fifth fixed and all kept below Nyquist. */
    static double formantHz(ControlTracks tracks, int n, int k) {
        double hz = n < 4 ? tracks.formants[n][k] : F5_HZ * tracks.scale;
        return Math.min(MAX_FORMANT_HZ, hz);
    }
}
