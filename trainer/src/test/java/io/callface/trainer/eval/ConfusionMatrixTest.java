package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void countsPairsIntoRowsAndColumns() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 2, 2, 2},
                new int[] {0, 1, 1, 2, 2, 0});

        assertThat(m.count(0, 0)).isEqualTo(1);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 1)).isEqualTo(1);
        assertThat(m.count(2, 2)).isEqualTo(2);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.rowTotal(2)).isEqualTo(3);
        assertThat(m.total()).isEqualTo(6);
        assertThat(m.agreement()).isEqualTo(4 / 6.0);
        assertThat(m.rowAgreement(0)).isEqualTo(0.5);
        assertThat(m.rowAgreement(2)).isEqualTo(2 / 3.0);
    }

    @Test
    void anEmptyRowHasNoAgreementFigure() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b"), new int[] {0}, new int[] {0});

        assertThat(m.rowAgreement(1)).isNaN();
    }

    @Test
    void rejectsClassesOutsideTheLabels() {
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new int[] {2}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside [0, 2)");
        assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
