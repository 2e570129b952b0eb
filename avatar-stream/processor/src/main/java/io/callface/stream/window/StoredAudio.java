package io.callface.stream.window;

import io.callface.audio.Spectrogram;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How buffered audio sits in the chunk store: 16 kHz mono as 16-bit little-endian PCM. Half the bytes of
 * float32, so the changelog carries about one byte per byte of 16 kHz PCM16 ingested; below the resolution
 * any encoder input needs.
 */
final class StoredAudio {
    static final int SAMPLE_RATE = Spectrogram.SAMPLE_RATE;
    /** Little-endian 16-bit reads straight from the byte[] (one load each, no ByteBuffer per entry). */
    private static final VarHandle PCM16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

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

    static float[] decode(byte[] stored) {
        float[] samples = new float[sampleCount(stored)];
        decodeInto(stored, 0, stored.length, samples, 0);
        return samples;
    }

    /**
     * Decodes {@code length} bytes of {@code stored} from {@code from} into {@code target} starting at
     * {@code offset}, as far as the target has room; returns samples written. The same values as PCM16 decoding.
     */
    static int decodeInto(byte[] stored, int from, int length, float[] target, int offset) {
        int count = Math.min(length / 2, target.length - offset);
        for (int i = 0; i < count; i++) {
            target[offset + i] = (short) PCM16.get(stored, from + 2 * i) / 32768f;
        }
        return count;
    }
}
