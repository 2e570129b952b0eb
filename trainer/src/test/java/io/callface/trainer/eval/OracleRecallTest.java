package io.callface.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OracleRecallTest {
    @Test
    void recallCountsQueriesWhoseOwnGalleryItemRanksWithinK() {
        List<float[]> gallery = List.of(new float[] {1, 0}, new float[] {0, 1}, new float[] {-1, 0});
        // Queries 0 and 1 point at their own items; query 2 points at item 1 and finds its own item last (rank 3).
        List<float[]> queries = List.of(new float[] {1, 0.1f}, new float[] {0.1f, 1}, new float[] {0, 1});

        Map<Integer, Double> recall = Retrieval.recall(queries, gallery);

        assertThat(recall).containsKeys(1, 2, 5, 10);
        assertThat(recall.get(1)).isEqualTo(2.0 / 3);
        assertThat(recall.get(2)).isEqualTo(2.0 / 3);
        assertThat(recall.get(5)).isEqualTo(1.0);
    }

    @Test
    void rejectsMismatchedQueriesAndIncompleteRecall() {
        assertThatThrownBy(() -> Retrieval.recall(List.of(new float[] {1}), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal size");
        Map<Integer, Double> full = Map.of(1, 0.1, 2, 0.2, 5, 0.3, 10, 0.4);
        assertThatThrownBy(() -> new OracleRecall(full, Map.of(1, 0.1), new Correlation(0.5, 10, 0.1, 0.3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cover K");
    }
}
