package io.callface.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a Confluent-wire-format record into a generated Avro class: takes the writer schema id from the header,
 * fetches that writer schema from the registry and resolves it into the class's own (reader) schema, so records
 * written with an older or otherwise compatible schema read back. {@code null} stays {@code null} (tombstones).
 * Every failure, from a wrong magic byte to an unknown id or a corrupt body, is a Kafka
 * {@link SerializationException} naming the topic and schema id. Thread-safe once configured.
 *
 * @param <T> the generated record class
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private Class<T> type;
    private SpecificData model;
    private Schema readerSchema;

    /** For Kafka's reflection; call {@link #configure(Map, boolean)} before use. */
    public AvroDeserializer() {
    }

    /** A deserializer into {@code type} against {@code registry}; {@link #configure} then changes nothing. */
    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        init(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(type, "type"));
    }

    /** Reads {@link AvroSerdeConfig} unless this deserializer was built with a registry and type. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            AvroSerdeConfig config = new AvroSerdeConfig(configs);
            init(config.registryClient(), config.recordType(isKey));
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (model == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: pass a registry client and type, "
                    + "or call configure with " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        int id;
        try {
            id = ConfluentWireFormat.schemaId(data);
        } catch (SerializationException e) {
            throw new SerializationException("Cannot deserialize " + type.getSimpleName() + " from topic '" + topic
                    + "': " + e.getMessage(), e);
        }
        try {
            BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(data, ConfluentWireFormat.HEADER_LENGTH,
                    data.length - ConfluentWireFormat.HEADER_LENGTH);
            T record = readerFor(id).read(null, decoder);
            if (decoder.remaining() != 0) {
                throw new IOException(decoder.remaining() + " bytes left over after the record");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize " + type.getSimpleName() + " from topic '" + topic
                    + "' with schema id " + id + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(int writerId) {
        SpecificDatumReader<T> reader = readersByWriterId.get(writerId);
        if (reader == null) {
            // Fetched outside computeIfAbsent: a registry round trip must not block other ids' readers.
            reader = new SpecificDatumReader<>(registry.schemaById(writerId), readerSchema, model);
            readersByWriterId.putIfAbsent(writerId, reader);
        }
        return reader;
    }

    private void init(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }
}
