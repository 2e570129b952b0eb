package io.callface.model.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FusionRuleTest {
    /** Running float32 updates against a double reference. */
    private static final float TOLERANCE = 1e-5f;

    @Test
    void theRunningMeanIsTheAverageOfEveryWindow() {
        Random random = new Random(3);
        float[][] windows = new float[20][5];
        FusedEmbedding fused = null;
        for (float[] window : windows) {
            for (int i = 0; i < window.length; i++) {
                window[i] = random.nextFloat() * 4 - 2;
            }
            fused = new FusionRule.Mean().fold(fused, window, "v1");
        }

        assertThat(fused.windows()).isEqualTo(20);
        for (int i = 0; i < 5; i++) {
            double sum = 0;
            for (float[] window : windows) {
                sum += window[i];
            }
            assertThat(fused.vector()[i]).isCloseTo((float) (sum / windows.length), within(TOLERANCE));
        }
    }

    @Test
    void exponentialFusionWeighsTheNewestWindowByAlpha() {
        FusionRule rule = new FusionRule.Exponential(0.25);
        FusedEmbedding first = rule.fold(null, new float[] {4f, -8f}, "v1");
        FusedEmbedding second = rule.fold(first, new float[] {0f, 8f}, "v1");
        FusedEmbedding third = rule.fold(second, new float[] {12f, 0f}, "v1");

        assertThat(first.vector()).containsExactly(4f, -8f);
        // 0.25 * new + 0.75 * old
        assertThat(second.vector()).containsExactly(3f, -4f);
        assertThat(third.vector()).containsExactly(5.25f, -3f);
        assertThat(third.windows()).isEqualTo(3);
    }

    @Test
    void anotherModelVersionOrDimensionStartsAFreshFusion() {
        FusionRule rule = new FusionRule.Mean();
        FusedEmbedding old = rule.fold(rule.fold(null, new float[] {1f, 1f}, "v1"), new float[] {3f, 3f}, "v1");

        assertThat(rule.fold(old, new float[] {9f, 9f}, "v2"))
                .isEqualTo(new FusedEmbedding("v2", new float[] {9f, 9f}, 1));
        assertThat(rule.fold(old, new float[] {9f, 9f, 9f}, "v1").windows()).isEqualTo(1);
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FusionRule.Exponential(0));
        assertThrows(IllegalArgumentException.class, () -> new FusionRule.Exponential(1.5));
        assertThrows(IllegalArgumentException.class, () -> new FusionRule.Exponential(Double.NaN));
    }

    @Test
    void fusedEmbeddingsSurviveTheirStoreBytes() {
        FusedEmbedding fused = new FusedEmbedding("paper-2025.1", new float[] {0.5f, -1.25f, 3e-7f}, 7);

        assertThat(FusedEmbedding.fromBytes(fused.toBytes())).isEqualTo(fused);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FusedEmbedding.fromBytes(new byte[] {0, 0, 0, 1, 0, 0, 0}));
        assertThat(e).hasMessageContaining("fused embedding bytes");
        assertThrows(IllegalArgumentException.class, () -> new FusedEmbedding("v", new float[] {1f}, 0));
    }
}
