package io.callface.audio.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhonotacticGeneratorTest {
    private static final Set<List<Consonant>> ONSET_CLUSTERS = Set.of(
            List.of(Consonant.P, Consonant.L), List.of(Consonant.B, Consonant.R), List.of(Consonant.T, Consonant.R),
            List.of(Consonant.K, Consonant.R), List.of(Consonant.F, Consonant.L), List.of(Consonant.S, Consonant.T),
            List.of(Consonant.S, Consonant.P), List.of(Consonant.S, Consonant.K), List.of(Consonant.S, Consonant.M),
            List.of(Consonant.S, Consonant.N), List.of(Consonant.S, Consonant.L), List.of(Consonant.S, Consonant.W),
            List.of(Consonant.K, Consonant.W), List.of(Consonant.G, Consonant.R), List.of(Consonant.D, Consonant.R));
    private static final Set<Consonant> NEVER_IN_CODA = Set.of(Consonant.H, Consonant.W, Consonant.Y, Consonant.R);

    @Test
    void syllablesAreEnglishLikeAndEveryContentWordHasOneStress() {
        List<Syllable> syllables = generate(Accent.ENGLISH, 0.65);
        List<Syllable> word = new ArrayList<>();
        for (Syllable s : syllables) {
            assertThat(s.onset().size()).isLessThanOrEqualTo(2);
            assertThat(s.coda().size()).isLessThanOrEqualTo(2);
            assertThat(s.onset()).doesNotContain(Consonant.NG);
            assertThat(s.coda()).doesNotContainAnyElementsOf(NEVER_IN_CODA);
            if (s.onset().size() == 2) {
                assertThat(ONSET_CLUSTERS).contains(s.onset());
            }
            word.add(s);
            if (s.wordFinal()) {
                long stresses = word.stream().filter(Syllable::stressed).count();
                assertThat(stresses).isEqualTo(s.contentWord() ? 1 : 0);
                assertThat(word).allMatch(w -> w.contentWord() == s.contentWord());
                word.clear();
            }
        }
    }

    @Test
    void phrasesHaveAtLeastTheRequestedSyllablesAndEndAWord() {
        PhonotacticGenerator generator = new PhonotacticGenerator(Accent.ENGLISH, new SplittableRandom(1));
        for (int n = 2; n < 20; n++) {
            List<Syllable> phrase = generator.phrase(n);
            assertThat(phrase.size()).isBetween(n, n + 2);
            assertThat(phrase.get(phrase.size() - 1).wordFinal()).isTrue();
        }
    }

    /** Simpler syllables (fewer clusters and codas) where {@link Accent#complexSyllables()} is lower. */
    @Test
    void complexityControlsClustersAndCodas() {
        double[] simple = shares(generate(Accent.EAST_ASIAN, 0.2));
        double[] complex = shares(generate(Accent.ENGLISH, 0.65));
        assertThat(simple[0]).isLessThan(0.6 * complex[0]);
        assertThat(simple[1]).isLessThan(0.8 * complex[1]);
    }

    private static List<Syllable> generate(Accent accent, double complexity) {
        assertThat(accent.complexSyllables()).isEqualTo(complexity);
        PhonotacticGenerator generator = new PhonotacticGenerator(accent, new SplittableRandom(7));
        List<Syllable> out = new ArrayList<>();
        while (out.size() < 3000) {
            out.addAll(generator.phrase(8));
        }
        return out;
    }

    /** {share of syllables with a cluster, share with a coda}. */
    private static double[] shares(List<Syllable> syllables) {
        double clusters = syllables.stream().filter(s -> s.onset().size() > 1 || s.coda().size() > 1).count();
        double codas = syllables.stream().filter(s -> !s.coda().isEmpty()).count();
        return new double[] {clusters / syllables.size(), codas / syllables.size()};
    }
}
