package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReliabilityTableTest {
    @Test
    void eceWeighsEachBinsGapByItsShare() {
        // Bin 0.1-0.2: stated 0.15 twice, happened once (0.5); bin 0.9-1.0: stated 0.95 twice, happened twice.
        ReliabilityTable t = ReliabilityTable.binary(new double[] {0.15, 0.15, 0.95, 0.95},
                new boolean[] {true, false, true, true});
        assertThat(t.bins()).hasSize(2);
        assertThat(t.bins().get(0).count()).isEqualTo(2);
        assertThat(t.bins().get(0).observed()).isEqualTo(0.5);
        assertThat(t.ece()).isCloseTo(0.5 * 0.35 + 0.5 * 0.05, within(1e-12));
    }

    @Test
    void honestProbabilitiesHaveASmallError() {
        Random random = new Random(1);
        int n = 20_000;
        double[] p = new double[n];
        boolean[] honest = new boolean[n];
        boolean[] overconfident = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = random.nextDouble();
            honest[i] = random.nextDouble() < p[i];
            // The event happens with a probability halfway between the stated one and 0.5.
            overconfident[i] = random.nextDouble() < 0.5 + (p[i] - 0.5) / 2;
        }
        assertThat(ReliabilityTable.binary(p, honest).ece()).isLessThan(0.02);
        assertThat(ReliabilityTable.binary(p, overconfident).ece()).isGreaterThan(0.1);
    }

    @Test
    void topLabelReadsTheLikeliestClass() {
        ReliabilityTable t = ReliabilityTable.topLabel(new double[][] {{0.1, 0.7, 0.2}, {0.6, 0.3, 0.1}},
                new int[] {1, 2});
        assertThat(t.bins()).extracting(ReliabilityTable.Bin::observed).containsExactly(0.0, 1.0);
        assertThat(t.ece()).isCloseTo(0.5 * 0.6 + 0.5 * 0.3, within(1e-12));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ReliabilityTable.binary(new double[] {1.5}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> ReliabilityTable.binary(new double[0], new boolean[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
