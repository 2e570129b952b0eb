package io.callface.stream.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.avro.DeadLetter;
import io.callface.avro.ModelRelease;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.AvatarStreamApp;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.model.ModelContract;
import io.callface.model.ModelManifest;
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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot model swaps on a real broker: a release published mid-call replaces the serving model between windows
 * without losing one, and a tampered release is dead-lettered while the old model keeps serving. The first model
 * has no attribute head, the second has one: its events carry the attributes the tiny head's weights give for
 * their fused embedding.
 */
class ModelSwapIT {
    /** float32 inference against a double reference; the age and ITA are tens of units. */
    private static final float ATTRIBUTE_TOLERANCE = 1e-3f;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path temp;

    @Test
    void aReleaseIsSwappedInMidCallAndATamperedOneIsRejected() throws IOException {
        ModelManifest v1 = new TinyFaceModelWriter().version("tiny-v1").write(temp.resolve("v1"));
        TinyFaceModelWriter v2Writer = new TinyFaceModelWriter().version("tiny-v2").withAttributes();
        ModelManifest v2 = v2Writer.write(temp.resolve("v2"));
        ModelManifest v3 = new TinyFaceModelWriter().version("tiny-v3").write(temp.resolve("v3"));
        TestReleases.flipOneByte(temp.resolve("v3").resolve(ModelContract.DECODER_FILE));

        String registryUrl = "mock://" + UUID.randomUUID();
        Map<String, Object> values = new HashMap<>(Map.of(
                AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl,
                AvatarStreamConfig.MODEL_DIR_CONFIG, temp.resolve("v1").toString(),
                AvatarStreamConfig.APPLICATION_ID_CONFIG, "model-swap-it",
                AvatarStreamConfig.STATE_DIR_CONFIG, temp.resolve("state").toString(),
                AvatarStreamConfig.MODEL_CACHE_DIR_CONFIG, temp.resolve("cache").toString(),
                AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, 2,
                AvatarStreamConfig.HTTP_PORT_CONFIG, 0,
                AvatarStreamConfig.INFERENCE_PROVIDER_CONFIG, "CPU"));
        values.put(AvatarStreamConfig.INFERENCE_BATCH_MAX_SIZE_CONFIG, 2);
        AvatarStreamConfig config = new AvatarStreamConfig(values);
        KAFKA.broker().createTopics(CallfaceTopics.of(config, (short) 1));
        SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
        AvroSerde<AudioChunk> audioSerde = new AvroSerde<>(registry, AudioChunk.class);
        AvroSerde<ModelRelease> releaseSerde = new AvroSerde<>(registry, ModelRelease.class);

        List<AvatarEvent> avatars = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        try (AvatarStreamApp app = AvatarStreamApp.start(config);
             KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, AvatarEvent> out = consumer(new AvroSerde<>(registry, AvatarEvent.class));
             KafkaConsumer<String, DeadLetter> dlq = consumer(new AvroSerde<>(registry, DeadLetter.class))) {
            out.subscribe(List.of(config.avatarsTopic()));
            dlq.subscribe(List.of(config.dlqTopic()));

            speak(producer, config, audioSerde, 0);
            awaitAvatars(out, avatars, 2);
            assertThat(avatars).extracting(AvatarEvent::getModelVersion).containsOnly("tiny-v1");

            TestReleases.publish(producer, config, releaseSerde, TestReleases.of(temp.resolve("v2"), v2));
            await().atMost(Duration.ofSeconds(60)).until(() -> app.modelVersion().equals("tiny-v2"));
            speak(producer, config, audioSerde, 1);
            awaitAvatars(out, avatars, 3);

            TestReleases.publish(producer, config, releaseSerde, TestReleases.of(temp.resolve("v3"), v3));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                dlq.poll(Duration.ofMillis(100)).forEach(r -> letters.add(r.value()));
                return !letters.isEmpty();
            });
            speak(producer, config, audioSerde, 2);
            awaitAvatars(out, avatars, 4);

