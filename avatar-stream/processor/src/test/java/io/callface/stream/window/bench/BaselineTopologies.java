package io.callface.stream.window.bench;

import io.callface.avro.AudioChunk;
import io.callface.stream.window.ChunkAudio;
import io.callface.stream.window.WindowSettings;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/** The yardsticks the windowing stage is measured against. */
final class BaselineTopologies {
    /** Store of the naive aggregate; its changelog is {@code <application.id>-naive-window-buffer-changelog}. */
    static final String NAIVE_STORE = "naive-window-buffer";
    /** A 6 s window of 16 kHz PCM16. */
    static final int WINDOW_BYTES = WindowSettings.WINDOW_SAMPLES * 2;

    private BaselineTopologies() {
    }

    /** Source to sink with the same serdes as the windowing stage: the cost of reading and writing alone. */
    static Topology passThrough(String input, String output, Serde<AudioChunk> audioSerde) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), audioSerde))
                .to(output, Produced.with(Serdes.String(), audioSerde));
        return builder.build();
    }

    /**
     * Source to sink of the raw record bytes, no Avro at all: the floor of what reading and writing a chunk costs
     * (the Avro pass-through adds decoding and, per record, the serializer's schema lookup).
     */
    static Topology passThroughBytes(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    /**
     * The design the issue replaces: a DSL aggregate that appends every chunk's payload to a growing byte[] per
     * speaker (a new one once a 6 s window is full), so every update rewrites the whole buffer to the changelog.
     * Full windows go out as their length only.
     */
    static Topology naiveAggregate(String input, String output, Serde<AudioChunk> audioSerde) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), audioSerde))
                .groupByKey()
                .aggregate(() -> new byte[0], (speaker, chunk, buffer) -> append(buffer, ChunkAudio.payloadOf(chunk)),
                        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(NAIVE_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()))
                .toStream()
                .filter((speaker, buffer) -> buffer.length >= WINDOW_BYTES)
                .mapValues(buffer -> ByteBuffer.allocate(Integer.BYTES).putInt(buffer.length).array())
                .to(output, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private static byte[] append(byte[] buffer, byte[] payload) {
        int kept = buffer.length >= WINDOW_BYTES ? 0 : buffer.length;
        byte[] grown = new byte[kept + payload.length];
        System.arraycopy(buffer, 0, grown, 0, kept);
        System.arraycopy(payload, 0, grown, kept, payload.length);
        return grown;
    }
}
