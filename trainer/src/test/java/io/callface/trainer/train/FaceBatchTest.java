package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaceBatchTest {
    @Test
    void rowsCutEveryArrayAtTheSameRows() {
        // Three rows of two image floats and four landmark floats, each value naming its row.
        FaceBatch batch = new FaceBatch(new int[] {7, 8, 9}, new int[] {0, 2, 1}, new float[] {0, 0, 1, 1, 2, 2},
                new float[] {10, 10, 11, 11, 12, 12}, new float[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2},
                new boolean[] {true, false, true});

        FaceBatch tail = batch.rows(1, 3);

        assertThat(tail.size()).isEqualTo(2);
        assertThat(tail.classes()).containsExactly(8, 9);
        assertThat(tail.shown()).containsExactly(2, 1);
        assertThat(tail.views()).containsExactly(1, 1, 2, 2);
        assertThat(tail.canonical()).containsExactly(11, 11, 12, 12);
        assertThat(tail.landmarks()).containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(tail.known()).containsExactly(false, true);
    }

    @Test
    void theWholeBatchIsItself() {
        FaceBatch batch = new FaceBatch(new int[] {1, 2}, new int[] {0, 0}, new float[4], new float[4], new float[8],
                new boolean[] {true, true});
        assertThat(batch.rows(0, 2)).isSameAs(batch);
    }
}
