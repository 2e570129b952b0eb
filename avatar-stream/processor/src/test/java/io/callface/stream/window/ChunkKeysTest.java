package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class ChunkKeysTest {
    private record SlotSequence(int slot, long sequence) {
    }

    @Test
    void keysAreTwelveBytesAndRoundTrip() {
        Bytes key = ChunkKeys.chunk(123_456, 9_876_543_210L);

        assertThat(key.get()).hasSize(12);
        assertThat(ChunkKeys.slotOf(key)).isEqualTo(123_456);
        assertThat(ChunkKeys.sequenceOf(key)).isEqualTo(9_876_543_210L);
    }

    @Test
    void byteOrderIsSlotThenSequenceOrderSoARangeScanReturnsOneSpeakerInSequence() {
        Random random = new Random(7);
        List<SlotSequence> entries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            entries.add(new SlotSequence(random.nextInt(1 << random.nextInt(31)), (random.nextLong() >>> 1) >>> random.nextInt(63)));
        }
        List<SlotSequence> byKey = new ArrayList<>(entries);
        byKey.sort(Comparator.comparing(e -> ChunkKeys.chunk(e.slot(), e.sequence())));
        Collections.sort(entries, Comparator.comparingInt(SlotSequence::slot).thenComparingLong(SlotSequence::sequence));

        assertThat(byKey).isEqualTo(entries);
    }

    @Test
    void aSlotsRangeHoldsEveryOneOfItsSequencesAndNothingOfItsNeighbours() {
        int slot = 41;

        assertThat(ChunkKeys.first(slot)).isGreaterThan(ChunkKeys.last(slot - 1));
        assertThat(ChunkKeys.chunk(slot, 0)).isEqualTo(ChunkKeys.first(slot));
        assertThat(ChunkKeys.chunk(slot, Long.MAX_VALUE)).isEqualTo(ChunkKeys.last(slot));
        assertThat(ChunkKeys.last(slot)).isLessThan(ChunkKeys.first(slot + 1));
    }
}
