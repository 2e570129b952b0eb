package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearMapTest {

    @Test
    void aLightRidgeRecoversAnExactLinearMap() {
        Random random = new Random(1);
        double[][] inputs = new double[200][3];
        List<float[]> targets = new ArrayList<>();
        for (double[] x : inputs) {
            for (int j = 0; j < 3; j++) {
                x[j] = 10 * random.nextGaussian() + j;
            }
            targets.add(new float[] {(float) (2 * x[0] - x[2] + 5), (float) (0.5 * x[1])});
        }

        LinearMap map = LinearMap.fit(inputs, targets, 1e-6);

        assertThat(map.predict(new double[] {1, 2, 3})).containsExactly(new float[] {2 - 3 + 5, 1}, within(1e-3f));
    }

    @Test
    void aConstantInputIsHarmlessAndAHeavyRidgeShrinksTowardsTheMean() {
        double[][] inputs = {{1, 7}, {2, 7}, {3, 7}, {4, 7}};
        List<float[]> targets = List.of(new float[] {1}, new float[] {2}, new float[] {3}, new float[] {4});

        float light = LinearMap.fit(inputs, targets, 1e-6).predict(new double[] {4, 7})[0];
        float heavy = LinearMap.fit(inputs, targets, 1e6).predict(new double[] {4, 7})[0];

        assertThat(light).isCloseTo(4f, within(1e-3f));
        assertThat(heavy).isCloseTo(2.5f, within(1e-3f));
    }

    @Test
    void rowsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> LinearMap.fit(new double[][] {{1}, {1, 2}}, List.of(new float[1], new float[1]), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }

    private static org.assertj.core.data.Offset<Float> within(float tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }
}
