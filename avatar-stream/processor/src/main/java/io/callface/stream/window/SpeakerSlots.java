package io.callface.stream.window;

import java.util.BitSet;

/**
 * Hands out chunk-store slots to the live speakers of one task: the smallest slot no live speaker holds.
 * Two live speakers never share a slot, since that would mix their audio; a slot is released only after
 * every chunk entry under it has been deleted, so reuse is safe. Memory only: the owning processor rebuilds
 * it from the speaker headers (which hold each slot durably) whenever it is initialised, e.g. after a restore
 * from the changelog.
 */
final class SpeakerSlots {
    private final BitSet taken = new BitSet();

    /** Takes and returns the lowest free slot. */
    int allocate() {
        int slot = taken.nextClearBit(0);
        taken.set(slot);
        return slot;
    }

    /** Marks a slot a restored header holds; two headers holding one slot mean corrupt state. */
    void claim(int slot, String speaker) {
        if (taken.get(slot)) {
            throw new IllegalStateException("chunk-store slot " + slot + " of speaker '" + speaker
                    + "' is already held by another live speaker of this task");
        }
        taken.set(slot);
    }

    void release(int slot) {
        taken.clear(slot);
    }

    boolean isTaken(int slot) {
        return taken.get(slot);
    }

    void clear() {
        taken.clear();
    }
}
