package io.callface.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniBatchesTest {
    @Test
    void trailingSingletonBatchesJoinThePreviousOne() {
        List<int[]> batches = MiniBatches.shuffled(9, 4, new Random(1));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(5);
        assertThat(batches.stream().flatMapToInt(IntStream::of).sorted().toArray())
                .containsExactly(IntStream.range(0, 9).toArray());
        assertThat(MiniBatches.perEpoch(9, 4)).isEqualTo(batches.size());
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertThat(MiniBatches.shuffled(9, 4, new Random(1)).get(0))
                .containsExactly(MiniBatches.shuffled(9, 4, new Random(1)).get(0));
    }
}
