package io.callface.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callface.avro.AudioChunk;
import io.callface.avro.ModelRelease;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

    private static final String TOPIC = "callface.audio";

    private final String scope = "avro-serde-test-" + UUID.randomUUID();
    private final InMemorySchemaRegistryClient registry = InMemorySchemaRegistryClient.forScope(scope);

    @AfterEach
    void dropRegistry() {
        InMemorySchemaRegistryClient.dropScope(scope);
    }

    @Test
    void writesMagicBigEndianIdAndAvrosOwnBinaryBody() throws IOException {
        registry.register("other-value", ModelRelease.getClassSchema());
        AudioChunk chunk = SampleRecords.audioChunk();

        byte[] framed = new AvroSerializer<>(registry, AudioChunk.class).serialize(TOPIC, chunk);

        int id = registry.latest(TOPIC + "-value").id();
        assertThat(id).isEqualTo(2);
        ByteArrayOutputStream expectedBody = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expectedBody, null);
        new SpecificDatumWriter<>(AudioChunk.class).write(chunk, encoder);
        encoder.flush();
        assertThat(framed[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(framed, 1, 5)).containsExactly(0, 0, 0, 2);
        assertThat(Arrays.copyOfRange(framed, 5, framed.length)).isEqualTo(expectedBody.toByteArray());
    }

    static Stream<SpecificRecord> everyRecordType() {
        return Stream.of(SampleRecords.audioChunk(), SampleRecords.avatarEvent(), SampleRecords.deadLetter(),
                SampleRecords.modelRelease());
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void roundTripsEveryGeneratedRecordType(SpecificRecord record) {
        roundTrip(record);
    }

    private <T extends SpecificRecord> void roundTrip(T record) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        AvroSerde<T> serde = new AvroSerde<>(registry, type);

        byte[] framed = serde.serializer().serialize("topic-" + type.getSimpleName(), record);
        T back = serde.deserializer().deserialize("topic-" + type.getSimpleName(), framed);

        assertThat(back).isEqualTo(record).isNotSameAs(record);
        assertThat(registry.subjects()).containsExactly("topic-" + type.getSimpleName() + "-value");
    }

    @Test
    void keySerdeRegistersUnderKeySubject() {
        AvroSerde<ModelRelease> serde = new AvroSerde<>(registry, ModelRelease.class);
        serde.configure(Map.of(), true);

        serde.serializer().serialize("callface.models", SampleRecords.modelRelease());

        assertThat(registry.subjects()).containsExactly("callface.models-key");
    }

    @Test
    void readsRecordWrittenUnderAnOlderSchemaId() throws IOException {
        Schema current = AudioChunk.getClassSchema();
        // The schema before 'channels' (defaulted to 1) existed; it sits mid-record, so reading without schema
        // resolution would misalign every later field.
        List<Schema.Field> olderFields = current.getFields().stream()
                .filter(f -> !f.name().equals("channels"))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
                olderFields);
        int olderId = registry.register(TOPIC + "-value", older);
        GenericRecord old = new GenericData.Record(older);
        old.put("callId", "call-7");
        old.put("participantId", "carol");
        old.put("sequence", 99L);
        old.put("captureTimestamp", SampleRecords.T0.toEpochMilli());
        old.put("sampleRate", 8_000);
        old.put("encoding", new GenericData.EnumSymbol(older.getField("encoding").schema(), "MULAW"));
        old.put("payload", ByteBuffer.wrap(new byte[] {11, 22, 33}));
        old.put("consent", true);
        old.put("endOfStream", true);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
        new GenericDatumWriter<GenericRecord>(older).write(old, encoder);
        encoder.flush();

        AudioChunk read = new AvroDeserializer<>(registry, AudioChunk.class)
                .deserialize(TOPIC, ConfluentWireFormat.encode(olderId, body.toByteArray()));

        int currentId = registry.register(TOPIC + "-value", current);
        assertThat(currentId).isNotEqualTo(olderId);
        assertThat(read.getChannels()).isEqualTo(1);
        assertThat(read.getCallId()).isEqualTo("call-7");
        assertThat(read.getSequence()).isEqualTo(99L);
        assertThat(read.getCaptureTimestamp()).isEqualTo(SampleRecords.T0);
        assertThat(read.getSampleRate()).isEqualTo(8_000);
        assertThat(read.getEncoding().name()).isEqualTo("MULAW");
        assertThat(read.getPayload()).isEqualTo(ByteBuffer.wrap(new byte[] {11, 22, 33}));
        assertThat(read.getConsent()).isTrue();
        assertThat(read.getEndOfStream()).isTrue();
    }

    @Test
    void registersOncePerSubjectNotPerRecord() {
        AtomicInteger registrations = new AtomicInteger();
        SchemaRegistryClient counting = new SchemaRegistryClient() {
            @Override
            public int register(String subject, Schema schema) {
                registrations.incrementAndGet();
                return registry.register(subject, schema);
            }

            @Override
            public Schema schemaById(int id) {
                return registry.schemaById(id);
            }

            @Override
            public List<String> subjects() {
                return registry.subjects();
            }

            @Override
            public SchemaVersion latest(String subject) {
                return registry.latest(subject);
            }
        };
        AvroSerializer<AudioChunk> serializer = new AvroSerializer<>(counting, AudioChunk.class);

        byte[] first = serializer.serialize(TOPIC, SampleRecords.audioChunk());
        for (int i = 0; i < 99; i++) {
            assertThat(serializer.serialize(TOPIC, SampleRecords.audioChunk())).isEqualTo(first);
        }
        serializer.serialize("other", SampleRecords.audioChunk());

        assertThat(registrations).hasValue(2);
    }

    @Test
    void nullsStayNullForTombstones() {
        AvroSerde<AudioChunk> serde = new AvroSerde<>(registry, AudioChunk.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void wrongMagicByteFailsNamingTopicAndByte() {
        byte[] framed = new AvroSerializer<>(registry, AudioChunk.class).serialize(TOPIC, SampleRecords.audioChunk());
        framed[0] = 0x7f;

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, AudioChunk.class).deserialize(TOPIC, framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("0x7f");
    }

    @Test
    void unknownSchemaIdFailsNamingTopicAndId() {
        byte[] framed = ConfluentWireFormat.encode(4711, new byte[] {2, 'a'});

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, AudioChunk.class).deserialize(TOPIC, framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("schema id 4711")
                .hasRootCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void truncatedBodyFailsNamingTopicAndId() {
        byte[] framed = new AvroSerializer<>(registry, AudioChunk.class).serialize(TOPIC, SampleRecords.audioChunk());
        int id = ConfluentWireFormat.schemaId(framed);

        for (int length = ConfluentWireFormat.HEADER_LENGTH; length < framed.length; length++) {
            byte[] truncated = Arrays.copyOf(framed, length);
            assertThatThrownBy(() -> new AvroDeserializer<>(registry, AudioChunk.class).deserialize(TOPIC, truncated))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(TOPIC).hasMessageContaining("schema id " + id);
        }
    }

    @Test
    void hugeLengthPrefixFailsWithoutAllocatingIt() {
        int id = registry.register(TOPIC + "-value", AudioChunk.getClassSchema());
        // callId claims Integer.MAX_VALUE bytes (zig-zag varint); Avro's own decoder would allocate 2 GiB first.
        byte[] framed = ConfluentWireFormat.encode(id, new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F});

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, AudioChunk.class).deserialize(TOPIC, framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("string length 2147483647 exceeds the 0 bytes left");
    }

    @Test
    void trailingBytesAfterTheRecordFail() {
        byte[] framed = new AvroSerializer<>(registry, AudioChunk.class).serialize(TOPIC, SampleRecords.audioChunk());
        byte[] longer = Arrays.copyOf(framed, framed.length + 3);

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, AudioChunk.class).deserialize(TOPIC, longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("3 bytes left over");
    }

    @Test
    void invalidRecordFailsSerializationNamingTopicAndId() {
        AudioChunk chunk = SampleRecords.audioChunk();
        chunk.setCallId(null);

        assertThatThrownBy(() -> new AvroSerializer<>(registry, AudioChunk.class).serialize(TOPIC, chunk))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TOPIC).hasMessageContaining("schema id 1");
    }

    @Test
    void configuredFromPropertiesSharesTheMockScope() {
        Map<String, Object> props = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.VALUE_TYPE, AudioChunk.class.getName());
        AvroSerializer<AudioChunk> serializer = new AvroSerializer<>();
        serializer.configure(props, false);
        AvroSerde<AudioChunk> serde = new AvroSerde<>();
        serde.configure(props, false);

        byte[] framed = serializer.serialize(TOPIC, SampleRecords.audioChunk());

        assertThat(serde.deserializer().deserialize(TOPIC, framed)).isEqualTo(SampleRecords.audioChunk());
        assertThat(registry.subjects()).containsExactly(TOPIC + "-value");
    }

    @Test
    void configurationWithoutTypeNamesTheMissingKey() {
        AvroDeserializer<AudioChunk> deserializer = new AvroDeserializer<>();
        Map<String, Object> props = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

        assertThatThrownBy(() -> deserializer.configure(props, true))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AvroSerdeConfig.KEY_TYPE);
    }

    @Test
    void configurationWithNonRecordTypeNamesIt() {
        AvroSerializer<AudioChunk> serializer = new AvroSerializer<>();
        Map<String, Object> props = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope,
                AvroSerdeConfig.VALUE_TYPE, String.class.getName());

        assertThatThrownBy(() -> serializer.configure(props, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("java.lang.String");
    }
}
