package io.callface.stream.window;

import java.nio.ByteBuffer;

/**
 * The small per-speaker entry beside the chunk entries: where the speaker's stream and open window stand.
 * Holds no audio.
 *
 * @param slot                   the speaker's chunk-store slot ({@link ChunkKeys}), unique among the live
 *                               speakers of its task
 * @param nextWindowIndex        index the next full window gets
 * @param provisionalIndex       index of the last provisional avatar emitted (-1: none)
 * @param nextSequence           the next chunk sequence to accept in order
 * @param emittedThrough         highest sequence inside an emitted full window (-1: none); older chunks are late
 * @param endSequence            sequence of the end-of-stream chunk when it arrived early (-1: not yet)
 * @param pendingChunks          chunks stored ahead of a gap, waiting for their turn
 * @param newestPendingCaptureMs capture time of the newest waiting chunk
 * @param lastAcceptedEndMs      capture time of the end of the last accepted chunk
 * @param bufferedSamples        voiced 16 kHz samples in the open window
 * @param spanSamples            all accepted samples (voiced or not) since the open window began
 * @param freshSamples           voiced samples added since the last avatar
 * @param windowStartMs          capture time of the open window's first buffered chunk
 * @param windowEndMs            capture time of the end of its last buffered chunk
 * @param lastSeenWallMs         wall-clock time this speaker was last heard from
 */
public record SpeakerHeader(int slot, long nextWindowIndex, long provisionalIndex, long nextSequence, long emittedThrough,
                            long endSequence, int pendingChunks, long newestPendingCaptureMs, long lastAcceptedEndMs,
                            int bufferedSamples, int spanSamples, int freshSamples, long windowStartMs,
                            long windowEndMs, long lastSeenWallMs) {
    private static final int SIZE = Long.BYTES * 10 + Integer.BYTES * 5;

    public SpeakerHeader {
        if (slot < 0) {
            throw new IllegalArgumentException("speaker header: slot " + slot + " is negative");
        }
        if (nextWindowIndex < 0 || bufferedSamples < 0 || spanSamples < 0 || pendingChunks < 0 || freshSamples < 0) {
            throw new IllegalArgumentException("speaker header: negative counter in " + nextWindowIndex + ", "
                    + bufferedSamples + ", " + spanSamples + ", " + pendingChunks + ", " + freshSamples);
        }
    }

    /**
     * A speaker first heard now, with a chunk captured at {@code captureMs}. Streams start at sequence 0; one
     * first heard later (consent given mid-call) starts where its first chunk is, once the reorder window
     * has passed without earlier chunks. {@code slot} must be free in the speaker's task.
     */
    public static SpeakerHeader startingAt(int slot, long captureMs, long nowMs) {
        return new SpeakerHeader(slot, 0, -1, 0, -1, -1, 0, 0, captureMs, 0, 0, 0, 0, 0, nowMs);
    }

    /** Whether any chunk was accepted yet; before that, skipped sequences are not lost audio. */
    public boolean acceptedAny() {
        return spanSamples > 0 || nextWindowIndex > 0 || provisionalIndex >= 0;
    }

    public boolean endReached() {
        return endSequence >= 0 && nextSequence > endSequence;
    }

    public SpeakerHeader seenAt(long nowMs) {
        return new SpeakerHeader(slot, nextWindowIndex, provisionalIndex, nextSequence, emittedThrough, endSequence,
                pendingChunks, newestPendingCaptureMs, lastAcceptedEndMs, bufferedSamples, spanSamples, freshSamples,
                windowStartMs, windowEndMs, nowMs);
    }

    public SpeakerHeader withEnd(long sequence) {
        return new SpeakerHeader(slot, nextWindowIndex, provisionalIndex, nextSequence, emittedThrough, sequence,
                pendingChunks, newestPendingCaptureMs, lastAcceptedEndMs, bufferedSamples, spanSamples, freshSamples,
                windowStartMs, windowEndMs, lastSeenWallMs);
    }

    public SpeakerHeader withPending(int delta, long captureMs) {
        return new SpeakerHeader(slot, nextWindowIndex, provisionalIndex, nextSequence, emittedThrough, endSequence,
                pendingChunks + delta, Math.max(newestPendingCaptureMs, captureMs), lastAcceptedEndMs,
                bufferedSamples, spanSamples, freshSamples, windowStartMs, windowEndMs, lastSeenWallMs);
    }

    /** Chunk {@code nextSequence} accepted in order, {@code voiced} of its {@code samples} buffered. */
    public SpeakerHeader accepted(int samples, int voiced, long captureMs, long endMs) {
        boolean empty = bufferedSamples == 0;
        return new SpeakerHeader(slot, nextWindowIndex, provisionalIndex, nextSequence + 1, emittedThrough, endSequence,
                pendingChunks, newestPendingCaptureMs, endMs, bufferedSamples + voiced, spanSamples + samples,
                freshSamples + voiced, voiced > 0 && empty ? captureMs : windowStartMs,
                voiced > 0 ? endMs : windowEndMs, lastSeenWallMs);
    }

    /** Skips the missing chunks before {@code sequence} (lost audio). */
    public SpeakerHeader skippingTo(long sequence) {
        return new SpeakerHeader(slot, nextWindowIndex, provisionalIndex, sequence, emittedThrough, endSequence,
                pendingChunks, newestPendingCaptureMs, lastAcceptedEndMs, bufferedSamples, spanSamples, freshSamples,
                windowStartMs, windowEndMs, lastSeenWallMs);
    }

    public SpeakerHeader afterProvisional(long index) {
        return new SpeakerHeader(slot, nextWindowIndex, index, nextSequence, emittedThrough, endSequence, pendingChunks,
                newestPendingCaptureMs, lastAcceptedEndMs, bufferedSamples, spanSamples, 0, windowStartMs,
                windowEndMs, lastSeenWallMs);
    }

    /** After a full window: {@code retained} samples (from {@code retainedStartMs}) stay for the next one. */
    public SpeakerHeader afterFullWindow(int retained, long retainedStartMs) {
        return new SpeakerHeader(slot, nextWindowIndex + 1, provisionalIndex, nextSequence, nextSequence - 1, endSequence,
                pendingChunks, newestPendingCaptureMs, lastAcceptedEndMs, retained, retained, 0,
                retained > 0 ? retainedStartMs : 0, retained > 0 ? windowEndMs : 0, lastSeenWallMs);
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(SIZE)
                .putInt(slot).putLong(nextWindowIndex).putLong(provisionalIndex).putLong(nextSequence).putLong(emittedThrough)
                .putLong(endSequence).putInt(pendingChunks).putLong(newestPendingCaptureMs).putLong(lastAcceptedEndMs)
                .putInt(bufferedSamples).putInt(spanSamples).putInt(freshSamples).putLong(windowStartMs)
                .putLong(windowEndMs).putLong(lastSeenWallMs).array();
    }

    public static SpeakerHeader fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("speaker header: expected " + SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new SpeakerHeader(b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getInt(),
                b.getLong(), b.getLong(), b.getInt(), b.getInt(), b.getInt(), b.getLong(), b.getLong(), b.getLong());
    }
}
