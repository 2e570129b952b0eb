package io.callface.audio.synth;

/**
 * The vowels of the speech synthesiser with their formant targets for a 17.5 cm reference vocal tract (scaled by
 * {@code 17.5 cm / vocal-tract length} for each speaker) and their intrinsic durations.
 *
 * <p>Monophthongs: F1-F3 and durations are the means for men in Hillenbrand, Getty, Clark &amp; Wheeler 1995
 * (JASA 97:3099, American English /hVd/ words, 45 men); F4 is not tabulated for every vowel there and varies little
 * across vowels, so it is set to the neutral tube's 3500 Hz. Schwa is the neutral tube itself (500, 1500, 2500,
 * 3500 Hz). Diphthongs glide between two of the monophthongs' targets, as their trajectories do (Gay 1968, JASA
 * 44:1570). {@link #durationFactor()} is the Hillenbrand duration over their mean (about 240 ms), so tense vowels
 * are longer than lax ones (Peterson &amp; Lehiste 1960, JASA 32:693).
 */
public enum Vowel {
    /** /i/ as in "heed". */
    IY(342, 2322, 3000, 243),
    /** /ɪ/ as in "hid". */
    IH(427, 2034, 2684, 192),
    /** /e/ as in "hayed". */
    EY(476, 2089, 2691, 267),
    /** /ɛ/ as in "head". */
    EH(580, 1799, 2605, 189),
    /** /æ/ as in "had". */
    AE(588, 1952, 2601, 278),
    /** /ɑ/ as in "hod". */
    AA(768, 1333, 2522, 267),
    /** /ɔ/ as in "hawed". */
    AO(652, 997, 2538, 283),
    /** /o/ as in "hoed". */
    OW(497, 910, 2459, 265),
    /** /ʊ/ as in "hood". */
    UH(469, 1122, 2434, 192),
    /** /u/ as in "who'd". */
    UW(378, 997, 2343, 237),
    /** /ʌ/ as in "hud". */
    AH(623, 1200, 2550, 188),
    /** /ɝ/ as in "heard": the low F3 is r-colouring. */
    ER(474, 1379, 1710, 263),
    /** /ə/, the reduced vowel: the neutral tube. */
    AX(500, 1500, 2500, 120),
    /** /aɪ/ as in "hide": /ɑ/ gliding to /ɪ/. */
    AY(768, 1333, 2522, 290, IH),
    /** /aʊ/ as in "how'd": /ɑ/ gliding to /ʊ/. */
    AW(768, 1333, 2522, 290, UH),
    /** /ɔɪ/ as in "hoyed": /ɔ/ gliding to /ɪ/. */
    OY(652, 997, 2538, 300, IH);

    private static final double F4_HZ = 3500;
    private static final double MEAN_DURATION_MS = 240;

    private final Formants onset;
    private final Formants offset;
    private final double durationFactor;

    Vowel(double f1, double f2, double f3, double durationMs) {
        this.onset = new Formants(f1, f2, f3, F4_HZ);
        this.offset = onset;
        this.durationFactor = durationMs / MEAN_DURATION_MS;
    }

    Vowel(double f1, double f2, double f3, double durationMs, Vowel glide) {
        this.onset = new Formants(f1, f2, f3, F4_HZ);
        this.offset = glide.onset;
        this.durationFactor = durationMs / MEAN_DURATION_MS;
    }

    /** Formant {@code n} (1-4) in Hz at the vowel's start, for the 17.5 cm reference tract. */
    public double formantHz(int n) {
        return onset.get(n);
    }

    /** Intrinsic duration relative to the mean vowel (Hillenbrand et al. 1995). */
    public double durationFactor() {
        return durationFactor;
    }

    Formants onset() {
        return onset;
    }

    Formants offset() {
        return offset;
    }
}
