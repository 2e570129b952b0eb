package io.callface.stream.topology;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.stream.avatar.AvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.window.ChunkAudio;
import io.callface.stream.window.SpeakerWindowProcessor;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/** callface's processing graph, built without starting anything so that tests drive it directly. */
public final class AvatarTopology {
    public static final String AUDIO_SOURCE = "audio-source";
    public static final String WINDOWS = "speaker-windows";
    public static final String AVATAR_SINK = "avatar-sink";

    /**
     * Changelog settings of the audio-bearing store: compacted, tombstones kept one minute and segments rolled
     * every ten, so deleted chunks leave the changelog soon after their window closes.
     */
    static final Map<String, String> AUDIO_CHANGELOG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000",
            TopicConfig.SEGMENT_MS_CONFIG, "600000",
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01");

    private AvatarTopology() {
    }

    public static Topology build(AvatarStreamConfig config, AvatarGenerator generator, Serde<AudioChunk> audioSerde,
                                 Serde<AvatarEvent> avatarSerde) {
        int minSamples = config.minBufferedSamples();
        Topology topology = new Topology();
        topology.addSource(AUDIO_SOURCE, Serdes.String().deserializer(), audioSerde.deserializer(), config.audioTopic());
        topology.addProcessor(WINDOWS, () -> new SpeakerWindowProcessor(generator, new ChunkAudio(), minSamples),
                AUDIO_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(SpeakerWindowProcessor.CHUNK_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(AUDIO_CHANGELOG), WINDOWS);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(SpeakerWindowProcessor.HEADER_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)), WINDOWS);
        topology.addSink(AVATAR_SINK, config.avatarsTopic(), Serdes.String().serializer(), avatarSerde.serializer(), WINDOWS);
        return topology;
    }
}
