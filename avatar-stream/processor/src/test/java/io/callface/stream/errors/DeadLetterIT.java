package io.callface.stream.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.DeadLetter;
import io.callface.avro.Encoding;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.app.StreamsProperties;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.testing.KafkaBrokerExtension;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.testing.TestAudio;
import io.callface.stream.window.WindowEvents;
import io.callface.stream.topology.AvatarTopology;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on a real broker with exactly-once processing: undecodable bytes and bad audio become
 * {@link DeadLetter}s on the dead-letter topic, and valid audio after them still becomes an avatar.
 */
class DeadLetterIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path stateDir;

    @Test
    void badRecordsAreDeadLetteredAndProcessingGoesOn() {
        String registryUrl = "mock://" + UUID.randomUUID();
        AvatarStreamConfig config = new AvatarStreamConfig(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvatarStreamConfig.MODEL_DIR_CONFIG, "unused",
                AvatarStreamConfig.APPLICATION_ID_CONFIG, "dead-letter-it",
                AvatarStreamConfig.STATE_DIR_CONFIG, stateDir.toString(),
                AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, 2));
        KAFKA.broker().createTopics(CallfaceTopics.of(config, (short) 1));
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        AvroSerde<AudioChunk> audioSerde = new AvroSerde<>(registry, AudioChunk.class);

        try (KafkaStreams streams = new KafkaStreams(AvatarTopology.build(config, FakeAvatars::of, WindowEvents.NONE, audioSerde,
                new AvroSerde<>(registry, AvatarEvent.class)), StreamsProperties.from(config))) {
            streams.start();
            try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
                producer.send(new ProducerRecord<>(config.audioTopic(), key("c/junk"), new byte[] {9, 9, 9}));
                AudioChunk oddPcm = chunk("c", "odd", 0, new byte[] {1, 2, 3}, false);
                producer.send(new ProducerRecord<>(config.audioTopic(), key("c/odd"),
                        audioSerde.serializer().serialize(config.audioTopic(), oddPcm)));
                for (int seq = 0; seq < 200; seq++) {
                    AudioChunk good = TestAudio.voicedChunk("c", "good", seq, seq == 199);
                    producer.send(new ProducerRecord<>(config.audioTopic(), key("c/good"),
                            audioSerde.serializer().serialize(config.audioTopic(), good)));
                }
            }

            List<DeadLetter> letters = new ArrayList<>();
            List<AvatarEvent> avatars = new ArrayList<>();
            try (KafkaConsumer<byte[], DeadLetter> dlq = consumer(new AvroSerde<>(registry, DeadLetter.class));
                 KafkaConsumer<byte[], AvatarEvent> out = consumer(new AvroSerde<>(registry, AvatarEvent.class))) {
                dlq.subscribe(List.of(config.dlqTopic()));
                out.subscribe(List.of(config.avatarsTopic()));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    dlq.poll(Duration.ofMillis(100)).forEach(r -> letters.add(r.value()));
                    out.poll(Duration.ofMillis(100)).forEach(r -> avatars.add(r.value()));
                    return letters.size() >= 2 && avatars.stream().anyMatch(AvatarEvent::getEndOfStream);
                });
            }

            assertThat(letters).anySatisfy(letter -> {
                assertThat(letter.getReason()).contains("undecodable").contains("magic byte");
                assertThat(letter.getSourceTopic()).isEqualTo(config.audioTopic());
                assertThat(letter.getSourceOffset()).isNotNull();
                assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(new byte[] {9, 9, 9}));
            });
            assertThat(letters).anySatisfy(letter -> {
                assertThat(letter.getReason()).contains("payload");
                assertThat(letter.getOriginalKey()).isEqualTo(ByteBuffer.wrap(key("c/odd")));
            });
            // 4 s of audio: the provisional avatar at 3 s, then its repeat marking the end of stream.
            assertThat(avatars).extracting(AvatarEvent::getParticipantId, AvatarEvent::getProvisional, AvatarEvent::getEndOfStream)
                    .containsExactly(tuple("good", true, false), tuple("good", true, true));
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    private static AudioChunk chunk(String call, String participant, long seq, byte[] pcm, boolean end) {
        return AudioChunk.newBuilder().setCallId(call).setParticipantId(participant).setSequence(seq)
                .setCaptureTimestamp(Instant.now()).setSampleRate(16_000).setChannels(1).setEncoding(Encoding.PCM_S16LE)
                .setPayload(ByteBuffer.wrap(pcm)).setConsent(true).setEndOfStream(end).build();
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> KafkaConsumer<byte[], T> consumer(AvroSerde<T> serde) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), serde.deserializer());
    }
}
