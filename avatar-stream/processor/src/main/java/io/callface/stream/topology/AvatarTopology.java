package io.callface.stream.topology;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.model.fusion.FusionRule;
import io.callface.stream.avatar.AvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.fusion.FusionRules;
import io.callface.stream.window.ChunkAudio;
import io.callface.stream.window.SpeakerId;
import io.callface.stream.window.SpeakerWindowProcessor;
import io.callface.stream.window.WindowEvents;
import io.callface.stream.window.WindowSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/** callface's processing graph, built without starting anything so that tests drive it directly. */
public final class AvatarTopology {
    public static final String AUDIO_SOURCE = "audio-source";
    public static final String BY_SPEAKER = "audio-by-speaker";
    public static final String WINDOWS = "speaker-windows";
    public static final String LATEST_AVATARS = "latest-avatars";
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

    public static Topology build(AvatarStreamConfig config, AvatarGenerator generator, WindowEvents events,
                                 Serde<AudioChunk> audioSerde, Serde<AvatarEvent> avatarSerde) {
        WindowSettings settings = WindowSettings.from(config);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(SpeakerWindowProcessor.CHUNK_STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingEnabled(AUDIO_CHANGELOG));
        // Headers change with every chunk: caching folds those writes into one per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(SpeakerWindowProcessor.HEADER_STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled()
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(SpeakerWindowProcessor.FUSION_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));

        KStream<String, AudioChunk> audio = builder.stream(config.audioTopic(),
                Consumed.with(Serdes.String(), audioSerde).withName(AUDIO_SOURCE));
        if (config.audioKeyedByCall()) {
            audio = audio.selectKey((key, chunk) -> SpeakerId.of(chunk).key(), Named.as(BY_SPEAKER + "-key"))
                    .repartition(Repartitioned.with(Serdes.String(), audioSerde).withName(BY_SPEAKER));
        }
        // Every speaker's latest avatar, queried by the web API; small (one avatar per speaker), so in memory.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(LatestAvatarProcessor.STORE), Serdes.String(), avatarSerde)
                .withLoggingEnabled(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        Duration endedRetention = Duration.ofMillis(config.getLong(AvatarStreamConfig.ENDED_AVATAR_RETENTION_MS_CONFIG));
        FusionRule fusion = FusionRules.from(config);
        audio.process(() -> new SpeakerWindowProcessor(generator, fusion, new ChunkAudio(), settings, events),
                        Named.as(WINDOWS), SpeakerWindowProcessor.CHUNK_STORE, SpeakerWindowProcessor.HEADER_STORE,
                        SpeakerWindowProcessor.FUSION_STORE)
                .processValues(() -> new LatestAvatarProcessor(endedRetention), Named.as(LATEST_AVATARS),
                        LatestAvatarProcessor.STORE)
                .to(config.avatarsTopic(), Produced.with(Serdes.String(), avatarSerde).withName(AVATAR_SINK));
        return builder.build();
    }
}
