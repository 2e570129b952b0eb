package io.callface.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent wire format: registers the record class's schema under the
 * topic's subject ({@link TopicNameStrategy}, auto-registration) and frames the Avro binary body with its id. The
 * id is kept per subject: asking the registry client per record would render the schema to JSON every time,
 * which cost most of a pass-through topology's CPU. {@code null} stays {@code null} (tombstones). Thread-safe once configured.
 *
 * @param <T> the generated record class
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final Map<String, Integer> idsBySubject = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private Class<T> type;
    private Schema schema;
    private SpecificDatumWriter<T> writer;
    private boolean isKey;

    /** For Kafka's reflection; call {@link #configure(Map, boolean)} before use. */
    public AvroSerializer() {
    }

    /** A value serializer for {@code type} against {@code registry}; {@link #configure} only sets key/value. */
    public AvroSerializer(SchemaRegistryClient registry, Class<T> type) {
        init(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(type, "type"));
    }

    /**
     * Reads {@link AvroSerdeConfig} unless this serializer was built with a registry and type, and sets whether it
     * writes keys ({@code <topic>-key} subject) or values ({@code <topic>-value}).
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            AvroSerdeConfig config = new AvroSerdeConfig(configs);
            init(config.registryClient(), config.recordType(isKey));
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (writer == null) {
            throw new IllegalStateException("AvroSerializer is not configured: pass a registry client and type, "
                    + "or call configure with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        String subject = TopicNameStrategy.subject(topic, isKey);
        int id;
        try {
            id = idsBySubject.computeIfAbsent(subject, s -> registry.register(s, schema));
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot register the " + type.getSimpleName() + " schema under subject '"
                    + subject + "' for topic '" + topic + "': " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(ByteBuffer.allocate(ConfluentWireFormat.HEADER_LENGTH)
                    .put(ConfluentWireFormat.MAGIC_BYTE).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize " + type.getSimpleName() + " for topic '" + topic
                    + "' with schema id " + id + ": " + e, e);
        }
    }

    private void init(SchemaRegistryClient registry, Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        this.registry = registry;
        this.type = type;
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
    }
}
