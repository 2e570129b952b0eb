package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.callface.trainer.synth.FaceShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeFeaturesTest {
    private static final FaceShape NARROW = new FaceShape(0.7, 0.7, 0.2, 0.4, 0.06);
    private static final FaceShape WIDE = new FaceShape(0.9, 0.9, 0.3, 0.5, 0.1);

    @Test
    void standardisesEachProportionOnTheReferenceSet() {
        ShapeFeatures features = new ShapeFeatures(List.of(NARROW, WIDE));

        assertThat(features.of(NARROW)).containsExactly(new float[] {-1, -1, -1, -1, -1}, within(1e-5f));
        assertThat(features.of(WIDE)).containsExactly(new float[] {1, 1, 1, 1, 1}, within(1e-5f));
        FaceShape middle = new FaceShape(0.8, 0.8, 0.25, 0.45, 0.08);
        assertThat(features.of(middle)).containsExactly(new float[] {0, 0, 0, 0, 0}, within(1e-5f));
    }

    @Test
    void needsTwoReferenceShapes() {
        assertThatThrownBy(() -> new ShapeFeatures(List.of(NARROW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }
}
