package io.callface.stream.window;

import java.nio.ByteBuffer;

/**
 * The small per-speaker entry beside the chunk entries: where the speaker's current window stands.
 * Holds no audio, so it may outlive windows until the speaker's stream ends.
 *
 * @param nextWindowIndex   index the next emitted window gets
 * @param lastSequence      highest chunk sequence accepted so far (-1 before the first)
 * @param bufferedSamples   16 kHz samples buffered in the open window
 * @param windowStartMs     capture time of the open window's first chunk (0 when empty)
 * @param windowEndMs       capture time of the end of the open window's last chunk (0 when empty)
 */
public record SpeakerHeader(long nextWindowIndex, long lastSequence, int bufferedSamples, long windowStartMs,
                            long windowEndMs) {
    private static final int SIZE = Long.BYTES * 4 + Integer.BYTES;

    public SpeakerHeader {
        if (nextWindowIndex < 0 || bufferedSamples < 0) {
            throw new IllegalArgumentException("negative window index or buffered samples: " + nextWindowIndex
                    + ", " + bufferedSamples);
        }
    }

    public static SpeakerHeader initial() {
        return new SpeakerHeader(0, -1, 0, 0, 0);
    }

    public SpeakerHeader withChunk(long sequence, int samples, long startMs, long endMs) {
        long start = bufferedSamples == 0 ? startMs : windowStartMs;
        return new SpeakerHeader(nextWindowIndex, sequence, bufferedSamples + samples, start, endMs);
    }

    /** The header after the open window was emitted (or discarded): empty, next index. */
    public SpeakerHeader afterWindow() {
        return new SpeakerHeader(nextWindowIndex + 1, lastSequence, 0, 0, 0);
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE).putLong(nextWindowIndex).putLong(lastSequence).putInt(bufferedSamples)
                .putLong(windowStartMs).putLong(windowEndMs).array();
    }

    public static SpeakerHeader fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("speaker header: expected " + SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new SpeakerHeader(buffer.getLong(), buffer.getLong(), buffer.getInt(), buffer.getLong(), buffer.getLong());
    }
}
