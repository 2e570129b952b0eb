package io.callface.trainer.eval;

/**
 * Pearson's correlation of paired samples with its uncertainty.
 *
 * @param r             the sample correlation; 0 when either sample is constant (no evidence of a relation)
 * @param n             pairs
 * @param pValue        two-sided p-value of {@code r = 0} by Fisher's transformation: {@code atanh(r) sqrt(n - 3)}
 *                      is standard normal under the null (accurate for the hundreds of pairs used here); 1 when
 *                      {@code n <= 3}
 * @param standardError {@code (1 - r^2) / sqrt(n - 2)} (the large-sample standard error of r); NaN when
 *                      {@code n <= 2}
 */
public record Correlation(double r, int n, double pValue, double standardError) {
    public Correlation {
        if (!(r >= -1 && r <= 1) || n < 0 || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("correlation out of range: r " + r + ", n " + n + ", p " + pValue);
        }
    }

    public static Correlation pearson(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("samples differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i] / n;
            meanB += b[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - meanA) * (b[i] - meanB);
            saa += (a[i] - meanA) * (a[i] - meanA);
            sbb += (b[i] - meanB) * (b[i] - meanB);
        }
        double r = saa > 0 && sbb > 0 ? Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))) : 0;
        double p = n > 3 ? Math.min(1, 2 * upperNormalTail(Math.abs(atanh(r)) * Math.sqrt(n - 3))) : 1;
        double se = n > 2 ? (1 - r * r) / Math.sqrt(n - 2) : Double.NaN;
        return new Correlation(r, n, p, se);
    }

    private static double atanh(double r) {
        // Clamped so that r = +-1 gives a huge, finite statistic (p = 0).
        double c = Math.max(-1 + 1e-15, Math.min(1 - 1e-15, r));
        return 0.5 * Math.log((1 + c) / (1 - c));
    }

    /**
     * {@code P(Z > z)} for a standard normal Z, {@code erfc(z / sqrt 2) / 2}, by the Chebyshev fit of erfc of
     * Numerical Recipes (3rd ed., section 6.2, {@code erfcc}; fractional error below 1.2e-7).
     */
    static double upperNormalTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * x);
        double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }
}
