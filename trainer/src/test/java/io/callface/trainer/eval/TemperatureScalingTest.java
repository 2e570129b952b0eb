package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {
    private static final int N = 20_000;

    @Test
    void multiclassFindsTheFactorThatShrankTheLogits() {
        Random random = new Random(3);
        double[][] logits = new double[N][];
        int[] label = new int[N];
        for (int i = 0; i < N; i++) {
            double[] honest = {2 * random.nextGaussian(), 2 * random.nextGaussian(), 2 * random.nextGaussian()};
            double[] p = TemperatureScaling.softmax(honest, 1);
            double u = random.nextDouble();
            label[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            logits[i] = new double[] {honest[0] / 2, honest[1] / 2, honest[2] / 2};
        }
        assertThat(TemperatureScaling.multiclass(logits, label)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void softmaxSumsToOneAndKeepsTheOrder() {
        double[] p = TemperatureScaling.softmax(new double[] {1, 3, 2}, 0.7);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-12));
        assertThat(p[1]).isGreaterThan(p[2]).isGreaterThan(0);
        assertThat(p[2]).isGreaterThan(p[0]);
    }
}
