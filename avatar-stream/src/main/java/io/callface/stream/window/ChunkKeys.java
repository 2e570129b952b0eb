package io.callface.stream.window;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the chunk store: the speaker's UTF-8 id, a 0x00 separator, then the 8-byte big-endian chunk
 * sequence. Byte order equals (speaker, sequence) order, so one range scan returns a speaker's chunks in
 * sequence order. Speaker ids never contain U+0000 ({@link SpeakerId} rejects it).
 */
final class ChunkKeys {
    private ChunkKeys() {
    }

    static Bytes chunk(String speaker, long sequence) {
        byte[] id = speaker.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(id.length + 1 + Long.BYTES).put(id).put((byte) 0).putLong(sequence).array());
    }

    static Bytes first(String speaker) {
        return chunk(speaker, 0);
    }

    static Bytes last(String speaker) {
        return chunk(speaker, Long.MAX_VALUE);
    }

    static long sequenceOf(Bytes key) {
        byte[] bytes = key.get();
        return ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
    }
}
