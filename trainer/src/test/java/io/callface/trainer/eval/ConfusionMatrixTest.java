package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void balancedAgreementWeighsEveryNonEmptyRowAlike() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"), new int[] {0, 0, 1, 2, 2, 2},
                new int[] {0, 1, 1, 2, 2, 0});

        assertThat(m.balancedAgreement()).isCloseTo((0.5 + 1 + 2 / 3.0) / 3, within(1e-12));
    }

    @Test
    void oneAnswerForEveryFaceIsChanceWhateverTheRowSizes() {
        // Nine of ten in the first class: always answering it agrees 90 % overall, and half per class on average.
        int[] reference = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"), reference, new int[10]);

        assertThat(m.agreement()).isEqualTo(0.9);
        assertThat(m.balancedAgreement()).isEqualTo(0.5);
        assertThat(ConfusionMatrix.of(List.of("a", "b"), new int[0], new int[0]).balancedAgreement()).isNaN();
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
