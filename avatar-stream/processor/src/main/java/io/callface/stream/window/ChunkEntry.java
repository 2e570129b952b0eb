package io.callface.stream.window;

import io.callface.audio.SampleEncoding;
import io.callface.audio.StreamFormat;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A value of the chunk store: either a chunk {@link Waiting} ahead of a gap (raw payload, decoded once its
 * turn comes, because decoders and resamplers need stream order), or {@link Buffered} voiced 16 kHz audio of
 * the open window (PCM16, see {@link StoredAudio}).
 */
sealed interface ChunkEntry permits ChunkEntry.Waiting, ChunkEntry.Buffered {
    byte WAITING = 0;
    byte BUFFERED = 1;

    long captureMs();

    byte[] toBytes();

    static ChunkEntry fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte kind = in.get();
        if (kind == WAITING) {
            SampleEncoding encoding = SampleEncoding.values()[in.get()];
            int sampleRate = in.getInt();
            int channels = in.get();
            long captureMs = in.getLong();
            boolean endOfStream = in.get() == 1;
            return new Waiting(new StreamFormat(encoding, sampleRate, channels), captureMs, endOfStream,
                    Arrays.copyOfRange(bytes, in.position(), bytes.length));
        }
        if (kind == BUFFERED) {
            long captureMs = in.getLong();
            return new Buffered(captureMs, Arrays.copyOfRange(bytes, in.position(), bytes.length));
        }
        throw new IllegalStateException("chunk store: unknown entry kind " + kind);
    }

    /** A chunk that arrived before an earlier one; decoded when the gap closes or is declared lost. */
    record Waiting(StreamFormat format, long captureMs, boolean endOfStream, byte[] payload) implements ChunkEntry {
        @Override
        public byte[] toBytes() {
            return ByteBuffer.allocate(1 + 1 + Integer.BYTES + 1 + Long.BYTES + 1 + payload.length)
                    .put(WAITING).put((byte) format.encoding().ordinal()).putInt(format.sampleRate())
                    .put((byte) format.channels()).putLong(captureMs).put((byte) (endOfStream ? 1 : 0)).put(payload)
                    .array();
        }
    }

    /** Voiced audio of the open window as 16 kHz PCM16. */
    record Buffered(long captureMs, byte[] pcm16) implements ChunkEntry {
        private static final int HEADER = 1 + Long.BYTES;

        /** The capture time of a stored buffered entry, read in place. */
        static long captureMsOf(byte[] value) {
            return ByteBuffer.wrap(requireBuffered(value)).getLong(1);
        }

        static int samplesOf(byte[] value) {
            return (requireBuffered(value).length - HEADER) / 2;
        }

        /** Decodes a stored buffered entry's audio in place into {@code target} from {@code offset}; returns samples written. */
        static int decodeInto(byte[] value, float[] target, int offset) {
            return StoredAudio.decodeInto(requireBuffered(value), HEADER, value.length - HEADER, target, offset);
        }

        private static byte[] requireBuffered(byte[] value) {
            if (value.length < HEADER || value[0] != BUFFERED) {
                throw new IllegalStateException("chunk store: expected a buffered entry, got kind " + value[0]);
            }
            return value;
        }

        @Override
        public byte[] toBytes() {
            return ByteBuffer.allocate(1 + Long.BYTES + pcm16.length).put(BUFFERED).putLong(captureMs).put(pcm16).array();
        }
    }
}
