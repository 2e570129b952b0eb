package io.callface.stream.audio;

/**
 * The spectrogram's power-law compression {@code sgn(v) * |v|^0.3}, about an order of magnitude faster than
 * {@link Math#pow} and within 1e-7 relative error of the exact value for every finite float (a unit test
 * checks this over all exponents, denormals and zero included).
 *
 * <p>Method: {@code |v| = 2^e * m} with {@code m} in [1, 2). {@code 2^(0.3 e)} comes from a table over every
 * exponent a float can have; {@code m = m0 * (1 + d)}, where {@code m0} is the centre of one of 256 mantissa
 * cells, so {@code |d| < 2^-9}; {@code m0^0.3} comes from a table and {@code (1 + d)^0.3} from its binomial
 * series to the cubic term (the next term is below 1e-12). The arithmetic runs in double, so the result is
 * the exact value rounded once to float, give or take that 1e-12.
 */
final class PowerLaw {
    static final double EXPONENT = 0.3;

    private static final int CELL_BITS = 8;
    private static final int CELLS = 1 << CELL_BITS;
    private static final int MANTISSA_BITS = 23;
    private static final int CELL_SHIFT = MANTISSA_BITS - CELL_BITS;
    /** Denormals are scaled by 2^23 into the normal range first, so exponents run from -149 to 127. */
    private static final int MIN_EXPONENT = -149;
    private static final int MAX_EXPONENT = 127;

    private static final double[] EXPONENT_POWER = new double[MAX_EXPONENT - MIN_EXPONENT + 1];
    private static final double[] CELL_POWER = new double[CELLS];
    /** {@code 2^-23 / m0}: turns the mantissa's integer offset from its cell centre into {@code d}. */
    private static final double[] CELL_SCALE = new double[CELLS];
    private static final int CELL_MASK = (1 << CELL_SHIFT) - 1;
    private static final int CELL_HALF = 1 << (CELL_SHIFT - 1);
    // Binomial series of (1 + d)^0.3.
    private static final double C1 = EXPONENT;
    private static final double C2 = C1 * (EXPONENT - 1) / 2;
    private static final double C3 = C2 * (EXPONENT - 2) / 3;

    static {
        for (int e = MIN_EXPONENT; e <= MAX_EXPONENT; e++) {
            EXPONENT_POWER[e - MIN_EXPONENT] = Math.pow(2, EXPONENT * e);
        }
        for (int i = 0; i < CELLS; i++) {
            double centre = 1 + (i + 0.5) / CELLS;
            CELL_SCALE[i] = 0x1p-23 / centre;
            CELL_POWER[i] = Math.pow(centre, EXPONENT);
        }
    }

    private PowerLaw() {
    }

    /** {@code sgn(v) * |v|^0.3}; zeros keep their sign, infinities and NaN pass through. */
    static float compress(float v) {
        int bits = Float.floatToRawIntBits(v);
        int sign = bits & 0x8000_0000;
        int magnitude = bits & 0x7FFF_FFFF;
        int biased = magnitude >>> MANTISSA_BITS;
        int exponentOffset = -127;
        if (biased == 0) {
            if (magnitude == 0) {
                return v;
            }
            // Denormal: 2^23 * |v| is normal and exact.
            magnitude = Float.floatToRawIntBits(Float.intBitsToFloat(magnitude) * 0x1p23f);
            biased = magnitude >>> MANTISSA_BITS;
            exponentOffset -= MANTISSA_BITS;
        } else if (biased == 0xFF) {
            return v;
        }
        int fraction = magnitude & 0x7F_FFFF;
        int cell = fraction >>> CELL_SHIFT;
        double d = ((fraction & CELL_MASK) - CELL_HALF) * CELL_SCALE[cell];
        double series = 1 + d * (C1 + d * (C2 + d * C3));
        double power = EXPONENT_POWER[biased + exponentOffset - MIN_EXPONENT] * CELL_POWER[cell] * series;
        return Float.intBitsToFloat(Float.floatToRawIntBits((float) power) | sign);
    }
}
