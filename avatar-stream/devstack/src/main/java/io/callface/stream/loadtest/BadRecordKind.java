package io.callface.stream.loadtest;

/**
 * The kinds of hostile input a hostile run mixes into valid traffic, each with the fate the stream processor
 * promises it.
 */
public enum BadRecordKind {
    RANDOM_BYTES(Fate.DEAD_LETTER, "random bytes, no wire-format header"),
    UNKNOWN_SCHEMA_ID(Fate.DEAD_LETTER, "a valid body under a schema id the registry never issued"),
    FOREIGN_SCHEMA_ID(Fate.DEAD_LETTER, "a valid body under the id of another record type's schema"),
    TRUNCATED_AVRO(Fate.DEAD_LETTER, "a valid AudioChunk cut short"),
    TOMBSTONE(Fate.DEAD_LETTER, "a null value on the audio topic"),
    KEY_MISMATCH(Fate.DEAD_LETTER, "a chunk whose key is another speaker"),
    ABSURD_SAMPLE_RATE(Fate.DEAD_LETTER, "sample rate 0, negative, 7 Hz, 96 kHz or 2^31-1"),
    BAD_CHANNELS(Fate.DEAD_LETTER, "0, negative or 9+ channels"),
    NAN_AUDIO(Fate.DEAD_LETTER, "float PCM holding NaN or infinity"),
    OUT_OF_RANGE_AUDIO(Fate.DEAD_LETTER, "float PCM outside [-1, 1]"),
    ODD_PCM_LENGTH(Fate.DEAD_LETTER, "PCM16 payload of an odd byte count"),
    EMPTY_PAYLOAD(Fate.DEAD_LETTER, "no bytes of audio"),
    NEGATIVE_SEQUENCE(Fate.DEAD_LETTER, "a negative sequence number"),
    REPEATED_SEQUENCE(Fate.DROPPED_DUPLICATE, "a sequence number the speaker already sent"),
    NO_CONSENT(Fate.DROPPED_NO_CONSENT, "a chunk without the consent flag"),
    LARGE_PAYLOAD(Fate.DEAD_LETTER, "200 KB of PCM16 in one chunk (6.4 s: over audio.chunk.max.ms, under the broker's limit)"),
    OVERSIZED_PAYLOAD(Fate.REFUSED_BY_KAFKA, "1.5 MB in one chunk, over the broker's message size limit");

    /** What must become of a record of a kind. */
    public enum Fate {
        /** A {@code DeadLetter} on the dead-letter topic naming the record's offset, with a reason. */
        DEAD_LETTER,
        /** Dropped by design and counted in {@code callface_chunks_dropped_total{reason="duplicate"}}. */
        DROPPED_DUPLICATE,
        /** Dropped by design (never buffered) and counted in {@code callface_chunks_dropped_total{reason="no_consent"}}. */
        DROPPED_NO_CONSENT,
        /** Refused by the producer or broker ({@code RecordTooLargeException}); never reaches the stream processor. */
        REFUSED_BY_KAFKA
    }

    private final Fate fate;
    private final String description;

    BadRecordKind(Fate fate, String description) {
        this.fate = fate;
        this.description = description;
    }

    public Fate fate() {
        return fate;
    }

    public String description() {
        return description;
    }

    /** Whether the record reaches the windowing stage's chunk counter (it deserialises, is not null, keys match). */
    public boolean countedAsChunkIn() {
        return switch (this) {
            case RANDOM_BYTES, UNKNOWN_SCHEMA_ID, FOREIGN_SCHEMA_ID, TRUNCATED_AVRO, TOMBSTONE, KEY_MISMATCH,
                 OVERSIZED_PAYLOAD -> false;
            default -> true;
        };
    }
}
