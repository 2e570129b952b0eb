package io.callface.serde;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one in-memory body that rejects lengths and item counts larger than the bytes left.
 * Avro's own decoders allocate whatever a length prefix claims (up to 2 GiB) before reading, so a corrupt record
 * could exhaust the heap; here it fails with an {@link EOFException} instead. An array of zero-byte items (null,
 * empty records) longer than the bytes left is therefore rejected too; no callface schema has one.
 */
final class BoundedBinaryDecoder extends Decoder {

    private final ByteArrayInputStream in;
    // Unbuffered, so the stream's position is exactly the decoder's.
    private final BinaryDecoder primitives;

    BoundedBinaryDecoder(byte[] data, int offset, int length) {
        this.in = new ByteArrayInputStream(data, offset, length);
        this.primitives = DecoderFactory.get().directBinaryDecoder(in, null);
    }

    /** Bytes not yet read. */
    int remaining() {
        return in.available();
    }

    @Override
    public void readNull() throws IOException {
        primitives.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return primitives.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return primitives.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return primitives.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return primitives.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return primitives.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        readFully(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        byte[] bytes = new byte[length("string")];
        readFully(bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void skipString() throws IOException {
        skipFully(length("string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        byte[] bytes = new byte[length("bytes")];
        readFully(bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes);
    }

    @Override
    public void skipBytes() throws IOException {
        skipFully(length("bytes"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        readFully(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        skipFully(length);
    }

    @Override
    public int readEnum() throws IOException {
        return primitives.readEnum();
    }

    @Override
    public long readArrayStart() throws IOException {
        return count(primitives.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return count(primitives.arrayNext(), "array");
    }

    @Override
    public long skipArray() throws IOException {
        // Returning the block's item count lets the caller skip item by item, within bounds.
        return readArrayStart();
    }

    @Override
    public long readMapStart() throws IOException {
        return count(primitives.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return count(primitives.mapNext(), "map");
    }

    @Override
    public long skipMap() throws IOException {
        return readMapStart();
    }

    @Override
    public int readIndex() throws IOException {
        return primitives.readIndex();
    }

    private int length(String what) throws IOException {
        long length = primitives.readLong();
        if (length < 0 || length > in.available()) {
            throw new EOFException("Avro " + what + " length " + length + " exceeds the " + in.available()
                    + " bytes left in the record");
        }
        return (int) length;
    }

    private long count(long items, String what) throws IOException {
        if (items > in.available()) {
            throw new EOFException("Avro " + what + " block of " + items + " items exceeds the " + in.available()
                    + " bytes left in the record");
        }
        return items;
    }

    private void readFully(byte[] target, int start, int length) throws IOException {
        if (in.readNBytes(target, start, length) != length) {
            throw new EOFException("Avro record ends inside a " + length + "-byte value");
        }
    }

    private void skipFully(int length) throws IOException {
        if (length < 0 || in.skip(length) != length) {
            throw new EOFException("Avro record ends inside a skipped " + length + "-byte value");
        }
    }
}
