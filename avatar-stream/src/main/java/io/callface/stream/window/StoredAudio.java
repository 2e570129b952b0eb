package io.callface.stream.window;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How buffered audio sits in the chunk store: 16 kHz mono as 16-bit little-endian PCM. Half the bytes of
 * float32, so the changelog carries about one byte per byte of 16 kHz PCM16 ingested; below the resolution
 * any encoder input needs.
 */
final class StoredAudio {
    private StoredAudio() {
    }

    static byte[] encode(float[] samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            // The same scale as PCM16 decoding (x / 32768), so PCM16 input is stored losslessly.
            out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sample * 32768f))));
        }
        return out.array();
    }

    static int sampleCount(byte[] stored) {
        return stored.length / 2;
    }

    /** Decodes {@code stored} into {@code target} starting at {@code offset}; returns samples written. */
    static int decodeInto(byte[] stored, float[] target, int offset) {
        ByteBuffer in = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        int count = Math.min(stored.length / 2, target.length - offset);
        for (int i = 0; i < count; i++) {
            target[offset + i] = in.getShort() / 32768f;
        }
        return count;
    }
}
