package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearModelsTest {
    private static final int ITERATIONS = 200;

    @Test
    void logisticRegressionSeparatesSeparableData() {
        Random random = new Random(1);
        float[][] x = new float[200][];
        boolean[] y = new boolean[200];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2 == 0;
            x[i] = noise(random, 10, 1);
            // Class means 6 apart along dimension 3 against unit noise: separable in practice.
            x[i][3] += y[i] ? 3 : -3;
        }

        LogisticRegression model = LogisticRegression.fit(x, y, 1e-3, ITERATIONS);

        for (int i = 0; i < x.length; i++) {
            assertThat(model.probability(x[i]) >= 0.5).as("row " + i).isEqualTo(y[i]);
        }
        float[] clearlyPositive = new float[10];
        clearlyPositive[3] = 5;
        assertThat(model.probability(clearlyPositive)).isGreaterThan(0.99);
    }

    @Test
    void logisticRegressionNeedsBothClasses() {
        assertThatThrownBy(() -> LogisticRegression.fit(new float[][] {{1}, {2}}, new boolean[] {true, true}, 1e-3, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both classes");
    }

    @Test
    void ridgeRecoversAKnownSlopeAndIntercept() {
        Random random = new Random(2);
        float[][] x = new float[500][];
        double[] y = new double[500];
        for (int i = 0; i < x.length; i++) {
            x[i] = noise(random, 5, 1);
            y[i] = 40 + 12 * x[i][0] - 5 * x[i][2] + 0.5 * random.nextGaussian();
        }

        RidgeRegression model = RidgeRegression.fit(x, y, 1e-6, ITERATIONS);

        assertThat(model.predict(new float[5])).isCloseTo(40, within(0.2));
        assertThat(model.predict(new float[] {1, 0, 0, 0, 0}) - model.predict(new float[5])).isCloseTo(12, within(0.2));
        assertThat(model.predict(new float[] {0, 0, 1, 0, 0}) - model.predict(new float[5])).isCloseTo(-5, within(0.2));
    }

    @Test
    void aLargeRidgePenaltyShrinksTheSlopeTowardsZero() {
        Random random = new Random(3);
        float[][] x = new float[300][];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = noise(random, 2, 1);
            y[i] = 10 * x[i][0];
        }

        double weak = slope(RidgeRegression.fit(x, y, 1e-6, ITERATIONS));
        double strong = slope(RidgeRegression.fit(x, y, 10, ITERATIONS));

        // Standardised target, unit-variance input: the slope shrinks by about 1 / (1 + penalty).
        assertThat(strong).isCloseTo(weak / 11, within(0.2));
    }

    @Test
    void softmaxRegressionFindsFourClusters() {
        Random random = new Random(4);
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}, {0, -3}};
        float[][] x = new float[400][];
        int[] y = new int[400];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 4;
            x[i] = noise(random, 6, 0.7);
            x[i][0] += (float) centres[y[i]][0];
            x[i][1] += (float) centres[y[i]][1];
        }

        SoftmaxRegression model = SoftmaxRegression.fit(x, y, 4, 1e-3, ITERATIONS);

        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            correct += model.predict(x[i]) == y[i] ? 1 : 0;
            double[] p = model.probabilities(x[i]);
            assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1, within(1e-9));
        }
        // Clusters 4.2 sd apart at the nearest: well above 98 % by the Bayes rate.
        assertThat(correct / 400.0).isGreaterThan(0.98);
    }

    @Test
    void lbfgsMinimisesABadlyConditionedQuadratic() {
        // f(x) = sum_i c_i (x_i - 1)^2 / 2 with curvatures from 1e-3 to 1e3: plain gradient descent would need
        // about a million steps, L-BFGS a few dozen.
        double[] curvature = {1e-3, 1e-2, 1e-1, 1, 10, 100, 1000};
        double[] x = Lbfgs.minimise((t, g) -> {
            double f = 0;
            for (int i = 0; i < t.length; i++) {
                g[i] = curvature[i] * (t[i] - 1);
                f += curvature[i] * (t[i] - 1) * (t[i] - 1) / 2;
            }
            return f;
        }, new double[curvature.length], 100, 1e-9);

        for (double v : x) {
            assertThat(v).isCloseTo(1, within(1e-3));
        }
    }

    @Test
    void standardiserCentresAndScalesEachColumn() {
        float[][] rows = {{1, 10, 5}, {3, 30, 5}};

        Standardiser s = Standardiser.fit(rows);

        assertThat(s.apply(rows[0])).containsExactly(-1f, -1f, 0f);
        assertThat(s.apply(rows[1])).containsExactly(1f, 1f, 0f);
    }

    private static double slope(RidgeRegression model) {
        return model.predict(new float[] {1, 0}) - model.predict(new float[2]);
    }

    private static float[] noise(Random random, int d, double sd) {
        float[] v = new float[d];
        for (int j = 0; j < d; j++) {
            v[j] = (float) (sd * random.nextGaussian());
        }
        return v;
    }
}
