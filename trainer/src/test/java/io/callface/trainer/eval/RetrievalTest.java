package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void ranksTheGalleryByCosine() {
        List<float[]> gallery = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1});
        float[] query = {1, 0.1f};
        assertThat(Retrieval.rank(query, gallery, 0)).isEqualTo(1);
        assertThat(Retrieval.rank(query, gallery, 2)).isEqualTo(2);
        assertThat(Retrieval.rank(query, gallery, 1)).isEqualTo(3);
        assertThat(Retrieval.chance(2, 50)).isCloseTo(0.04, within(TOLERANCE));
        assertThat(Retrieval.chance(10, 3)).isEqualTo(1.0);
    }

    @Test
    void distancesMatchHandComputedValues() {
        float[] a = {1, 0};
        float[] b = {0, 2};
        assertThat(FeatureDistances.angleDegrees(a, b)).isCloseTo(90, within(1e-6));
        assertThat(FeatureDistances.angleDegrees(a, a)).isCloseTo(0, within(1e-3));
        assertThat(FeatureDistances.l1(a, b)).isCloseTo(3, within(TOLERANCE));
        assertThat(FeatureDistances.l2(a, b)).isCloseTo(Math.sqrt(5), within(TOLERANCE));
    }
}
