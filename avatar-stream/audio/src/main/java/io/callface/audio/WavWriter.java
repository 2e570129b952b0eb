package io.callface.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono audio as a 16-bit PCM RIFF/WAVE file (samples rounded to the nearest 1/32768). */
public final class WavWriter {
    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    /** Writes {@code audio} to {@code path}, replacing any file there. */
    public static void write(Path path, Audio audio) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(toBytes(audio));
        }
    }

    /**
     * The bytes of a 16-bit mono WAV file holding {@code audio}.
     *
     * @throws AudioFormatException if a sample is not a finite value in [-1, 1]
     */
    public static byte[] toBytes(Audio audio) {
        float[] samples = audio.samples();
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1)
                .putInt(audio.sampleRate()).putInt(audio.sampleRate() * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < samples.length; i++) {
            float s = PcmDecoder.checkedFloat(samples[i], i);
            b.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(s * 32768f))));
        }
        return b.array();
    }
}
