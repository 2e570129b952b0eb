package io.callface.audio;

/**
 * ITU-T G.711 expansion: mu-law and A-law codes to linear samples. Both 256-entry tables are computed once
 * from the Recommendation's segment/step definition rather than pasted in, so the source shows the rule.
 *
 * <p>Linear values are on the usual 16-bit scale (mu-law reaches +-32124, A-law +-32256); {@link #toFloat}
 * divides by 32768 so every sample lies in [-1, 1].
 */
public final class G711 {
    private static final int MU_LAW_BIAS = 0x84;
    private static final short[] MU_LAW = new short[256];
    private static final short[] A_LAW = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            MU_LAW[code] = (short) expandMuLaw(code);
            A_LAW[code] = (short) expandALaw(code);
        }
    }

    private G711() {
    }

    /** The 16-bit linear value of mu-law {@code code} (0..255). */
    public static short muLawToLinear(int code) {
        return MU_LAW[code & 0xFF];
    }

    /** The 16-bit linear value of A-law {@code code} (0..255). */
    public static short aLawToLinear(int code) {
        return A_LAW[code & 0xFF];
    }

    /** A 16-bit linear value as a float sample in [-1, 1]. */
    public static float toFloat(short linear) {
        return linear / 32768f;
    }

    /**
     * Mu-law codes are transmitted inverted. After inversion: bit 7 is the sign (0 = positive), bits 6..4 the
     * segment {@code e}, bits 3..0 the step {@code m}; the 14-bit magnitude is {@code ((2m + 33) << e) - 33},
     * here scaled by 4 to 16 bits.
     */
    private static int expandMuLaw(int code) {
        int u = ~code & 0xFF;
        int segment = (u >> 4) & 0x07;
        int step = u & 0x0F;
        int magnitude = (((step << 3) + MU_LAW_BIAS) << segment) - MU_LAW_BIAS;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /**
     * A-law codes have their even bits inverted (XOR 0x55). Then bit 7 is the sign (1 = positive), bits 6..4
     * the segment {@code e}, bits 3..0 the step {@code m}; the 13-bit magnitude is {@code 2m + 1} in segment 0
     * and {@code (2m + 33) << (e - 1)} above it, here scaled by 8 to 16 bits.
     */
    private static int expandALaw(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int segment = (a >> 4) & 0x07;
        int step = a & 0x0F;
        int magnitude = segment == 0 ? (step << 4) + 8 : ((step << 4) + 0x108) << (segment - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
