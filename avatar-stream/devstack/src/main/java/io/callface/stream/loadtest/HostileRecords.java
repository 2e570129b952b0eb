package io.callface.stream.loadtest;

import io.callface.avro.AudioChunk;
import io.callface.avro.DeadLetter;
import io.callface.avro.Encoding;
import io.callface.serde.AvroSerializer;
import io.callface.serde.ConfluentWireFormat;
import io.callface.serde.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Makes hostile audio-topic records of every {@link BadRecordKind}, keyed to speakers of their own (prefix
 * {@code hostile-<run>}) so that the valid participants' windows stay untouched. A repeated sequence number
 * needs a speaker that has sent it and is still active (a speaker that sends only repeats goes idle and is
 * forgotten, after which a repeat is new audio): {@link #precursors} gives the valid, silent chunk each repeat
 * follows, the speaker's next one.
 */
public final class HostileRecords {
    /** Speakers that receive repeated sequence numbers. */
    static final int DUPLICATE_SPEAKERS = 10;
    static final int LARGE_PAYLOAD_BYTES = 200 * 1024;
    static final int OVERSIZED_PAYLOAD_BYTES = 1_500_000;

    private static final int[] ABSURD_RATES = {0, -16_000, 7, 96_000, Integer.MAX_VALUE};
    private static final int[] BAD_CHANNELS = {0, -1, 9, 1_000};
    private static final float[] NON_FINITE = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};

    private final String topic;
    private final String prefix;
    private final AvroSerializer<AudioChunk> chunks;
    private final int foreignSchemaId;
    private final Random random;
    private final long[] nextDuplicateSequence = new long[DUPLICATE_SPEAKERS];

    public HostileRecords(String topic, String runId, SchemaRegistryClient registry, long seed) {
        this.topic = topic;
        this.prefix = "hostile-" + runId;
        this.chunks = new AvroSerializer<>(registry, AudioChunk.class);
        this.foreignSchemaId = registry.register("callface-hostile-foreign-value", DeadLetter.getClassSchema());
        this.random = new Random(seed);
    }

    /**
     * The valid records to send just before bad record {@code n} of {@code kind}: for a repeated sequence number,
     * the speaker's next silent chunk; for other kinds, none.
     */
    public List<ProducerRecord<byte[], byte[]>> precursors(BadRecordKind kind, int n) {
        if (kind != BadRecordKind.REPEATED_SEQUENCE) {
            return List.of();
        }
        int speaker = n % DUPLICATE_SPEAKERS;
        long sequence = nextDuplicateSequence[speaker]++;
        return List.of(record("dup", "s" + speaker, valid("dup", "s" + speaker, sequence).build()));
    }

    /** Record {@code n} of {@code kind}. */
    public ProducerRecord<byte[], byte[]> make(BadRecordKind kind, int n) {
        String participant = "s" + n;
        String call = kind.name().toLowerCase();
        return switch (kind) {
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(700)];
                random.nextBytes(bytes);
                bytes[0] = (byte) (1 + random.nextInt(255)); // never the wire format's magic byte
                yield raw(call, participant, bytes);
            }
            case UNKNOWN_SCHEMA_ID -> raw(call, participant, ConfluentWireFormat.encode(1_000_000 + random.nextInt(1_000_000),
                    ConfluentWireFormat.body(serialize(valid(call, participant, 0).build()))));
            case FOREIGN_SCHEMA_ID -> raw(call, participant, ConfluentWireFormat.encode(foreignSchemaId,
                    ConfluentWireFormat.body(serialize(valid(call, participant, 0).build()))));
            case TRUNCATED_AVRO -> {
                byte[] whole = serialize(valid(call, participant, 0).build());
                yield raw(call, participant, Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1)));
            }
            case TOMBSTONE -> raw(call, participant, null);
            case KEY_MISMATCH -> new ProducerRecord<>(topic, key(call, participant),
                    serialize(valid(call, "someone-else-" + n, 0).build()));
            case ABSURD_SAMPLE_RATE -> record(call, participant, valid(call, participant, 0)
                    .setSampleRate(ABSURD_RATES[n % ABSURD_RATES.length]).build());
            case BAD_CHANNELS -> record(call, participant, valid(call, participant, 0)
                    .setChannels(BAD_CHANNELS[n % BAD_CHANNELS.length]).build());
            case NAN_AUDIO -> record(call, participant, floats(call, participant, NON_FINITE[n % NON_FINITE.length]));
            case OUT_OF_RANGE_AUDIO -> record(call, participant, floats(call, participant, 1.5f + random.nextFloat() * 1e6f));
            case ODD_PCM_LENGTH -> record(call, participant, valid(call, participant, 0)
                    .setPayload(ByteBuffer.wrap(new byte[1 + 2 * random.nextInt(320)])).build());
            case EMPTY_PAYLOAD -> record(call, participant, valid(call, participant, 0)
                    .setPayload(ByteBuffer.allocate(0)).build());
            case NEGATIVE_SEQUENCE -> record(call, participant, valid(call, participant, -1 - random.nextInt(1_000_000)).build());
            case REPEATED_SEQUENCE -> {
                long sent = nextDuplicateSequence[n % DUPLICATE_SPEAKERS];
                if (sent == 0) {
                    throw new IllegalStateException("record " + n + ": send its precursors first, a repeat needs a sent sequence");
                }
                String speaker = "s" + n % DUPLICATE_SPEAKERS;
                yield record("dup", speaker, valid("dup", speaker, (long) (random.nextDouble() * sent)).build());
            }
            case NO_CONSENT -> record(call, participant, valid(call, participant, 0).setConsent(false).build());
            case LARGE_PAYLOAD -> record(call, participant, valid(call, participant, 0)
                    .setPayload(ByteBuffer.allocate(LARGE_PAYLOAD_BYTES)).build());
            case OVERSIZED_PAYLOAD -> record(call, participant, valid(call, participant, 0)
                    .setPayload(ByteBuffer.wrap(noise(OVERSIZED_PAYLOAD_BYTES))).build());
        };
    }

    /** A well-formed chunk of 20 ms of PCM16 silence. */
    private AudioChunk.Builder valid(String call, String participant, long sequence) {
        return AudioChunk.newBuilder().setCallId(prefix + "-" + call).setParticipantId(participant)
                .setSequence(sequence).setCaptureTimestamp(Instant.now()).setSampleRate(16_000).setChannels(1)
                .setEncoding(Encoding.PCM_S16LE).setPayload(ByteBuffer.allocate(640)).setConsent(true)
                .setEndOfStream(false);
    }

    private AudioChunk floats(String call, String participant, float bad) {
        ByteBuffer payload = ByteBuffer.allocate(320 * 4).order(ByteOrder.LITTLE_ENDIAN);
        int at = random.nextInt(320);
        for (int i = 0; i < 320; i++) {
            payload.putFloat(i == at ? bad : 0f);
        }
        return valid(call, participant, 0).setEncoding(Encoding.PCM_F32LE).setPayload(ByteBuffer.wrap(payload.array())).build();
    }

    private byte[] noise(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private ProducerRecord<byte[], byte[]> record(String call, String participant, AudioChunk chunk) {
        return raw(call, participant, serialize(chunk));
    }

    private ProducerRecord<byte[], byte[]> raw(String call, String participant, byte[] value) {
        return new ProducerRecord<>(topic, key(call, participant), value);
    }

    private byte[] key(String call, String participant) {
        return (prefix + "-" + call + "/" + participant).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] serialize(AudioChunk chunk) {
        return chunks.serialize(topic, chunk);
    }
}
