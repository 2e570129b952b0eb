package io.callface.stream.inference;

import io.callface.avro.DeadLetter;
import io.callface.avro.ModelRelease;
import io.callface.serde.AvroDeserializer;
import io.callface.serde.AvroSerializer;
import io.callface.serde.SchemaRegistryClient;
import io.callface.stream.config.AvatarStreamConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted models topic and hot-swaps every new {@link ModelRelease} into the
 * {@link InferenceBatcher}. Each instance reads every release itself: it assigns all partitions and starts from
 * the beginning, with no consumer group. A release whose version already serves is skipped. A release that
 * cannot be fetched, fails a digest, breaks the contract or does not load is rejected: the reason is logged, a
 * {@link DeadLetter} goes to the dead-letter topic, and the current model keeps serving.
 */
public final class ModelReleaseFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReleaseFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String modelsTopic;
    private final String dlqTopic;
    private final InferenceBatcher batcher;
    private final ModelReleaseLoader loader;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroDeserializer<ModelRelease> releases;
    private final AvroSerializer<DeadLetter> deadLetters;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;

    private ModelReleaseFollower(AvatarStreamConfig config, InferenceBatcher batcher, ModelReleaseLoader loader) {
        this.modelsTopic = config.modelsTopic();
        this.dlqTopic = config.dlqTopic();
        this.batcher = batcher;
        this.loader = loader;
        SchemaRegistryClient registry = config.schemaRegistryClient();
        this.releases = new AvroDeserializer<>(registry, ModelRelease.class);
        this.deadLetters = new AvroSerializer<>(registry, DeadLetter.class);
        this.consumer = new KafkaConsumer<>(consumerConfig(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerConfig(config), new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::follow, "callface-model-releases");
        thread.setDaemon(true);
    }

    /** Starts following {@link AvatarStreamConfig#modelsTopic()} from its beginning. */
    public static ModelReleaseFollower start(AvatarStreamConfig config, InferenceBatcher batcher,
                                             ModelReleaseLoader loader) {
        ModelReleaseFollower follower = new ModelReleaseFollower(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(batcher, "batcher"), Objects.requireNonNull(loader, "loader"));
        follower.thread.start();
        return follower;
    }

    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(modelsTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            LOG.info("following model releases on {} ({} partitions)", modelsTopic, partitions.size());
            while (!closed.get()) {
                consumer.poll(POLL).forEach(this::handle);
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("model release follower stopped; the current model keeps serving: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone retracts nothing that serves
        }
        ModelRelease release;
        try {
            release = releases.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            reject(record, "undecodable ModelRelease: " + e.getMessage(), e);
            return;
        }
        if (release.getVersion().equals(batcher.modelVersion())) {
            LOG.info("model release {} already serves", release.getVersion());
            return;
        }
        LOG.info("model release {} (preset {}, D={}) received: fetching and verifying", release.getVersion(),
                release.getPreset(), release.getFeatureDim());
        try {
            batcher.swapModel(loader.load(release));
            LOG.info("model release {} now serves", release.getVersion());
        } catch (RuntimeException e) {
            reject(record, "model release " + release.getVersion() + " rejected, " + batcher.modelVersion()
                    + " keeps serving: " + e.getMessage(), e);
        }
    }

    private void reject(ConsumerRecord<byte[], byte[]> record, String reason, Exception e) {
        LOG.warn("{}", reason);
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setReason(reason)
                .setErrorClass(e.getClass().getName())
                .setOriginalKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setOriginalValue(ByteBuffer.wrap(record.value()))
                .setTimestamp(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(dlqTopic, record.key(), deadLetters.serialize(dlqTopic, letter)),
                (metadata, failure) -> {
                    if (failure != null) {
                        LOG.error("cannot dead-letter the rejected release at {}-{}@{}: {}", record.topic(),
                                record.partition(), record.offset(), failure.toString());
                    }
                });
    }

    /** Stops following; a swap in progress finishes first. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        consumer.wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
    }

    private static Map<String, Object> consumerConfig(AvatarStreamConfig config) {
        Map<String, Object> props = clientConfig(config);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static Map<String, Object> producerConfig(AvatarStreamConfig config) {
        Map<String, Object> props = clientConfig(config);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static Map<String, Object> clientConfig(AvatarStreamConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG)
                + "-models-" + UUID.randomUUID());
        return props;
    }
}
