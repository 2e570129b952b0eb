package io.callface.stream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.ModelRelease;
import io.callface.serde.AvroSerde;
import io.callface.serde.AvroSerdeConfig;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.serde.SchemaRegistryException;
import io.callface.serde.SchemaVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Schema V1 = SchemaBuilder.record("Reading").namespace("test").fields()
            .requiredString("sensor").requiredDouble("value").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Reading").namespace("test").fields()
            .requiredString("sensor").requiredDouble("value").name("unit").type().stringType().stringDefault("C")
            .endRecord();

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0);
        client = SchemaRegistryClients.forUrl(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void picksAFreePortAndNamesItInTheUrl() {
        assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
    }

    @Test
    void restClientRegistersGetsListsAndReadsLatest() {
        int id1 = client.register("readings-value", V1);
        int id2 = client.register("readings-value", V2);
        int sameAsV1 = client.register("archive-value", V1);

        SchemaRegistryClient freshClient = SchemaRegistryClients.forUrl(registry.url());
        assertThat(id2).isNotEqualTo(id1);
        assertThat(sameAsV1).isEqualTo(id1);
        assertThat(freshClient.schemaById(id1)).isEqualTo(V1);
        assertThat(freshClient.schemaById(id2)).isEqualTo(V2);
        assertThat(freshClient.subjects()).containsExactly("readings-value", "archive-value");
        assertThat(freshClient.latest("readings-value")).isEqualTo(new SchemaVersion("readings-value", 2, id2, V2));
    }

    @Test
    void restClientSeesRegistryErrorCodes() {
        assertThatThrownBy(() -> client.schemaById(123)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(40403);
        });
        assertThatThrownBy(() -> client.latest("nobody-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    }

    @Test
    void answersInConfluentJsonShapes() throws Exception {
        HttpResponse<String> registered = post("/subjects/readings-value/versions", registration(V1));
        post("/subjects/readings-value/versions", registration(V2));
        int id = json(registered).get("id").asInt();

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(CONTENT_TYPE));
        assertThat(fieldNames(json(registered))).containsExactly("id");

        JsonNode byId = json(get("/schemas/ids/" + id));
        assertThat(fieldNames(byId)).containsExactly("schema");
        assertThat(new Schema.Parser().parse(byId.get("schema").asText())).isEqualTo(V1);

        assertThat(json(get("/schemas/ids/" + id + "/versions")))
                .isEqualTo(JSON.readTree("[{\"subject\":\"readings-value\",\"version\":1}]"));
        assertThat(json(get("/subjects"))).isEqualTo(JSON.readTree("[\"readings-value\"]"));
        assertThat(json(get("/subjects/readings-value/versions"))).isEqualTo(JSON.readTree("[1,2]"));

        JsonNode first = json(get("/subjects/readings-value/versions/1"));
        assertThat(fieldNames(first)).containsExactly("subject", "version", "id", "schema");
        assertThat(first.get("subject").asText()).isEqualTo("readings-value");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("id").asInt()).isEqualTo(id);
        assertThat(json(get("/subjects/readings-value/versions/latest")).get("version").asInt()).isEqualTo(2);

        JsonNode lookedUp = json(post("/subjects/readings-value", registration(V1)));
        assertThat(lookedUp).isEqualTo(first);
        assertThat(json(get("/config"))).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));
    }

    @Test
    void compatibilityLevelsAreConfiguredGloballyAndPerSubjectAsConfluentDoes() throws Exception {
        assertThat(json(send("PUT", "/config", "{\"compatibility\":\"full\"}")))
                .isEqualTo(JSON.readTree("{\"compatibility\":\"FULL\"}"));
        assertThat(json(get("/config"))).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"FULL\"}"));
        assertError(get("/config/s-value"), 404, 40408);
        assertThat(json(get("/config/s-value?defaultToGlobal=true"))).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"FULL\"}"));

        assertThat(json(send("PUT", "/config/s-value", "{\"compatibility\":\"NONE\"}")))
                .isEqualTo(JSON.readTree("{\"compatibility\":\"NONE\"}"));
        assertThat(json(get("/config/s-value"))).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"NONE\"}"));
        assertError(send("PUT", "/config/s-value", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertError(send("PUT", "/config", "{}"), 422, 42203);

        post("/subjects/s-value/versions", registration(V1));
        Schema breaking = SchemaBuilder.record("Reading").namespace("test").fields().requiredString("other").endRecord();
        assertThat(post("/subjects/s-value/versions", registration(breaking)).statusCode()).as("NONE checks nothing").isEqualTo(200);

        assertThat(json(send("DELETE", "/config/s-value", null))).isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"NONE\"}"));
        assertError(send("DELETE", "/config/s-value", null), 404, 40408);
        assertThat(json(get("/config/s-value?defaultToGlobal=true"))).as("follows the global level again")
                .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"FULL\"}"));
    }

    @Test
    void compatibilityIsTestedAgainstAVersionOrTheSubjectsLevel() throws Exception {
        post("/subjects/s-value/versions", registration(V1));
        Schema incompatible = SchemaBuilder.record("Reading").namespace("test").fields()
                .requiredString("sensor").requiredDouble("value").requiredString("unit").endRecord();

        assertThat(json(post("/compatibility/subjects/s-value/versions/latest", registration(V2))))
                .isEqualTo(JSON.readTree("{\"is_compatible\":true}"));
        assertThat(json(post("/compatibility/subjects/s-value/versions/1", registration(incompatible))))
                .isEqualTo(JSON.readTree("{\"is_compatible\":false}"));
        JsonNode verbose = json(post("/compatibility/subjects/s-value/versions/latest?verbose=true", registration(incompatible)));
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "unit");
        assertThat(json(post("/compatibility/subjects/s-value/versions", registration(incompatible))).get("is_compatible").asBoolean())
                .isFalse();
        assertThat(json(post("/compatibility/subjects/new-value/versions", registration(incompatible))).get("is_compatible").asBoolean())
                .as("nothing to be incompatible with").isTrue();

        assertError(post("/compatibility/subjects/new-value/versions/latest", registration(V1)), 404, 40401);
        assertError(post("/compatibility/subjects/s-value/versions/7", registration(V1)), 404, 40402);
        assertError(post("/compatibility/subjects/s-value/versions/zero", registration(V1)), 422, 42202);
        assertError(post("/compatibility/subjects/s-value/versions/latest", "{}"), 422, 42201);
    }

    @Test
    void sameSchemaRegisteredTwiceKeepsOneVersion() throws Exception {
        int first = json(post("/subjects/s-value/versions", registration(V1))).get("id").asInt();
        int second = json(post("/subjects/s-value/versions", registration(V1))).get("id").asInt();

        assertThat(second).isEqualTo(first);
        assertThat(json(get("/subjects/s-value/versions"))).isEqualTo(JSON.readTree("[1]"));
    }

    @Test
    void answersConfluentErrorCodes() throws Exception {
        post("/subjects/s-value/versions", registration(V1));
        Schema incompatible = SchemaBuilder.record("Reading").namespace("test").fields()
                .requiredString("sensor").requiredDouble("value").requiredString("unit").endRecord();

        assertError(post("/subjects/s-value/versions", "{\"schema\":\"{not avro\"}"), 422, 42201);
        assertError(post("/subjects/s-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"nonsense\\\"}\"}"), 422, 42201);
        assertError(post("/subjects/s-value/versions",
                JSON.createObjectNode().put("schema", "syntax = \"proto3\";").put("schemaType", "PROTOBUF").toString()),
                422, 42201);
        assertError(post("/subjects/s-value/versions", "{}"), 422, 42201);
        assertError(post("/subjects/s-value/versions", "not json"), 400, 400);
        assertError(post("/subjects/s-value/versions", registration(incompatible)), 409, 409);
        assertError(get("/subjects/unknown-value/versions"), 404, 40401);
        assertError(get("/subjects/unknown-value/versions/latest"), 404, 40401);
        assertError(get("/subjects/s-value/versions/2"), 404, 40402);
        assertError(get("/subjects/s-value/versions/zero"), 422, 42202);
        assertError(get("/schemas/ids/99"), 404, 40403);
        assertError(get("/schemas/ids/99/versions"), 404, 40403);
        assertError(post("/subjects/s-value", registration(V2)), 404, 40403);
        assertError(post("/subjects/unknown-value", registration(V1)), 404, 40401);
    }

    @Test
    void avroSerdeRoundTripsThroughTheRestClient() {
        ModelRelease release = ModelRelease.newBuilder()
                .setVersion("1.2.3").setPreset("tiny").setFeatureDim(64)
                .setEncoderUri("file:///m/encoder.onnx").setDecoderUri("file:///m/decoder.onnx")
                .setEncoderSha256("0".repeat(64)).setDecoderSha256("f".repeat(64))
                .setMetrics(Map.of("recall_at_10_cos", 0.5))
                .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .build();
        AvroSerde<ModelRelease> producerSide = new AvroSerde<>(client, ModelRelease.class);
        AvroSerde<ModelRelease> consumerSide = new AvroSerde<>();
        consumerSide.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.VALUE_TYPE, ModelRelease.class.getName()), false);

        byte[] framed = producerSide.serializer().serialize("callface.models", release);

        assertThat(consumerSide.deserializer().deserialize("callface.models", framed)).isEqualTo(release);
        assertThat(client.latest("callface.models-value").schema()).isEqualTo(ModelRelease.getClassSchema());
    }

    @Test
    void concurrentRegistrationsAgreeOnOneId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> ids = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> SchemaRegistryClients.forUrl(registry.url())
                            .register("race-value", V1)))
                    .toList();
            for (Future<Integer> id : ids) {
                assertThat(id.get()).isEqualTo(ids.get(0).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.latest("race-value").version()).isEqualTo(1);
    }

    @Test
    void closeIsIdempotentAndStopsServing() {
        registry.close();
        registry.close();

        assertThatThrownBy(client::subjects).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(registry.url());
    }

    private static String registration(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path))
                        .header("Content-Type", CONTENT_TYPE)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path))
                        .header("Content-Type", CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        return iterable(node.fieldNames());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static void assertError(HttpResponse<String> response, int status, int errorCode) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("error_code").asInt()).as(response.body()).isEqualTo(errorCode);
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
