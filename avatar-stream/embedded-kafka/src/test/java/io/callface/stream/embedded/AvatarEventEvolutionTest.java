package io.callface.stream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.AvatarEvent;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evolving {@code AvatarEvent} the way production would: the next version adds an optional record field with a
 * null default (as a new optional field of the avatar topic must), which old and new readers both handle, and the
 * registry accepts under its default BACKWARD level; a field without a default is refused with Confluent's 409.
 */
class AvatarEventEvolutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "callface.avatars-value";
    private static final Schema CURRENT = AvatarEvent.getClassSchema();
    private static final Schema OPTIONAL_ATTRIBUTES = SchemaBuilder.record("Attributes").namespace("test.evolution").fields()
            .requiredDouble("perceivedFemaleProbability").requiredFloat("ageYears").endRecord();
    private static final Schema NEXT = withField(CURRENT, new Schema.Field("attributes",
            Schema.createUnion(Schema.create(Schema.Type.NULL), OPTIONAL_ATTRIBUTES), "Added later; null from older writers.",
            JsonProperties.NULL_VALUE));
    private static final Schema BREAKING = withField(CURRENT, new Schema.Field("mood", Schema.create(Schema.Type.STRING),
            "Required and without a default: older data cannot fill it.", (Object) null));

    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void eventsOfTheCurrentSchemaAreReadByTheNextWithNullAttributes() throws IOException {
        for (Object event : new RandomData(CURRENT, 50, 2019L)) {
            GenericRecord written = (GenericRecord) event;

            GenericRecord read = roundTrip(written, CURRENT, NEXT);

            assertThat(read.get("attributes")).isNull();
            CURRENT.getFields().forEach(f -> assertThat(read.get(f.name())).as(f.name()).isEqualTo(written.get(f.name())));
        }
    }

    @Test
    void eventsOfTheNextSchemaAreReadByTheCurrentOne() throws IOException {
        int withAttributes = 0;
        for (Object event : new RandomData(NEXT, 50, 2019L)) {
            GenericRecord written = (GenericRecord) event;
            withAttributes += written.get("attributes") != null ? 1 : 0;

            GenericRecord read = roundTrip(written, NEXT, CURRENT);

            CURRENT.getFields().forEach(f -> assertThat(read.get(f.name())).as(f.name()).isEqualTo(written.get(f.name())));
        }
        assertThat(withAttributes).as("some events carried attributes").isPositive();
    }

    @Test
    void theRegistryAcceptsTheNextSchemaUnderBackwardAndRefusesABreakingOneWith409() throws Exception {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
        int current = client.register(SUBJECT, CURRENT);

        assertThat(json(send("GET", "/config/" + SUBJECT + "?defaultToGlobal=true", null)).get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertThat(json(send("POST", "/compatibility/subjects/" + SUBJECT + "/versions/latest", registration(NEXT)))
                .get("is_compatible").asBoolean()).isTrue();
        int next = client.register(SUBJECT, NEXT);
        assertThat(next).isNotEqualTo(current);
        assertThat(client.latest(SUBJECT).version()).isEqualTo(2);

        HttpResponse<String> refused = send("POST", "/subjects/" + SUBJECT + "/versions", registration(BREAKING));
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode error = json(refused);
        assertThat(error.get("error_code").asInt()).isEqualTo(409);
        assertThat(error.get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "mood");
        assertThat(client.latest(SUBJECT).version()).isEqualTo(2);
    }

    private static GenericRecord roundTrip(GenericRecord record, Schema writer, Schema reader) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    /** {@code record} with one more field, last. */
    private static Schema withField(Schema record, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static String registration(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
