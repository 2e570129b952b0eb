package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    @Test
    void pearsonMatchesAHandComputedValue() {
        // Deviations (-2,-1,0,1,2) and (-2,0,1,0,1): sum of products 6, sums of squares 10 and 6.
        Correlation c = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 5, 4, 5});

        assertThat(c.r()).isCloseTo(6 / Math.sqrt(60), within(1e-12));
        assertThat(c.n()).isEqualTo(5);
        assertThat(c.standardError()).isCloseTo((1 - 0.6) / Math.sqrt(3), within(1e-12));
    }

    @Test
    void pValueFollowsFishersTransformation() {
        // n = 103, r = 0.2: z = atanh(0.2) * 10 = 2.0273, two-sided p = 0.04264 (normal table).
        double[] a = new double[103];
        double[] b = new double[103];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(i * 1.7);
            b[i] = Math.cos(i * 0.9);
        }
        Correlation raw = Correlation.pearson(a, b);
        // Mix a into b until r is 0.2, then check p for that r.
        double[] mixed = mix(a, b, 0.2);
        Correlation c = Correlation.pearson(a, mixed);

        assertThat(raw.r()).isBetween(-1.0, 1.0);
        assertThat(c.r()).isCloseTo(0.2, within(1e-9));
        assertThat(c.pValue()).isCloseTo(0.04264, within(2e-4));
        assertThat(Correlation.upperNormalTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(Correlation.upperNormalTail(-1.959964)).isCloseTo(0.975, within(1e-6));
    }

    @Test
    void aConstantSampleHasNoCorrelation() {
        Correlation c = Correlation.pearson(new double[] {1, 1, 1, 1, 1}, new double[] {1, 2, 3, 4, 5});

        assertThat(c.r()).isZero();
        assertThat(c.pValue()).isEqualTo(1.0);
    }

    @Test
    void perfectCorrelationHasAVanishingPValue() {
        Correlation c = Correlation.pearson(new double[] {1, 2, 3, 4, 5, 6}, new double[] {3, 5, 7, 9, 11, 13});

        assertThat(c.r()).isCloseTo(1, within(1e-12));
        assertThat(c.pValue()).isLessThan(1e-9);
    }

    /** {@code b} orthogonalised against {@code a}, then combined so that its correlation with {@code a} is {@code r}. */
    private static double[] mix(double[] a, double[] b, double r) {
        double[] za = standardise(a);
        double[] zb = standardise(b);
        double dot = 0;
        for (int i = 0; i < za.length; i++) {
            dot += za[i] * zb[i] / za.length;
        }
        double[] orthogonal = new double[za.length];
        for (int i = 0; i < za.length; i++) {
            orthogonal[i] = zb[i] - dot * za[i];
        }
        double[] zo = standardise(orthogonal);
        double[] out = new double[za.length];
        for (int i = 0; i < za.length; i++) {
            out[i] = r * za[i] + Math.sqrt(1 - r * r) * zo[i];
        }
        return out;
    }

    private static double[] standardise(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean) / v.length;
        }
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = (v[i] - mean) / Math.sqrt(var);
        }
        return z;
    }
}