            assertThat(app.modelVersion()).isEqualTo("tiny-v2");
        }

        assertThat(avatars).extracting(AvatarEvent::getWindowIndex, AvatarEvent::getProvisional,
                        AvatarEvent::getModelVersion)
                .containsExactly(
                        tuple(0L, true, "tiny-v1"),
                        tuple(0L, false, "tiny-v1"),
                        tuple(1L, false, "tiny-v2"),
                        tuple(2L, false, "tiny-v2"));
        // Embeddings of different models are never fused: the new model starts a fresh fusion.
        assertThat(avatars.get(2).getWindowsFused()).isEqualTo(1);
        assertThat(avatars.get(3).getWindowsFused()).isEqualTo(2);
        assertThat(avatars.subList(0, 2)).extracting(AvatarEvent::getAttributes).containsOnlyNulls();
        for (AvatarEvent v2Event : avatars.subList(2, 4)) {
            assertAttributesOfTheFusedEmbedding(v2Event, v2Writer);
        }
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).contains("tiny-v3").contains("digest").contains("tiny-v2 keeps serving");
            assertThat(letter.getSourceTopic()).isEqualTo(config.modelsTopic());
            assertThat(letter.getErrorClass()).endsWith("ModelRejectedException");
        });
    }

    /** The event's attributes are the tiny head's output for the embedding its face was decoded from. */
    private static void assertAttributesOfTheFusedEmbedding(AvatarEvent event, TinyFaceModelWriter writer) {
        float[] fused = new float[event.getFusedEmbedding().size()];
        for (int i = 0; i < fused.length; i++) {
            fused[i] = event.getFusedEmbedding().get(i);
        }
        PredictedAttributes expected = writer.expectedAttributes(fused);
        CallerAttributes actual = event.getAttributes();
        assertThat(actual).as("attributes of window %d", event.getWindowIndex()).isNotNull();
        assertThat(actual.getMaleProbability()).isCloseTo(expected.maleProbability(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getAgeYears()).isCloseTo(expected.ageYears(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getAgeSdYears()).isCloseTo(expected.ageSdYears(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getHair().getColourHex()).isEqualTo(event.getColours().getHair());
        assertThat(actual.getHair().getLengthClass().name()).isEqualTo(expected.hairLengthClass().name());
        assertThat(actual.getHair().getLengthProbability())
                .isCloseTo(expected.hairLengthProbability(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getHair().getGreyShare()).isCloseTo(expected.greyShare(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getFacialHairProbability())
                .isCloseTo(expected.facialHairProbability(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getSkinTone().getHex()).isEqualTo(event.getColours().getSkin());
        assertThat(actual.getSkinTone().getIta()).isCloseTo(expected.skinIta(), within(ATTRIBUTE_TOLERANCE));
        assertThat(actual.getSkinTone().getCategory().name()).isEqualTo(expected.skinToneCategory().name());
        assertThat(actual.getFaceShape().name()).isEqualTo(expected.faceShapeClass().name());
        assertThat(actual.getFaceShapeProbability())
                .isCloseTo(expected.faceShapeProbability(), within(ATTRIBUTE_TOLERANCE));
    }

    /** One speaker's next 6 s window, chunks {@code 300 * window} onwards. */
    private static void speak(KafkaProducer<String, byte[]> producer, AvatarStreamConfig config,
                              AvroSerde<AudioChunk> serde, int window) {
        int first = window * TestAudio.CHUNKS_PER_WINDOW;
        for (int seq = first; seq < first + TestAudio.CHUNKS_PER_WINDOW; seq++) {
            AudioChunk chunk = TestAudio.voicedChunk("call", "ann", seq, false);
            producer.send(new ProducerRecord<>(config.audioTopic(), "call/ann",
                    serde.serializer().serialize(config.audioTopic(), chunk)));
        }
        producer.flush();
    }

    private static void awaitAvatars(KafkaConsumer<String, AvatarEvent> out, List<AvatarEvent> avatars, int count) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            out.poll(Duration.ofMillis(100)).forEach(r -> avatars.add(r.value()));
            return avatars.size() >= count;
        });
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return new KafkaProducer<>(props, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    private static <T extends SpecificRecord> KafkaConsumer<String, T> consumer(AvroSerde<T> serde) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "model-swap-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, Serdes.String().deserializer(), serde.deserializer());
    }
}
