package io.callface.stream.window;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the chunk store: the speaker's 4-byte slot ({@link SpeakerSlots}, kept in its {@link SpeakerHeader}),
 * then the 8-byte chunk sequence, both big-endian and never negative. Byte order equals (slot, sequence) order,
 * so one range scan returns a speaker's chunks in sequence order. Twelve bytes whatever the length of the
 * speaker's id: every chunk writes its key twice to the changelog (entry, then tombstone).
 */
final class ChunkKeys {
    static final int SIZE = Integer.BYTES + Long.BYTES;

    private ChunkKeys() {
    }

    static Bytes chunk(int slot, long sequence) {
        return Bytes.wrap(ByteBuffer.allocate(SIZE).putInt(slot).putLong(sequence).array());
    }

    static Bytes first(int slot) {
        return chunk(slot, 0);
    }

    static Bytes last(int slot) {
        return chunk(slot, Long.MAX_VALUE);
    }

    static int slotOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getInt();
    }

    static long sequenceOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong(Integer.BYTES);
    }
}
