package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks {@link PowerLaw#compress} against {@code sgn(v)|v|^0.3} computed by {@link Math#pow} in double. */
class PowerLawTest {
    /** The documented bound: a few float roundings (one alone is up to 6e-8 relative). */
    private static final double MAX_RELATIVE_ERROR = PowerLaw.MAX_RELATIVE_ERROR;

    private static double exact(float v) {
        return Math.signum(v) * Math.pow(Math.abs((double) v), 0.3);
    }

    private static double relativeError(float v) {
        double expected = exact(v);
        return Math.abs(PowerLaw.compress(v) - expected) / Math.abs(expected);
    }

    @Test
    void staysWithinTheToleranceOverEveryMagnitudeDenormalsIncluded() {
        double worst = 0;
        float worstAt = 0;
        // Every 61st positive finite bit pattern: all 254 exponents and the denormals.
        for (int bits = 1; bits < 0x7F80_0000; bits += 61) {
            float v = Float.intBitsToFloat(bits);
            double error = Math.max(relativeError(v), relativeError(-v));
            if (error > worst) {
                worst = error;
                worstAt = v;
            }
        }
        assertThat(worst).as("worst relative error, at %s", worstAt).isLessThan(MAX_RELATIVE_ERROR);
    }

    @Test
    void staysWithinTheToleranceAtCellEdgesAndRangeEnds() {
        float[] edges = {Float.MIN_VALUE, 2 * Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(Float.MIN_NORMAL),
            Float.MAX_VALUE, 1f, Math.nextUp(1f), Math.nextDown(2f), 2f, 1.5f, 1e-30f, 3.7e12f};
        for (float v : edges) {
            assertThat(relativeError(v)).as("%s", v).isLessThan(MAX_RELATIVE_ERROR);
            assertThat(relativeError(-v)).as("%s", -v).isLessThan(MAX_RELATIVE_ERROR);
        }
    }

    @Test
    void staysWithinTheToleranceForEveryMantissa() {
        // The polynomial sees only the mantissa, so one exponent with all 2^23 mantissas covers it fully.
        double worst = 0;
        for (int fraction = 0; fraction < 1 << 23; fraction++) {
            worst = Math.max(worst, relativeError(Float.intBitsToFloat((100 << 23) | fraction)));
        }
        assertThat(worst).isLessThan(MAX_RELATIVE_ERROR);
    }

    @Test
    void theArrayFormGivesTheSameBitsAsTheScalarForm() {
        java.util.Random random = new java.util.Random(3);
        float[] values = new float[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(random.nextInt());
        }
        values[0] = 0f;
        values[1] = -0f;
        values[2] = Float.MIN_VALUE;
        values[3] = Float.NEGATIVE_INFINITY;
        values[4] = Float.NaN;
        float[] compressed = values.clone();
        PowerLaw.compress(compressed, new float[values.length], values.length - 7);
        for (int i = 0; i < values.length - 7; i++) {
            assertThat(Float.floatToIntBits(compressed[i])).as("%s", values[i])
                    .isEqualTo(Float.floatToIntBits(PowerLaw.compress(values[i])));
        }
        for (int i = values.length - 7; i < values.length; i++) {
            assertThat(Float.floatToRawIntBits(compressed[i])).as("beyond length")
                    .isEqualTo(Float.floatToRawIntBits(values[i]));
        }
    }

    @Test
    void isOddAndKeepsZerosInfinitiesAndNaN() {
        assertThat(Float.floatToRawIntBits(PowerLaw.compress(0f))).isEqualTo(Float.floatToRawIntBits(0f));
        assertThat(Float.floatToRawIntBits(PowerLaw.compress(-0f))).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(PowerLaw.compress(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(PowerLaw.compress(Float.NEGATIVE_INFINITY)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(PowerLaw.compress(Float.NaN)).isNaN();
        for (float v : new float[] {1e-40f, 0.001f, 0.5f, 3f, 250f}) {
            assertThat(PowerLaw.compress(-v)).isEqualTo(-PowerLaw.compress(v));
        }
    }
}
