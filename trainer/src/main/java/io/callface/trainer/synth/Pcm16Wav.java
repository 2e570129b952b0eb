package io.callface.trainer.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM RIFF/WAV files (44-byte header, little endian). */
final class Pcm16Wav {
    private static final int HEADER_BYTES = 44;

    private Pcm16Wav() {
    }

    /** Samples in [-1, 1] are scaled by 32767, rounded and clipped to 16 bits. */
    static void write(Path file, float[] samples, int sampleRate) throws IOException {
        int dataBytes = 2 * samples.length;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        buffer.put(new byte[] {'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate)
                .putInt(2 * sampleRate)
                .putShort((short) 2)
                .putShort((short) 16);
        buffer.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        for (float sample : samples) {
            long value = Math.round(sample * 32767.0);
            buffer.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value)));
        }
        Files.write(file, buffer.array());
    }
}
