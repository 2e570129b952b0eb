package io.callface.audio.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Nonsense words with English-like phonotactics: (C)(C)V(C)(C) syllables whose onsets and codas come from the legal
 * English clusters (/pl br tr kr fl st sp sk sm sn sl sw kw/; codas /nt nd mp ŋk st ld ks ts nz lz/), consonants and
 * vowels weighted by their frequency in English (Mines, Hanson &amp; Shoup 1978, Language and Speech 21:221). Words
 * have one to three syllables (1: 50 %, 2: 33 %, 3: 17 %); a monosyllable is a function word (unstressed, no
 * pitch accent) 45 % of the time; content words are stressed on the first syllable 75 % of the time (English
 * content words mostly begin strong: Cutler &amp; Carter 1987, Computer Speech and Language 2:133).
 * {@link Accent#complexSyllables()} scales how often clusters and codas occur, and each consonant is then spoken as
 * the accent realises it ({@link Accent#realise}).
 */
final class PhonotacticGenerator {
    private static final Consonant[] ONSETS = {
            Consonant.N, Consonant.T, Consonant.R, Consonant.S, Consonant.D, Consonant.L, Consonant.DH, Consonant.K,
            Consonant.M, Consonant.Z, Consonant.W, Consonant.B, Consonant.P, Consonant.V, Consonant.F, Consonant.H,
            Consonant.Y, Consonant.G, Consonant.SH, Consonant.TH};
    private static final double[] ONSET_WEIGHTS = {7, 7, 5, 5, 4, 4, 3.5, 3, 3, 1, 2, 2, 2, 1.8, 1.7, 1.5, 0.8, 0.8,
            0.8, 0.5};
    private static final Consonant[] CODAS = {
            Consonant.N, Consonant.T, Consonant.S, Consonant.D, Consonant.L, Consonant.K, Consonant.M, Consonant.Z,
            Consonant.NG, Consonant.P, Consonant.V, Consonant.F, Consonant.B, Consonant.G, Consonant.SH, Consonant.TH};
    private static final double[] CODA_WEIGHTS = {7, 7, 5, 4, 4, 3, 3, 2.5, 1, 2, 1.8, 1.7, 1, 0.8, 0.8, 0.5};
    private static final Consonant[][] ONSET_CLUSTERS = {
            {Consonant.P, Consonant.L}, {Consonant.B, Consonant.R}, {Consonant.T, Consonant.R},
            {Consonant.K, Consonant.R}, {Consonant.F, Consonant.L}, {Consonant.S, Consonant.T},
            {Consonant.S, Consonant.P}, {Consonant.S, Consonant.K}, {Consonant.S, Consonant.M},
            {Consonant.S, Consonant.N}, {Consonant.S, Consonant.L}, {Consonant.S, Consonant.W},
            {Consonant.K, Consonant.W}, {Consonant.G, Consonant.R}, {Consonant.D, Consonant.R}};
    private static final Consonant[][] CODA_CLUSTERS = {
            {Consonant.N, Consonant.T}, {Consonant.N, Consonant.D}, {Consonant.M, Consonant.P},
            {Consonant.NG, Consonant.K}, {Consonant.S, Consonant.T}, {Consonant.L, Consonant.D},
            {Consonant.K, Consonant.S}, {Consonant.T, Consonant.S}, {Consonant.N, Consonant.Z},
            {Consonant.L, Consonant.Z}};
    private static final Vowel[] VOWELS = {
            Vowel.IH, Vowel.EH, Vowel.AE, Vowel.IY, Vowel.AA, Vowel.AH, Vowel.EY, Vowel.AY, Vowel.OW, Vowel.UW,
            Vowel.ER, Vowel.AO, Vowel.AW, Vowel.UH, Vowel.OY};
    private static final double[] VOWEL_WEIGHTS = {1.2, 1, 1, 1, 0.8, 0.9, 0.8, 0.8, 0.6, 0.6, 0.5, 0.5, 0.3, 0.3,
            0.1};

    private final SplittableRandom random;
    private final Accent accent;
    private final double complexity;

    PhonotacticGenerator(Accent accent, SplittableRandom random) {
        this.random = random;
        this.accent = accent;
        this.complexity = accent.complexSyllables();
    }

    /** Words until at least {@code syllables} syllables, as one phrase. */
    List<Syllable> phrase(int syllables) {
        List<Syllable> out = new ArrayList<>();
        while (out.size() < syllables) {
            word(out);
        }
        return out;
    }

    private void word(List<Syllable> out) {
        double u = random.nextDouble();
        int length = u < 0.5 ? 1 : u < 0.83 ? 2 : 3;
        boolean content = length > 1 || random.nextDouble() >= 0.45;
        int stress = !content ? -1 : length == 1 ? 0 : stressPosition(length);
        for (int s = 0; s < length; s++) {
            out.add(new Syllable(spoken(onset()), pick(VOWELS, VOWEL_WEIGHTS), spoken(coda()), s == stress, content,
                    s == length - 1));
        }
    }

    private List<Consonant> spoken(List<Consonant> consonants) {
        return consonants.stream().map(c -> accent.realise(c, random)).toList();
    }

    private int stressPosition(int length) {
        double u = random.nextDouble();
        if (length == 2) {
            return u < 0.75 ? 0 : 1;
        }
        return u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
    }

    private List<Consonant> onset() {
        if (random.nextDouble() < 0.5 * complexity) {
            return List.of(ONSET_CLUSTERS[random.nextInt(ONSET_CLUSTERS.length)]);
        }
        return random.nextDouble() < 0.85 ? List.of(pick(ONSETS, ONSET_WEIGHTS)) : List.of();
    }

    private List<Consonant> coda() {
        if (random.nextDouble() < 0.3 + 0.5 * complexity) {
            if (random.nextDouble() < 0.4 * complexity) {
                return List.of(CODA_CLUSTERS[random.nextInt(CODA_CLUSTERS.length)]);
            }
            return List.of(pick(CODAS, CODA_WEIGHTS));
        }
        return List.of();
    }

    private <T> T pick(T[] items, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < items.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return items[i];
            }
        }
        return items[items.length - 1];
    }
}
