package io.callface.serde;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a schema-registry record: magic byte {@code 0x00}, the writer schema's registry id as a
 * 4-byte big-endian int, then the Avro binary body. Every Confluent-compatible producer and consumer uses it.
 */
public final class ConfluentWireFormat {

    /** The first byte of every framed record. */
    public static final byte MAGIC_BYTE = 0x00;
    /** Magic byte plus schema id. */
    public static final int HEADER_LENGTH = 1 + Integer.BYTES;

    private ConfluentWireFormat() {
    }

    /** Frames {@code avroBody} as written under registry id {@code schemaId}. */
    public static byte[] encode(int schemaId, byte[] avroBody) {
        Objects.requireNonNull(avroBody, "avroBody");
        return ByteBuffer.allocate(HEADER_LENGTH + avroBody.length)
                .put(MAGIC_BYTE)
                .putInt(schemaId)
                .put(avroBody)
                .array();
    }

    /**
     * The writer schema id of a framed record.
     *
     * @throws SerializationException if {@code framed} is null, shorter than the header or has a wrong magic byte
     */
    public static int schemaId(byte[] framed) {
        checkHeader(framed);
        return ByteBuffer.wrap(framed, 1, Integer.BYTES).getInt();
    }

    /**
     * A copy of the Avro body of a framed record.
     *
     * @throws SerializationException if {@code framed} is null, shorter than the header or has a wrong magic byte
     */
    public static byte[] body(byte[] framed) {
        checkHeader(framed);
        return Arrays.copyOfRange(framed, HEADER_LENGTH, framed.length);
    }

    /**
     * Checks that {@code framed} starts with a Confluent header.
     *
     * @throws SerializationException naming what is wrong
     */
    public static void checkHeader(byte[] framed) {
        if (framed == null) {
            throw new SerializationException("Confluent wire format: record bytes are null");
        }
        if (framed.length < HEADER_LENGTH) {
            throw new SerializationException("Confluent wire format: record has " + framed.length
                    + " bytes, fewer than the " + HEADER_LENGTH + "-byte header (magic byte and schema id)");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Confluent wire format: unknown magic byte 0x%02x, expected 0x%02x",
                    framed[0] & 0xff, MAGIC_BYTE));
        }
    }
}
