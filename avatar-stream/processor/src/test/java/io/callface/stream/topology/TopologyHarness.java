package io.callface.stream.topology;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.StreamsProperties;
import io.callface.stream.avatar.AvatarGenerator;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.window.WindowEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The set-up the topology tests share: {@link AvatarTopology} in a {@link TopologyTestDriver}, with a fresh
 * in-memory schema registry, the given settings and avatar generator, and the audio and avatar topics.
 */
final class TopologyHarness implements AutoCloseable {
    final AvatarStreamConfig config;
    final SchemaRegistryClient registry;
    final TopologyTestDriver driver;
    final TestInputTopic<String, AudioChunk> audio;
    final TestOutputTopic<String, AvatarEvent> avatars;

    TopologyHarness(Map<String, Object> overrides, AvatarGenerator generator, WindowEvents events) {
        String registryUrl = "mock://" + UUID.randomUUID();
        Map<String, Object> values = new HashMap<>(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092",
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvatarStreamConfig.MODEL_DIR_CONFIG, "unused"));
        values.putAll(overrides);
        config = new AvatarStreamConfig(values);
        registry = SchemaRegistryClients.forUrl(registryUrl);
        AvroSerde<AudioChunk> audioSerde = new AvroSerde<>(registry, AudioChunk.class);
        AvroSerde<AvatarEvent> avatarSerde = new AvroSerde<>(registry, AvatarEvent.class);
        driver = new TopologyTestDriver(AvatarTopology.build(config, generator, events, audioSerde, avatarSerde),
                StreamsProperties.from(config));
        audio = driver.createInputTopic(config.audioTopic(), Serdes.String().serializer(), audioSerde.serializer());
        avatars = driver.createOutputTopic(config.avatarsTopic(), Serdes.String().deserializer(),
                avatarSerde.deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
