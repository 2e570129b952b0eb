package io.callface.audio;

/**
 * The spectrogram's power-law compression {@code sgn(v) * |v|^0.3}, within {@link #MAX_RELATIVE_ERROR} of the
 * exact value for every finite float (denormals included; {@code PowerLawTest} checks this over a dense sample
 * of all bit patterns). Zeros keep their sign; infinities and NaN pass through.
 *
 * <p>Method: {@code |v| = 2^e * m} with {@code m} in [1, 2). {@code sgn(v) * 2^(0.3 e)} comes from a table
 * indexed by the sign and exponent bits; {@code m^0.3} from a degree-7 polynomial in {@code m - 1.5} (a
 * Chebyshev fit, 3e-8 relative) evaluated in float with fused multiply-adds. The array form splits the values
 * into mantissas and scales in one scalar pass (bit operations, which C2 in JDK 17 does not vectorise), then
 * evaluates {@code polynomial(m) * scale} in a second, branch-free pass that C2's SuperWord turns into AVX
 * instructions; that second pass is why it is several times faster than table-and-double arithmetic per value.
 */
final class PowerLaw {
    static final double EXPONENT = 0.3;
    /** Largest relative error against {@code sgn(v)|v|^0.3} in double, for every finite float. */
    static final double MAX_RELATIVE_ERROR = 3e-7;

    private static final int MANTISSA_BITS = 23;
    private static final int MANTISSA_MASK = (1 << MANTISSA_BITS) - 1;
    private static final int ONE_BITS = Float.floatToRawIntBits(1f);
    private static final int EXPONENT_BIAS = 127;
    /** Denormals are scaled by 2^64 into the normal range first. */
    private static final float DENORMAL_SCALE_UP = 0x1p64f;
    private static final int DENORMAL_SHIFT = 64;
    /** {@code sgn * 2^(0.3 (e - 127))}, indexed by the 9 sign-and-exponent bits; special exponents unused. */
    private static final float[] SIGNED_SCALE = new float[512];

    // m^0.3 = C0 + C1 t + ... + C7 t^7 with t = m - 1.5, t in [-0.5, 0.5).
    private static final float C0 = 1.1293469667434692f;
    private static final float C1 = 0.2258693128824234f;
    private static final float C2 = -0.05270613729953766f;
    private static final float C3 = 0.019913552328944206f;
    private static final float C4 = -0.008895209059119225f;
    private static final float C5 = 0.004369540140032768f;
    private static final float C6 = -0.0027035619132220745f;
    private static final float C7 = 0.0015105345519259572f;

    static {
        for (int biased = 1; biased < 0xFF; biased++) {
            float scale = (float) Math.pow(2, EXPONENT * (biased - EXPONENT_BIAS));
            SIGNED_SCALE[biased] = scale;
            SIGNED_SCALE[0x100 | biased] = -scale;
        }
    }

    private PowerLaw() {
    }

    /** {@code sgn(v) * |v|^0.3} of one value. */
    static float compress(float v) {
        return mantissaPower(mantissa(v)) * scale(v);
    }

    /**
     * Compresses {@code values[0, length)} in place; {@code scratch} (at least {@code length} floats) is
     * overwritten. Both arrays are indexed alike from 0 so that C2 can vectorise the second pass.
     */
    static void compress(float[] values, float[] scratch, int length) {
        for (int i = 0; i < length; i++) {
            split(values[i], values, scratch, i);
        }
        combine(values, scratch, length);
    }

    /** The first pass, one value: {@code v}'s mantissa to {@code mantissas[at]}, its signed scale to {@code scales[at]}. */
    private static void split(float v, float[] mantissas, float[] scales, int at) {
        int bits = Float.floatToRawIntBits(v);
        // Biased exponent 0 (zero, denormal) and 0xFF (infinity, NaN) both give 0 here.
        if ((((bits >>> MANTISSA_BITS) + 1) & 0xFE) != 0) {
            mantissas[at] = Float.intBitsToFloat((bits & MANTISSA_MASK) | ONE_BITS);
            scales[at] = SIGNED_SCALE[bits >>> MANTISSA_BITS];
        } else {
            mantissas[at] = mantissa(v);
            scales[at] = scale(v);
        }
    }

    /** The second pass: {@code mantissas[i] = mantissas[i]^0.3 * scales[i]} for i in [0, length); vectorised by C2. */
    private static void combine(float[] mantissas, float[] scales, int length) {
        for (int i = 0; i < length; i++) {
            mantissas[i] = mantissaPower(mantissas[i]) * scales[i];
        }
    }

    /** {@code m} in [1, 2) with {@code |v| = 2^e m}; 1.5 for zeros, infinities and NaN (their scale carries them). */
    private static float mantissa(float v) {
        int bits = Float.floatToRawIntBits(v);
        int biased = (bits >>> MANTISSA_BITS) & 0xFF;
        if (biased == 0) {
            if ((bits & MANTISSA_MASK) == 0) {
                return 1.5f;
            }
            bits = Float.floatToRawIntBits(Math.abs(v) * DENORMAL_SCALE_UP);
        } else if (biased == 0xFF) {
            return 1.5f;
        }
        return Float.intBitsToFloat((bits & MANTISSA_MASK) | ONE_BITS);
    }

    /** {@code sgn(v) 2^(0.3 e)}; the value itself for zeros, infinities and NaN. */
    private static float scale(float v) {
        int bits = Float.floatToRawIntBits(v);
        int biased = (bits >>> MANTISSA_BITS) & 0xFF;
        if (biased != 0 && biased != 0xFF) {
            return SIGNED_SCALE[bits >>> MANTISSA_BITS];
        }
        if (biased == 0xFF || (bits & MANTISSA_MASK) == 0) {
            return v;
        }
        int scaledBiased = Float.floatToRawIntBits(Math.abs(v) * DENORMAL_SCALE_UP) >>> MANTISSA_BITS;
        float scale = (float) Math.pow(2, EXPONENT * (scaledBiased - EXPONENT_BIAS - DENORMAL_SHIFT));
        return Math.copySign(scale, v);
    }

    /** {@code m^0.3} for {@code m} in [1, 2); {@code C0} (positive) at 1.5. */
    private static float mantissaPower(float m) {
        float t = m - 1.5f;
        float p = Math.fma(C7, t, C6);
        p = Math.fma(p, t, C5);
        p = Math.fma(p, t, C4);
        p = Math.fma(p, t, C3);
        p = Math.fma(p, t, C2);
        p = Math.fma(p, t, C1);
        return Math.fma(p, t, C0);
    }
}
