package io.callface.stream.errors;

import io.callface.avro.DeadLetter;
import io.callface.serde.AvroSerializer;
import io.callface.serde.SchemaRegistryClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the {@link DeadLetter} records that callface's exception handlers hand back to Kafka Streams, which
 * writes them to the dead-letter topic in the same transaction as the task's other output.
 */
public final class DeadLetters {
    /** Streams-configuration keys through which the handlers learn the dead-letter topic and the registry. */
    public static final String TOPIC_CONFIG = "callface.dlq.topic";
    public static final String REGISTRY_URL_CONFIG = "callface.dlq.schema.registry.url";
    public static final String REGISTRY_USER_INFO_CONFIG = "callface.dlq.schema.registry.basic.auth.user.info";
    /** A {@link MeterRegistry} instance (Kafka creates the handlers, so they get it through their configuration). */
    public static final String METER_REGISTRY_CONFIG = "callface.dlq.meter.registry";

    private final String topic;
    private final AvroSerializer<DeadLetter> serializer;
    private final Counter written;

    private DeadLetters(String topic, AvroSerializer<DeadLetter> serializer, Counter written) {
        this.topic = topic;
        this.serializer = serializer;
        this.written = written;
    }

    /**
     * Reads {@link #TOPIC_CONFIG}, {@link #REGISTRY_URL_CONFIG} and, if present, the registry credentials and
     * {@link #METER_REGISTRY_CONFIG} from the Kafka Streams configuration; {@code stage} tags the counter
     * {@code callface.dead.letters}.
     */
    static DeadLetters fromConfigs(Map<String, ?> configs, String stage) {
        Object topic = configs.get(TOPIC_CONFIG);
        Object registry = configs.get(REGISTRY_URL_CONFIG);
        if (topic == null || registry == null) {
            throw new IllegalStateException("dead-letter handlers need '" + TOPIC_CONFIG + "' and '"
                    + REGISTRY_URL_CONFIG + "' in the Kafka Streams configuration");
        }
        Object userInfo = configs.get(REGISTRY_USER_INFO_CONFIG);
        MeterRegistry meters = configs.get(METER_REGISTRY_CONFIG) instanceof MeterRegistry given ? given
                : new SimpleMeterRegistry();
        return new DeadLetters(topic.toString(), new AvroSerializer<>(SchemaRegistryClients.forUrl(registry.toString(),
                userInfo == null ? Optional.empty() : Optional.of(userInfo.toString()),
                SchemaRegistryClients.DEFAULT_REQUEST_TIMEOUT), DeadLetter.class),
                Counter.builder("callface.dead.letters").tag("stage", stage)
                        .description("Records written to the dead-letter topic").register(meters));
    }

    /**
     * One dead-letter record for a failure; {@code context} may describe no source record (a punctuator),
     * in which case the coordinates stay null.
     */
    List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, byte[] key, byte[] value, String reason,
                                            Exception exception) {
        boolean fromSource = context != null && context.topic() != null;
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(fromSource ? context.topic() : null)
                .setSourcePartition(fromSource ? context.partition() : null)
                .setSourceOffset(fromSource ? context.offset() : null)
                .setReason(reason)
                .setErrorClass(exception == null ? null : exception.getClass().getName())
                .setOriginalKey(key == null ? null : ByteBuffer.wrap(key))
                .setOriginalValue(value == null ? null : ByteBuffer.wrap(value))
                .setTimestamp(Instant.now())
                .build();
        written.increment();
        return List.of(new ProducerRecord<>(topic, key, serializer.serialize(topic, letter)));
    }

    /** The message of the deepest cause, which names the offending field and value for callface's own errors. */
    static String reasonOf(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
