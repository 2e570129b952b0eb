package io.callface.audio.synth;

/**
 * The consonants of the speech synthesiser (English-like inventory) with what each needs to be rendered: manner,
 * voicing, place, and an intrinsic duration from Klatt 1979 (<i>Synthesis by rule of segmental durations in English
 * sentences</i>, in Lindblom &amp; Öhman (eds.), Frontiers of Speech Communication Research) in ms.
 *
 * <p>Nasals and approximants have their own formant targets for the 17.5 cm reference tract: nasal murmurs have a
 * strong low resonance near 250-300 Hz and an antiresonance that rises from /m/ (about 1000 Hz) to /n/ (about
 * 1800 Hz) to /ŋ/ (about 3000 Hz) (Fujimura 1962, JASA 34:1865); approximants after Espy-Wilson 1992 (JASA 92:736):
 * /l/ 360-1100-2700, /r/ 310-1060-1380 (the low F3), /w/ 290-610-2150, /j/ 260-2070-3020 Hz. Obstruents take their
 * formants from the neighbouring vowel through their place's locus equation ({@link Place}).
 */
enum Consonant {
    P(Manner.PLOSIVE, false, Place.LABIAL, 85),
    B(Manner.PLOSIVE, true, Place.LABIAL, 85),
    T(Manner.PLOSIVE, false, Place.ALVEOLAR, 75),
    D(Manner.PLOSIVE, true, Place.ALVEOLAR, 75),
    K(Manner.PLOSIVE, false, Place.VELAR, 80),
    G(Manner.PLOSIVE, true, Place.VELAR, 80),
    F(Manner.FRICATIVE, false, Place.LABIODENTAL, 100),
    V(Manner.FRICATIVE, true, Place.LABIODENTAL, 60),
    TH(Manner.FRICATIVE, false, Place.DENTAL, 80),
    DH(Manner.FRICATIVE, true, Place.DENTAL, 50),
    S(Manner.FRICATIVE, false, Place.ALVEOLAR, 105),
    Z(Manner.FRICATIVE, true, Place.ALVEOLAR, 75),
    SH(Manner.FRICATIVE, false, Place.POSTALVEOLAR, 105),
    ZH(Manner.FRICATIVE, true, Place.POSTALVEOLAR, 70),
    H(Manner.FRICATIVE, false, Place.GLOTTAL, 80),
    M(Manner.NASAL, true, Place.LABIAL, 70, new Formants(280, 1100, 2200, 3300), 1000),
    N(Manner.NASAL, true, Place.ALVEOLAR, 60, new Formants(280, 1600, 2500, 3300), 1800),
    NG(Manner.NASAL, true, Place.VELAR, 95, new Formants(280, 2000, 2700, 3300), 3000),
    L(Manner.APPROXIMANT, true, Place.ALVEOLAR, 80, new Formants(360, 1100, 2700, 3300), 0),
    R(Manner.APPROXIMANT, true, Place.POSTALVEOLAR, 80, new Formants(310, 1060, 1380, 3200), 0),
    W(Manner.APPROXIMANT, true, Place.LABIAL, 80, new Formants(290, 610, 2150, 3300), 0),
    Y(Manner.APPROXIMANT, true, Place.POSTALVEOLAR, 80, new Formants(260, 2070, 3020, 3600), 0),
    /** [ʈ], the retroflex /t/ of Indian English ({@link Accent#SOUTH_ASIAN}); never generated for English. */
    RETROFLEX_T(Manner.PLOSIVE, false, Place.RETROFLEX, 75),
    /** [ɖ], the retroflex /d/ of Indian English. */
    RETROFLEX_D(Manner.PLOSIVE, true, Place.RETROFLEX, 75);

    enum Manner { PLOSIVE, FRICATIVE, NASAL, APPROXIMANT }

    /** How far above its F2 locus a retroflex closure puts F3, in the reference tract (see {@link Place}). */
    static final double RETROFLEX_F3_ABOVE_F2_HZ = 300;

    /**
     * Place of articulation: the F2 locus equation {@code F2(onset) = k F2(vowel) + c} (Sussman, McCaffrey &amp;
     * Matthews 1991, JASA 90:1309: labial slopes near 0.8-0.9, alveolar near 0.4, velar near 0.7-0.8; our
     * intercepts put the loci at about 1000, 1800 and 2000 Hz for a 1500 Hz vowel F2 in the 17.5 cm tract), and the
     * noise band of its frication or release burst (Jongman, Wayland &amp; Wong 2000, JASA 108:1252: /s z/ peak near
     * 6 kHz, /ʃ ʒ/ near 3 kHz, /f v θ ð/ flat and weak; Stevens &amp; Blumstein 1978, JASA 64:1358: labial bursts
     * diffuse and low, alveolar diffuse and high, velar compact near the following vowel's F2). Retroflex stops
     * share the alveolar F2 locus but pull F3 down towards F2 and have a compact burst near that low F3, lower
     * than the alveolar burst (Stevens &amp; Blumstein 1975, J Phonetics 3:215; Ladefoged &amp; Maddieson 1996,
     * <i>The Sounds of the World's Languages</i>, Blackwell, ch. 2): F3 at the closure
     * {@value Consonant#RETROFLEX_F3_ABOVE_F2_HZ} Hz above the F2 locus and a 3000 Hz burst band 1500 Hz wide in the
     * reference tract (our values in those ranges).
     */
    enum Place {
        LABIAL(0.85, -275, 1500, 3000),
        LABIODENTAL(0.8, 0, 4500, 6000),
        DENTAL(0.5, 850, 5000, 6000),
        ALVEOLAR(0.45, 1150, 5500, 2500),
        POSTALVEOLAR(0.5, 1200, 3000, 1500),
        VELAR(0.75, 875, 2200, 900),
        RETROFLEX(0.45, 1150, 3000, 1500),
        GLOTTAL(1, 0, 0, 0);

        final double locusSlope;
        final double locusInterceptHz;
        final double noiseHz;
        final double noiseBandwidthHz;

        Place(double locusSlope, double locusInterceptHz, double noiseHz, double noiseBandwidthHz) {
            this.locusSlope = locusSlope;
            this.locusInterceptHz = locusInterceptHz;
            this.noiseHz = noiseHz;
            this.noiseBandwidthHz = noiseBandwidthHz;
        }

        /** F2 at the consonant, in the reference tract, next to a vowel with {@code vowelF2Hz}. */
        double locusF2(double vowelF2Hz) {
            return locusSlope * vowelF2Hz + locusInterceptHz;
        }
    }

    final Manner manner;
    final boolean voiced;
    final Place place;
    final double durationMs;
    /** Own formant targets (nasals, approximants), or null where the neighbouring vowel and locus decide. */
    final Formants formants;
    /** Nasal antiresonance in the reference tract; 0 for non-nasals. */
    final double antiformantHz;

    Consonant(Manner manner, boolean voiced, Place place, double durationMs) {
        this(manner, voiced, place, durationMs, null, 0);
    }

    Consonant(Manner manner, boolean voiced, Place place, double durationMs, Formants formants,
              double antiformantHz) {
        this.manner = manner;
        this.voiced = voiced;
        this.place = place;
        this.durationMs = durationMs;
        this.formants = formants;
        this.antiformantHz = antiformantHz;
    }

    /** Sibilants (/s z ʃ ʒ/) are loud; the other fricatives are weak and flat. */
    boolean isSibilant() {
        return manner == Manner.FRICATIVE && (place == Place.ALVEOLAR || place == Place.POSTALVEOLAR);
    }
}
