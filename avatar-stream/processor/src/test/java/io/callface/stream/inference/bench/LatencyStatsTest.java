package io.callface.stream.inference.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void nearestRankPercentilesOfUnsortedInput() {
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> (101 - i) * 1_000_000L).toArray();

        LatencyStats stats = new LatencyStats(nanos);

        assertThat(stats.percentileMs(50)).isEqualTo(50.0);
        assertThat(stats.percentileMs(99)).isEqualTo(99.0);
        assertThat(stats.percentileMs(100)).isEqualTo(100.0);
        assertThat(stats.count()).isEqualTo(100);
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> new LatencyStats(new long[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sortedNanos");
    }
}
