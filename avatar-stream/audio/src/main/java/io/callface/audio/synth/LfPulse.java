package io.callface.audio.synth;

/**
 * The Liljencrants-Fant (LF) glottal flow derivative over one period (Fant, Liljencrants &amp; Lin 1985, STL-QPSR
 * 26(4):1-13), with the period normalised to 1:
 * <pre>
 *   E(t) = E0 e^(a t) sin(pi t / tp)                                  0 &lt;= t &lt;= te   (open phase)
 *   E(t) = -(Ee / (eps ta)) (e^(-eps (t - te)) - e^(-eps (1 - te)))   te &lt; t &lt;= 1    (return phase)
 * </pre>
 * where {@code eps ta = 1 - e^(-eps (1 - te))} and {@code a} makes the net flow over the period zero. The timing
 * comes from the single shape parameter Rd (Fant 1995, STL-QPSR 36(2-3):119):
 * {@code Ra = (-1 + 4.8 Rd) / 100}, {@code Rk = (22.4 + 11.8 Rd) / 100},
 * {@code Rg = Rk / (4 (0.11 Rd / (0.5 + 1.2 Rk) - Ra))}, {@code tp = 1 / (2 Rg)}, {@code te = tp (1 + Rk)},
 * {@code ta = Ra}. Rd near 0.3-0.5 is pressed (creaky) voice, about 1 modal, 2-2.7 breathy (Fant 1995); a larger
 * Rd lowers the high harmonics (more spectral tilt) and raises H1-H2.
 *
 * <p>Pulses are tabulated once, {@value #TABLE_SIZE} points per period, for Rd from {@value #MIN_RD} to
 * {@value #MAX_RD} in steps of {@value #RD_STEP}, and scaled so the main excitation (the negative peak
 * {@code -Ee}) is -1.
 */
final class LfPulse {
    static final double MIN_RD = 0.3;
    static final double MAX_RD = 2.7;
    static final double RD_STEP = 0.05;
    static final int TABLE_SIZE = 1024;
    private static final float[][] TABLES = tables();

    private LfPulse() {
    }

    /** The tabulated pulse for the Rd nearest {@code rd} (clamped into range). */
    static float[] table(double rd) {
        double clamped = Math.max(MIN_RD, Math.min(MAX_RD, rd));
        return TABLES[(int) Math.round((clamped - MIN_RD) / RD_STEP)];
    }

    /** One period of the pulse for {@code rd}, {@code n} samples, before normalisation; for the tables and tests. */
    static double[] pulse(double rd, int n) {
        double ra = (-1 + 4.8 * rd) / 100;
        double rk = (22.4 + 11.8 * rd) / 100;
        double rg = rk / (4 * (0.11 * rd / (0.5 + 1.2 * rk) - ra));
        double tp = 1 / (2 * rg);
        double te = tp * (1 + rk);
        double ta = ra;
        double eps = returnConstant(ta, 1 - te);
        double omega = Math.PI / tp;
        double alpha = growthForZeroFlow(omega, te, ta, eps);
        double ee = -Math.exp(alpha * te) * Math.sin(omega * te);
        double closed = Math.exp(-eps * (1 - te));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / n;
            out[i] = t <= te ? Math.exp(alpha * t) * Math.sin(omega * t)
                    : -(ee / (eps * ta)) * (Math.exp(-eps * (t - te)) - closed);
        }
        return out;
    }

    /** Share of the period in which the glottis is open or closing: {@code te + ta}. */
    static double openQuotient(double rd) {
        double ra = (-1 + 4.8 * rd) / 100;
        double rk = (22.4 + 11.8 * rd) / 100;
        double rg = rk / (4 * (0.11 * rd / (0.5 + 1.2 * rk) - ra));
        return Math.min(1, (1 + rk) / (2 * rg) + ra);
    }

    /** Solves {@code eps ta = 1 - e^(-eps tb)} for eps by Newton's method from {@code 1 / ta}. */
    private static double returnConstant(double ta, double tb) {
        double eps = 1 / ta;
        for (int i = 0; i < 50; i++) {
            double f = eps * ta - 1 + Math.exp(-eps * tb);
            double df = ta - tb * Math.exp(-eps * tb);
            eps -= f / df;
        }
        return eps;
    }

    /** The open-phase growth constant that makes the pulse's integral zero, by bisection. */
    private static double growthForZeroFlow(double omega, double te, double ta, double eps) {
        double lo = -50;
        double hi = 200;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (netFlow(mid, omega, te, ta, eps) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Integral of E over the period for E0 = 1 (closed forms of both phases). */
    static double netFlow(double alpha, double omega, double te, double ta, double eps) {
        double growth = Math.exp(alpha * te);
        double open = (growth * (alpha * Math.sin(omega * te) - omega * Math.cos(omega * te)) + omega)
                / (alpha * alpha + omega * omega);
        double ee = -growth * Math.sin(omega * te);
        double tb = 1 - te;
        double decay = Math.exp(-eps * tb);
        double ret = -(ee / (eps * ta)) * ((1 - decay) / eps - tb * decay);
        return open + ret;
    }

    private static float[][] tables() {
        int count = (int) Math.round((MAX_RD - MIN_RD) / RD_STEP) + 1;
        float[][] tables = new float[count][];
        for (int r = 0; r < count; r++) {
            double[] pulse = pulse(MIN_RD + r * RD_STEP, TABLE_SIZE);
            double min = 0;
            for (double v : pulse) {
                min = Math.min(min, v);
            }
            tables[r] = new float[TABLE_SIZE + 1];
            for (int i = 0; i < TABLE_SIZE; i++) {
                tables[r][i] = (float) (pulse[i] / -min);
            }
            // A guard point so interpolation at the period's end reads the closed phase.
            tables[r][TABLE_SIZE] = tables[r][0];
        }
        return tables;
    }
}
