package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaceMeasureCorrelationsTest {
    private static final int IDENTITIES = 200;

    /**
     * 200 identities whose landmarks are a base ellipse moved by identity-specific jitter (sd 0.01); S2F is F2F
     * plus a little noise (sd 0.002), the true face is F2F plus the same amount of other noise.
     */
    static FaceMeasureCorrelations correlations() {
        Random random = new Random(9);
        List<float[]> truth = new ArrayList<>();
        List<float[]> f2f = new ArrayList<>();
        List<float[]> s2f = new ArrayList<>();
        for (int i = 0; i < IDENTITIES; i++) {
            float[] face = jitter(base(), 0.01, random);
            f2f.add(face);
            s2f.add(jitter(face, 0.002, random));
            truth.add(jitter(face, 0.002, random));
        }
        return FaceMeasureCorrelations.compute(truth, f2f, s2f, 128, 128);
    }

    @Test
    void sameIdentityPairsCorrelateAndRandomPairsDoNot() {
        FaceMeasureCorrelations c = correlations();

        assertThat(c.pairs()).isEqualTo(IDENTITIES);
        assertThat(c.measures()).hasSize(FaceMeasure.ALL.size());
        for (FaceMeasureCorrelations.Row row : c.measures()) {
            assertThat(row.f2fVsS2f().r()).as(row.measure().name()).isGreaterThan(0.7);
            assertThat(row.f2fVsS2f().pValue()).as(row.measure().name()).isLessThan(0.001);
            assertThat(row.trueVsF2f().r()).as(row.measure().name()).isGreaterThan(0.7);
            // Independent pairs: |r| beyond 4 standard errors (0.28) would be a bug, not chance.
            assertThat(Math.abs(row.randomPairs().r())).as(row.measure().name()).isLessThan(0.28);
        }
        assertThat(c.meanRandomPairs()).isBetween(-0.1, 0.1);
        assertThat(c.meanF2fVsS2f()).isGreaterThan(0.7);
    }

    @Test
    void theRandomPairingIsADerangement() {
        for (int n : new int[] {2, 3, 10, 200}) {
            int[] p = FaceMeasureCorrelations.derangement(n, new Random(n));
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                assertThat(p[i]).as("index %d of %d", i, n).isNotEqualTo(i);
                seen.add(p[i]);
            }
            assertThat(seen).hasSize(n);
        }
    }

    @Test
    void measureKeysAreMetricNames() {
        assertThat(FaceMeasure.ALL.stream().map(FaceMeasure::key)).contains("nasal_index", "mouth_face_width_index",
                "face_width_to_height");
    }

    /** 68 points on an ellipse (as the test corpus draws them): no measure's denominator is degenerate. */
    private static float[] base() {
        float[] l = new float[136];
        for (int p = 0; p < 68; p++) {
            double angle = 2 * Math.PI * p / 68;
            l[2 * p] = (float) (0.5 + 0.3 * Math.cos(angle));
            l[2 * p + 1] = (float) (0.5 + 0.4 * Math.sin(angle));
        }
        return l;
    }

    private static float[] jitter(float[] landmarks, double sd, Random random) {
        float[] out = landmarks.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (sd * random.nextGaussian());
        }
        return out;
    }
}
