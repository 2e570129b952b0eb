package io.callface.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Checks the expansion tables against the G.711 compression rule, written here independently as the
 * encoder (segment search on the biased magnitude), over all 256 codes of both laws.
 */
class G711Test {
    private static final int[] MU_SEGMENT_END = {0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF};
    private static final int[] A_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    /** G.711 mu-law compression of a 16-bit linear value (bias 132, clip 32635, code bits inverted). */
    private static int muLawEncode(int linear) {
        int mask;
        int value;
        if (linear < 0) {
            value = 0x84 - linear;
            mask = 0x7F;
        } else {
            value = linear + 0x84;
            mask = 0xFF;
        }
        value = Math.min(value, 32635 + 0x84);
        int segment = 0;
        while (segment < 8 && value > MU_SEGMENT_END[segment]) {
            segment++;
        }
        int code = (segment << 4) | ((value >> (segment + 3)) & 0x0F);
        return (code ^ mask) & 0xFF;
    }

    /** G.711 A-law compression of a 16-bit linear value (13-bit magnitude, even bits inverted). */
    private static int aLawEncode(int linear) {
        int value = linear >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = 0;
        while (segment < 8 && value > A_SEGMENT_END[segment]) {
            segment++;
        }
        int code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (code ^ mask) & 0xFF;
    }

    @Test
    void everyMuLawCodeSurvivesTheCompressionRule() {
        for (int code = 0; code < 256; code++) {
            int linear = G711.muLawToLinear(code);
            // 0x7F is "negative zero": it expands to 0, which compresses to the positive zero 0xFF.
            int expected = code == 0x7F ? 0xFF : code;
            assertThat(muLawEncode(linear)).as("mu-law code 0x%02X -> %d", code, linear).isEqualTo(expected);
        }
    }

    @Test
    void everyALawCodeSurvivesTheCompressionRule() {
        for (int code = 0; code < 256; code++) {
            int linear = G711.aLawToLinear(code);
            assertThat(aLawEncode(linear)).as("A-law code 0x%02X -> %d", code, linear).isEqualTo(code);
        }
    }

    @Test
    void extremesAndZerosMatchTheRecommendation() {
        assertThat(G711.muLawToLinear(0x80)).isEqualTo((short) 32124);
        assertThat(G711.muLawToLinear(0x00)).isEqualTo((short) -32124);
        assertThat(G711.muLawToLinear(0xFF)).isEqualTo((short) 0);
        assertThat(G711.aLawToLinear(0xAA)).isEqualTo((short) 32256);
        assertThat(G711.aLawToLinear(0x2A)).isEqualTo((short) -32256);
        assertThat(G711.aLawToLinear(0xD5)).isEqualTo((short) 8);
        assertThat(G711.aLawToLinear(0x55)).isEqualTo((short) -8);
    }

    @Test
    void expansionIsMonotonicWithinEachSign() {
        // Positive mu-law codes run 0xFF (smallest) down to 0x80 (largest).
        for (int code = 0xFF; code > 0x80; code--) {
            assertThat(G711.muLawToLinear(code - 1)).isGreaterThan(G711.muLawToLinear(code));
        }
        // Positive A-law magnitudes grow with the de-inverted code.
        for (int a = 0x80; a < 0xFF; a++) {
            assertThat(G711.aLawToLinear((a + 1) ^ 0x55)).isGreaterThan(G711.aLawToLinear(a ^ 0x55));
        }
    }
}
