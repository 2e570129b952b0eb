package io.callface.stream.loadtest;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.stream.config.AvatarStreamConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The load runs' own Kafka clients, on the cluster and registry of the stream processor under test. */
public final class LoadClients {
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private final AvatarStreamConfig config;

    public LoadClients(AvatarStreamConfig config) {
        this.config = config;
    }

    public AvatarStreamConfig config() {
        return config;
    }

    /** Audio producer: Avro values in the Confluent wire format, keyed {@code callId/participantId}. */
    public KafkaProducer<String, AudioChunk> audioProducer() {
        Map<String, Object> props = common("audio");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerde<>(config.schemaRegistryClient(), AudioChunk.class).serializer());
    }

    /** A producer of raw bytes, for hostile records and model releases. */
    public KafkaProducer<byte[], byte[]> rawProducer() {
        Map<String, Object> props = common("raw");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A committed-only avatar reader without a group (the collector assigns partitions itself). */
    public KafkaConsumer<String, AvatarEvent> avatarConsumer() {
        return new KafkaConsumer<>(readCommitted(), new StringDeserializer(),
                new AvroSerde<>(config.schemaRegistryClient(), AvatarEvent.class).deserializer());
    }

    /** A committed-only raw reader without a group. */
    public KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(readCommitted(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        return Admin.create(common("admin"));
    }

    private Map<String, Object> readCommitted() {
        Map<String, Object> props = common("reader");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "callface-load-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /** Settings every client shares; the client id marks its threads as the harness's ({@link ThreadRole}). */
    private Map<String, Object> common(String client) {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, ThreadRole.HARNESS_PREFIX + "-" + client + "-" + CLIENTS.incrementAndGet());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        return props;
    }
}
