package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callface.model.AttributeContract.SkinToneCategory;
import java.awt.Color;
import org.junit.jupiter.api.Test;

class SkinToneTest {
    /** CIE L*a*b* values of sRGB primaries and white under D65, as published colour-conversion tables give them. */
    private static final double LAB_TOLERANCE = 0.05;

    @Test
    void labMatchesReferenceValues() {
        assertThat(SkinTone.lab(Color.WHITE)).containsExactly(new double[] {100, 0, 0}, within(LAB_TOLERANCE));
        assertThat(SkinTone.lab(Color.RED)).containsExactly(new double[] {53.24, 80.09, 67.20}, within(LAB_TOLERANCE));
        assertThat(SkinTone.lab(new Color(0, 0, 255))).containsExactly(new double[] {32.30, 79.19, -107.86},
                within(LAB_TOLERANCE));
    }

    @Test
    void lighterSkinHasTheLargerAngle() {
        double light = SkinTone.itaDegrees(new Color(0xF1, 0xC2, 0x7D));
        double dark = SkinTone.itaDegrees(new Color(0x5A, 0x3A, 0x22));
        assertThat(light).isGreaterThan(dark);
        assertThat(SkinToneCategory.of(dark)).isIn(SkinToneCategory.BROWN, SkinToneCategory.DARK);
    }
}
