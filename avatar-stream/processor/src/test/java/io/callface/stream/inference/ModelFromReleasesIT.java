package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.DeadLetter;
import io.callface.avro.ModelRelease;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.AvatarStreamApp;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.model.ModelContract;
import io.callface.stream.testing.KafkaBrokerExtension;
import io.callface.stream.testing.TestAudio;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances without a model directory take their first model from the models topic: the newest release that
 * loads, falling back past a bad newest one; a bad release is dead-lettered once, when it is published, and not
 * again by every restart.
 */
class ModelFromReleasesIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path temp;

    @Test
    void startsFromTheNewestLoadableReleaseAndDeadLettersABadOneOnlyWhenPublished() throws IOException {
        Map<String, ModelRelease> releases = new HashMap<>();
        for (String version : List.of("tiny-v1", "tiny-v2", "tiny-v3", "tiny-v4")) {
            Path dir = temp.resolve(version);
            releases.put(version, TestReleases.of(dir, new TinyFaceModelWriter().version(version).write(dir)));
        }
        TestReleases.flipOneByte(temp.resolve("tiny-v2").resolve(ModelContract.ENCODER_FILE));
        TestReleases.flipOneByte(temp.resolve("tiny-v4").resolve(ModelContract.DECODER_FILE));

        String registryUrl = "mock://" + UUID.randomUUID();
        Map<String, Object> values = new HashMap<>(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvatarStreamConfig.STATE_DIR_CONFIG, temp.resolve("state").toString(),
                AvatarStreamConfig.MODEL_CACHE_DIR_CONFIG, temp.resolve("cache").toString(),
                AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, 2,
                AvatarStreamConfig.HTTP_PORT_CONFIG, 0,
                AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        AvatarStreamConfig config = instance(values, 1);
        assertThat(config.modelDir()).isEmpty();
        KAFKA.broker().createTopics(CallfaceTopics.of(config, (short) 1));
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        AvroSerde<ModelRelease> releaseSerde = new AvroSerde<>(registry, ModelRelease.class);
        AvroSerde<AudioChunk> audioSerde = new AvroSerde<>(registry, AudioChunk.class);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            TestReleases.publish(producer, config, releaseSerde, releases.get("tiny-v1"));
            TestReleases.publish(producer, config, releaseSerde, releases.get("tiny-v2"));

            // The newest release (v2) fails its digest: the instance starts on v1, without a model directory.
            try (AvatarStreamApp app = AvatarStreamApp.start(config);
                 KafkaConsumer<String, byte[]> out = consumer()) {
                assertThat(app.modelVersion()).isEqualTo("tiny-v1");
                out.subscribe(List.of(config.avatarsTopic()));
                speak(producer, config, audioSerde);
                List<AvatarEvent> avatars = new ArrayList<>();
                AvroSerde<AvatarEvent> avatarSerde = new AvroSerde<>(registry, AvatarEvent.class);
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    out.poll(Duration.ofMillis(100)).forEach(r ->
                            avatars.add(avatarSerde.deserializer().deserialize(r.topic(), r.value())));
                    return !avatars.isEmpty();
                });
                assertThat(avatars).extracting(AvatarEvent::getModelVersion).containsOnly("tiny-v1");

                TestReleases.publish(producer, config, releaseSerde, releases.get("tiny-v3"));
                await().atMost(Duration.ofSeconds(60)).until(() -> app.modelVersion().equals("tiny-v3"));
            }
            assertThat(deadLetters(config, registry)).isEmpty();

            // A restart serves the newest release; a bad one published while running is dead-lettered once.
            try (AvatarStreamApp app = AvatarStreamApp.start(instance(values, 2))) {
                assertThat(app.modelVersion()).isEqualTo("tiny-v3");
                awaitRunning(app);
                TestReleases.publish(producer, config, releaseSerde, releases.get("tiny-v4"));
                await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(config, registry).size() == 1);
                assertThat(app.modelVersion()).isEqualTo("tiny-v3");
            }
            try (AvatarStreamApp app = AvatarStreamApp.start(instance(values, 3))) {
                assertThat(app.modelVersion()).isEqualTo("tiny-v3");
                awaitRunning(app);
            }
        }
        assertThat(deadLetters(config, registry)).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).contains("tiny-v4").contains("tiny-v3 keeps serving");
            assertThat(letter.getSourceTopic()).isEqualTo(config.modelsTopic());
        });
    }

    /**
     * Each start is its own application, so that it does not wait out the previous one's session in the consumer
     * group (Kafka Streams members do not leave the group on close); this test is about models, not state.
     */
    private static AvatarStreamConfig instance(Map<String, Object> values, int start) {
        Map<String, Object> withId = new HashMap<>(values);
        withId.put(AvatarStreamConfig.APPLICATION_ID_CONFIG, "model-from-releases-it-" + start);
        return new AvatarStreamConfig(withId);
    }

    private static void awaitRunning(AvatarStreamApp app) {
        await().atMost(Duration.ofSeconds(60)).until(() -> app.state() == KafkaStreams.State.RUNNING);
    }

    /** Every record on the dead-letter topic, read to its end. */
    private static List<DeadLetter> deadLetters(AvatarStreamConfig config, SchemaRegistryClient registry) {
        AvroSerde<DeadLetter> serde = new AvroSerde<>(registry, DeadLetter.class);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> dlq = consumer()) {
            List<TopicPartition> partitions = List.of(new TopicPartition(config.dlqTopic(), 0));
            dlq.assign(partitions);
            dlq.seekToBeginning(partitions);
            long end = dlq.endOffsets(partitions).get(partitions.get(0));
            while (dlq.position(partitions.get(0)) < end) {
                for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(200))) {
                    letters.add(serde.deserializer().deserialize(r.topic(), r.value()));
                }
            }
        }
        return letters;
    }

    /** One speaker's first 6 s window. */
    private static void speak(KafkaProducer<String, byte[]> producer, AvatarStreamConfig config,
                              AvroSerde<AudioChunk> serde) {
        for (int seq = 0; seq < TestAudio.CHUNKS_PER_WINDOW; seq++) {
            AudioChunk chunk = TestAudio.voicedChunk("call", "bea", seq, false);
            producer.send(new ProducerRecord<>(config.audioTopic(), "call/bea",
                    serde.serializer().serialize(config.audioTopic(), chunk)));
        }
        producer.flush();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "model-from-releases-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    }
}
