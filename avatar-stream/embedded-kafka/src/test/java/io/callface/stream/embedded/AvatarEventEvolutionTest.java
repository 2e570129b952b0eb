package io.callface.stream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callface.avro.AvatarEvent;
import io.callface.avro.CallerAttributes;
import io.callface.serde.AvroSerde;
import io.callface.serde.ConfluentWireFormat;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
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
 * Adding {@code AvatarEvent.attributes} the way production checks it: the previous schema (main before the field,
 * kept as a test resource) and the current one read each other's events, and the registry accepts the current
 * version under its default BACKWARD level while it refuses an incompatible next one ({@code attributes} made
 * required, so it cannot read the registered version's events without attributes) with Confluent's 409.
 */
class AvatarEventEvolutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "callface.avatars-value";
    private static final Schema PREVIOUS = previousSchema();
    private static final Schema CURRENT = AvatarEvent.getClassSchema();
    private static final Schema BREAKING = withRequiredAttributes(CURRENT);
    private static final int EVENTS = 50;

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
    void thePreviousSchemaIsTheCurrentOneWithoutAttributes() {
        assertThat(PREVIOUS.getField("attributes")).isNull();
        assertThat(CURRENT.getFields()).extracting(Schema.Field::name)
                .containsExactlyElementsOf(names(PREVIOUS, "attributes"));
    }

    @Test
    void eventsOfThePreviousSchemaAreReadByTheCurrentOneWithNullAttributes() throws IOException {
        for (Object event : new RandomData(PREVIOUS, EVENTS, 2019L)) {
            GenericRecord written = (GenericRecord) event;

            GenericRecord read = roundTrip(written, PREVIOUS, CURRENT);

            assertThat(read.get("attributes")).isNull();
            assertSameFields(read, written, PREVIOUS);
        }
    }

    @Test
    void eventsOfTheCurrentSchemaAreReadByThePreviousOne() throws IOException {
        int withAttributes = 0;
        for (Object event : new RandomData(CURRENT, EVENTS, 2019L)) {
            GenericRecord written = (GenericRecord) event;
            withAttributes += written.get("attributes") != null ? 1 : 0;

            GenericRecord read = roundTrip(written, CURRENT, PREVIOUS);

            assertSameFields(read, written, PREVIOUS);
        }
        assertThat(withAttributes).as("some events carried attributes").isPositive();
    }

    @Test
    void theRegistryAcceptsTheCurrentSchemaUnderBackwardAndRefusesAnIncompatibleOneWith409() throws Exception {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
        int previous = client.register(SUBJECT, PREVIOUS);

        assertThat(json(send("GET", "/config/" + SUBJECT + "?defaultToGlobal=true", null)).get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertThat(json(send("POST", "/compatibility/subjects/" + SUBJECT + "/versions/latest", registration(CURRENT)))
                .get("is_compatible").asBoolean()).isTrue();
        int current = client.register(SUBJECT, CURRENT);
        assertThat(current).isNotEqualTo(previous);
        assertThat(client.latest(SUBJECT).version()).isEqualTo(2);

        HttpResponse<String> refused = send("POST", "/subjects/" + SUBJECT + "/versions", registration(BREAKING));
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode error = json(refused);
        assertThat(error.get("error_code").asInt()).isEqualTo(409);
        assertThat(error.get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + SUBJECT + "\"")
                .contains("TYPE_MISMATCH", "/fields/" + CURRENT.getField("attributes").pos() + "/type");
        assertThat(client.latest(SUBJECT).version()).isEqualTo(2);
    }

    @Test
    void theStreamsSerdeReadsAnEventFramedWithThePreviousSchemasIdWithNullAttributes() throws IOException {
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry.url());
        int previousId = client.register(SUBJECT, PREVIOUS);
        GenericRecord written = (GenericRecord) new RandomData(PREVIOUS, 1, 7L).iterator().next();
        byte[] framed = ConfluentWireFormat.encode(previousId, avro(written, PREVIOUS));

        AvatarEvent read = new AvroSerde<>(client, AvatarEvent.class).deserializer().deserialize("callface.avatars", framed);

        assertThat(read.getAttributes()).isNull();
        assertThat(read.getCallId()).isEqualTo(written.get("callId").toString());
        assertThat(read.getWindowIndex()).isEqualTo(written.get("windowIndex"));
    }

    private static Schema previousSchema() {
        try (InputStream in = AvatarEventEvolutionTest.class.getResourceAsStream("AvatarEvent-before-attributes.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the previous AvatarEvent schema", e);
        }
    }

    /** {@code record} with {@code attributes} required and without a default: null attributes no longer read. */
    private static Schema withRequiredAttributes(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : record.getFields()) {
            fields.add(f.name().equals("attributes")
                    ? new Schema.Field(f.name(), CallerAttributes.getClassSchema(), f.doc(), (Object) null)
                    : new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static List<String> names(Schema record, String extra) {
        List<String> names = new ArrayList<>(record.getFields().stream().map(Schema.Field::name).toList());
        names.add(extra);
        return names;
    }

    /** Field by field under {@code schema}; Avro's own comparison, so a Utf8 equals a String of the same text. */
    private static void assertSameFields(GenericRecord read, GenericRecord written, Schema schema) {
        for (Schema.Field f : schema.getFields()) {
            assertThat(GenericData.get().compare(read.get(f.name()), written.get(f.name()), f.schema()))
                    .as(f.name()).isZero();
        }
    }

    private static GenericRecord roundTrip(GenericRecord record, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(avro(record, writer), null));
    }

    private static byte[] avro(GenericRecord record, Schema writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
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
