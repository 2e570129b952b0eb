package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeakerSlotsTest {
    private final SpeakerSlots slots = new SpeakerSlots();

    @Test
    void liveSpeakersGetDistinctSlotsAndAReleasedSlotIsReused() {
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertThat(taken.add(slots.allocate())).isTrue();
        }
        slots.release(42);
        slots.release(7);

        assertThat(slots.allocate()).isEqualTo(7);
        assertThat(slots.allocate()).isEqualTo(42);
        assertThat(slots.allocate()).isEqualTo(100);
    }

    @Test
    void slotsClaimedByRestoredHeadersAreNeverHandedOut() {
        slots.claim(0, "c/a");
        slots.claim(2, "c/b");

        assertThat(slots.allocate()).isEqualTo(1);
        assertThat(slots.allocate()).isEqualTo(3);
        assertThat(slots.isTaken(2)).isTrue();
    }

    @Test
    void twoHeadersClaimingOneSlotAreCorruptState() {
        slots.claim(5, "c/a");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slots.claim(5, "c/b"));
        assertThat(e).hasMessageContaining("slot 5").hasMessageContaining("c/b");
    }
}
