package io.callface.stream.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.AudioChunk;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.AvatarStreamApp;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.inference.TinyFaceModelWriter;
import io.callface.stream.testing.KafkaBrokerExtension;
import io.callface.stream.testing.TestAudio;
import io.callface.stream.window.SpeakerId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The avatar API on two instances of one application: every answer is right whichever instance owns the key. */
class AvatarApiIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> PARTICIPANTS = IntStream.range(0, 6).mapToObj(i -> "p" + i).toList();

    @TempDir
    static Path temp;
    private static AvatarStreamApp first;
    private static AvatarStreamApp second;

    @BeforeAll
    static void start() throws IOException {
        new TinyFaceModelWriter().imageSize(16, 16).withAttributes().write(temp.resolve("model"));
        String registry = "mock://" + UUID.randomUUID();
        first = AvatarStreamApp.start(config(registry, "a"));
        second = AvatarStreamApp.start(config(registry, "b"));
        await().atMost(PATIENCE).until(() -> first.state() == KafkaStreams.State.RUNNING
                && second.state() == KafkaStreams.State.RUNNING);

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (var producer = new KafkaProducer<String, AudioChunk>(props, new StringSerializer(),
                new AvroSerde<>(SchemaRegistryClients.forUrl(registry), AudioChunk.class).serializer())) {
            for (int seq = 0; seq < TestAudio.CHUNKS_PER_WINDOW / 2; seq++) {
                for (String participant : PARTICIPANTS) {
                    producer.send(new ProducerRecord<>("api.audio", "meet/" + participant,
                            TestAudio.voicedChunk("meet", participant, seq, false)));
                }
            }
        }
    }

    private static AvatarStreamConfig config(String registry, String instance) {
        Map<String, Object> values = new HashMap<>();
        values.put(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        values.put(AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registry);
        values.put(AvatarStreamConfig.MODEL_DIR_CONFIG, temp.resolve("model").toString());
        values.put(AvatarStreamConfig.APPLICATION_ID_CONFIG, "api-it");
        values.put(AvatarStreamConfig.AUDIO_TOPIC_CONFIG, "api.audio");
        values.put(AvatarStreamConfig.AVATARS_TOPIC_CONFIG, "api.avatars");
        values.put(AvatarStreamConfig.DLQ_TOPIC_CONFIG, "api.dlq");
        values.put(AvatarStreamConfig.MODELS_TOPIC_CONFIG, "api.models");
        values.put(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, 4);
        values.put(AvatarStreamConfig.HTTP_PORT_CONFIG, 0);
        values.put(AvatarStreamConfig.STATE_DIR_CONFIG, temp.resolve("state-" + instance).toString());
        AvatarStreamConfig config = new AvatarStreamConfig(values);
        if ("a".equals(instance)) {
            KAFKA.broker().createTopics(CallfaceTopics.of(config, (short) 1));
        }
        return config;
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void bothInstancesAnswerForEveryParticipantWhoeverOwnsIt() throws IOException {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (AvatarStreamApp app : List.of(first, second)) {
                JsonNode call = json(app, "/api/calls/meet", 200);
                assertThat(call.get("participants")).extracting(p -> p.get("participantId").asText())
                        .containsExactlyElementsOf(PARTICIPANTS);
                // Also the part gathered from the other instance: its JSON is read back and sent on.
                assertThat(call.get("participants")).allSatisfy(p -> assertAttributes(p));
            }
        });
        long ownedBySecond = PARTICIPANTS.stream()
                .filter(p -> first.avatars().ownerOf(new SpeakerId("meet", p)).equals(second.avatars().self())).count();
        assertThat(ownedBySecond).as("keys owned by the second instance").isBetween(1L, 5L);

        for (AvatarStreamApp app : List.of(first, second)) {
            for (String participant : PARTICIPANTS) {
                JsonNode avatar = json(app, "/api/calls/meet/participants/" + participant, 200);
                assertThat(avatar.get("participantId").asText()).isEqualTo(participant);
                assertThat(avatar.get("provisional").asBoolean()).isTrue();
                assertThat(avatar.get("landmarks")).hasSize(68);
                assertAttributes(avatar);
                HttpResponse<byte[]> png = get(app, "/api/calls/meet/participants/" + participant + "/face.png");
                assertThat(png.statusCode()).isEqualTo(200);
                assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
                assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
                HttpResponse<byte[]> svg = get(app, "/api/calls/meet/participants/" + participant + "/cartoon.svg");
                assertThat(svg.statusCode()).isEqualTo(200);
                assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
                assertThat(new String(svg.body(), StandardCharsets.UTF_8)).startsWith("<svg ")
                        .contains("data-hair-length=\"" + avatar.get("attributes").get("hair").get("lengthClass").asText() + "\"");
            }
            JsonNode calls = json(app, "/api/calls", 200);
            assertThat(calls).singleElement().satisfies(c -> {
                assertThat(c.get("callId").asText()).isEqualTo("meet");
                assertThat(c.get("participants").asInt()).isEqualTo(PARTICIPANTS.size());
            });
        }
    }

    @Test
    void unknownCallsAndParticipantsAre404WithAJsonError() throws IOException {
        for (AvatarStreamApp app : List.of(first, second)) {
            // While a rebalance moves a store the API answers 503 (try again), rightly; the answer that counts comes after.
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode call = json(app, "/api/calls/nope", 404);
                assertThat(call.get("error").asText()).contains("unknown call 'nope'");
                assertThat(call.get("status").asInt()).isEqualTo(404);
            });
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(json(app, "/api/calls/meet/participants/nobody", 404).get("error").asText())
                            .contains("unknown participant 'nobody'"));
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(json(app, "/api/calls/meet/participants/nobody/cartoon.svg", 404).get("error").asText())
                            .contains("unknown participant 'nobody'"));
        }
    }

    /** The tiny model has an attribute head: every avatar carries its attributes, classes by name. */
    private static void assertAttributes(JsonNode avatar) {
        JsonNode attributes = avatar.get("attributes");
        assertThat(attributes.get("maleProbability").asDouble()).isBetween(0.0, 1.0);
        assertThat(attributes.get("hair").get("colourHex").asText()).isEqualTo(avatar.get("colours").get("hair").asText());
        assertThat(attributes.get("hair").get("lengthClass").asText()).isIn("BUZZ", "SHORT", "CHIN", "SHOULDER", "LONG");
        assertThat(attributes.get("skinTone").get("category").asText())
                .isIn("VERY_LIGHT", "LIGHT", "INTERMEDIATE", "TAN", "BROWN", "DARK");
        assertThat(attributes.get("faceShape").asText()).isIn("LONG", "SQUARE", "ROUND", "OVAL");
    }

    private static JsonNode json(AvatarStreamApp app, String path, int expectedStatus) throws IOException {
        HttpResponse<byte[]> response = get(app, path);
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static HttpResponse<byte[]> get(AvatarStreamApp app, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
