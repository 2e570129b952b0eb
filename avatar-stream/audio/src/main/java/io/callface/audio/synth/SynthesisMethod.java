package io.callface.audio.synth;

/**
 * How {@link SpeechSynthesizer} turns its control tracks into sound: a glottal source model times a formant filter
 * topology. Training on a mix of all four keeps an encoder from keying on one synthesiser's artefacts (the spectral
 * valleys between formants differ between the topologies, the harmonic tilt and closure shape between the sources).
 * <ul>
 *   <li>Cascade: the formant resonators in series (Klatt 1980, JASA 67:971), so relative formant amplitudes and
 *       valleys follow from the all-pole transfer function alone.</li>
 *   <li>Parallel: one resonator per formant, each fed the source with its own gain, outputs summed with alternating
 *       signs (Holmes 1983, Speech Communication 2:251); gains are set to the cascade's amplitude at each formant so
 *       peaks match while the valleys between them differ.</li>
 *   <li>LF: the Liljencrants-Fant glottal flow derivative (Fant, Liljencrants &amp; Lin 1985, STL-QPSR 26(4):1) shaped
 *       by one parameter, Rd (Fant 1995, STL-QPSR 36(2-3):119).</li>
 *   <li>KLGLOTT88: the Klatt &amp; Klatt 1990 (JASA 87:820) polynomial flow with a one-pole spectral tilt filter.</li>
 * </ul>
 */
public enum SynthesisMethod {
    CASCADE_LF(true, true),
    CASCADE_KLGLOTT88(true, false),
    PARALLEL_LF(false, true),
    PARALLEL_KLGLOTT88(false, false);

    private final boolean cascade;
    private final boolean lf;

    SynthesisMethod(boolean cascade, boolean lf) {
        this.cascade = cascade;
        this.lf = lf;
    }

    boolean cascade() {
        return cascade;
    }

    boolean lf() {
        return lf;
    }
}
