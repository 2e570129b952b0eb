package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.callface.trainer.synth.FaceShape;
import org.junit.jupiter.api.Test;

class FaceShapeClassTest {
    private static FaceShape shape(double aspect, double jaw) {
        return new FaceShape(aspect, jaw, 0.25, 0.45, 0.08);
    }

    @Test
    void aspectAndJawDecideTheClass() {
        assertThat(FaceShapeClass.of(shape(0.75, 0.85))).isEqualTo(FaceShapeClass.LONG);
        assertThat(FaceShapeClass.of(shape(0.80, 0.81))).isEqualTo(FaceShapeClass.SQUARE);
        assertThat(FaceShapeClass.of(shape(0.84, 0.75))).isEqualTo(FaceShapeClass.ROUND);
        assertThat(FaceShapeClass.of(shape(0.80, 0.75))).isEqualTo(FaceShapeClass.OVAL);
    }
}
