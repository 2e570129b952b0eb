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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * Follows the compacted models topic. Each instance reads every release itself: it assigns all partitions and
 * starts from the beginning, with no consumer group. At start-up, {@link #catchUp} reads the topic to its end and
 * returns the newest release that loads, so an instance needs no model directory; then {@link #follow} hot-swaps
 * every release published while it runs into the {@link InferenceBatcher}. A release whose version already
 * serves is skipped. A live release that cannot be fetched, fails a digest, breaks the contract or does not load
 * is rejected: the reason is logged, a {@link DeadLetter} goes to the dead-letter topic, and the current model
 * keeps serving. Releases already on the topic at start-up that fail are only logged, so a restart does not
 * dead-letter the same release again.
 */
public final class ModelReleaseFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReleaseFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String modelsTopic;
    private final String dlqTopic;
    private final ModelReleaseLoader loader;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroDeserializer<ModelRelease> releases;
    private final AvroSerializer<DeadLetter> deadLetters;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile InferenceBatcher batcher;

    private ModelReleaseFollower(AvatarStreamConfig config, ModelReleaseLoader loader) {
        this.modelsTopic = config.modelsTopic();
        this.dlqTopic = config.dlqTopic();
        this.loader = loader;
        SchemaRegistryClient registry = config.schemaRegistryClient();
        this.releases = new AvroDeserializer<>(registry, ModelRelease.class);
        this.deadLetters = new AvroSerializer<>(registry, DeadLetter.class);
        this.consumer = new KafkaConsumer<>(consumerConfig(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerConfig(config), new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::followLoop, "callface-model-releases");
        thread.setDaemon(true);
    }

    /** Connects to {@link AvatarStreamConfig#modelsTopic()}, positioned at its beginning; nothing is read yet. */
    public static ModelReleaseFollower open(AvatarStreamConfig config, ModelReleaseLoader loader) {
        return new ModelReleaseFollower(Objects.requireNonNull(config, "config"), Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Reads the models topic to its current end and loads the newest release that loads, trying older ones when it
     * does not.
     *
     * @param servingVersion the version already loaded (from a model directory), if any: when it is the newest
     *                       loadable release, nothing is loaded again
     * @param timeout        how long reading the topic may take
     * @return the newest loadable release's model, or empty when there is none newer than {@code servingVersion}
     * @throws org.apache.kafka.common.errors.TimeoutException when the topic's end is not reached in time
     */
    public Optional<FaceModel> catchUp(Optional<String> servingVersion, Duration timeout) {
        List<PublishedRelease> published = readToEnd(timeout);
        LOG.info("{} release(s) on {} at start-up", published.size(), modelsTopic);
        for (PublishedRelease candidate : published) {
            String version = candidate.release().getVersion();
            if (servingVersion.filter(version::equals).isPresent()) {
                return Optional.empty();
            }
            try {
                return Optional.of(loader.load(candidate.release()));
            } catch (RuntimeException e) {
                LOG.warn("model release {} at {} cannot serve, trying the one before it: {}", version,
                        candidate.coordinates(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Starts swapping releases published from now on into {@code batcher}. */
    public void follow(InferenceBatcher target) {
        this.batcher = Objects.requireNonNull(target, "target");
        thread.start();
    }

    private List<PublishedRelease> readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = assignAll();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        List<PublishedRelease> published = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("could not read " + modelsTopic
                        + " to its end " + end + " in " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                decode(record).ifPresent(release -> published.add(new PublishedRelease(record, release)));
            }
        }
        published.sort(PublishedRelease.NEWEST_FIRST);
        return published;
    }

    private Optional<ModelRelease> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty(); // a tombstone retracts nothing that serves
        }
        try {
            return Optional.of(releases.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("undecodable ModelRelease at {}-{}@{} skipped at start-up: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Assigns every partition of the models topic from its beginning; none while the topic does not exist. */
    private List<TopicPartition> assignAll() {
        List<TopicPartition> partitions = consumer.partitionsFor(modelsTopic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (!partitions.isEmpty() && consumer.assignment().isEmpty()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        return partitions;
    }

    private void followLoop() {
        try {
            while (assignAll().isEmpty()) {
                LOG.info("models topic {} does not exist yet; looking again in {}", modelsTopic, POLL);
                if (closed.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            LOG.info("following model releases on {} ({} partitions)", modelsTopic, consumer.assignment().size());
            while (closed.getCount() > 0) {
                consumer.poll(POLL).forEach(this::handle);
            }
        } catch (WakeupException e) {
            if (closed.getCount() > 0) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        if (thread.isAlive()) {
            consumer.wakeup();
            try {
                thread.join(CLOSE_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (batcher == null) {
            consumer.close(); // never followed: the loop that closes it never ran
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
