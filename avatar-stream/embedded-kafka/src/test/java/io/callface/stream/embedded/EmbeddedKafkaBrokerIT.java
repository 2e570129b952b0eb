package io.callface.stream.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the real embedded broker: transactions, read_committed, restart on the same data, clean shutdown. */
@Tag("integration")
class EmbeddedKafkaBrokerIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBrokerIT.class);
    private static final String TOPIC = "speaker-audio";
    private static final int PARTITIONS = 3;
    private static final String GROUP = "audit";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    @Test
    void committedTransactionsAreReadBackAfterRestartAndAbortedOnesNever() throws Exception {
        EmbeddedKafkaBroker.Settings settings = EmbeddedKafkaBroker.Settings.defaults().withDataDirectory(dataDirectory);
        List<String> committed = values("committed", 30);
        List<String> aborted = values("aborted", 12);

        try (EmbeddedKafkaBroker broker = timedStart(settings, "first start")) {
            broker.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)));
            broker.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)));
            assertThat(broker.admin().describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                    .hasSize(PARTITIONS);

            produceInTransaction(broker, "tx-1", committed, true);
            produceInTransaction(broker, "tx-2", aborted, false);

            assertThat(readAll(broker, IsolationLevel.READ_COMMITTED, GROUP))
                    .containsExactlyInAnyOrderElementsOf(committed);
            assertThat(readAll(broker, IsolationLevel.READ_UNCOMMITTED, null))
                    .as("the aborted records were written, only hidden")
                    .containsAll(committed).containsAll(aborted);
        }
        assertThat(dataDirectory).as("a caller's data directory is kept").isDirectory();

        try (EmbeddedKafkaBroker restarted = timedStart(settings, "restart on the same data")) {
            assertThat(readAll(restarted, IsolationLevel.READ_COMMITTED, null))
                    .containsExactlyInAnyOrderElementsOf(committed);
            Map<TopicPartition, OffsetAndMetadata> groupOffsets =
                    restarted.admin().listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            assertThat(groupOffsets).as("offsets committed before the restart").hasSize(PARTITIONS);
        }
        await("request handler threads to stop").atMost(Duration.ofSeconds(10))
                .until(() -> requestHandlerThreads().isEmpty());
    }

    @Test
    void temporaryDataDirectoryIsDeletedOnCloseAndCloseIsIdempotent() {
        EmbeddedKafkaBroker broker = timedStart(EmbeddedKafkaBroker.Settings.defaults(), "temporary data");
        Path temporary = broker.dataDirectory();
        assertThat(temporary).isDirectory();

        broker.close();
        broker.close();

        assertThat(Files.exists(temporary)).isFalse();
    }

    @Test
    void occupiedBrokerPortFailsWithATypedExceptionAndLeavesNothingRunning() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedKafkaBroker.Settings.DEFAULT_HOST))) {
            EmbeddedKafkaBroker.Settings settings = EmbeddedKafkaBroker.Settings.defaults()
                    .withDataDirectory(dataDirectory.resolve("occupied"))
                    .withBrokerPort(occupied.getLocalPort());

            EmbeddedBrokerException e = assertThrows(EmbeddedBrokerException.class, () -> EmbeddedKafkaBroker.start(settings));

            assertThat(e).hasMessageContaining(Integer.toString(occupied.getLocalPort()));
        }
        await("request handler threads to stop").atMost(Duration.ofSeconds(10))
                .until(() -> requestHandlerThreads().isEmpty());
    }

    private static EmbeddedKafkaBroker timedStart(EmbeddedKafkaBroker.Settings settings, String what) {
        long startNanos = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
        LOG.info("Broker start-up ({}): {} ms", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        assertThat(requestHandlerThreads()).as("the broker serves requests").isNotEmpty();
        return broker;
    }

    private static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static void produceInTransaction(EmbeddedKafkaBroker broker, String transactionalId,
                                             List<String> values, boolean commit)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get();
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
    }

    /** Reads every partition from the start up to its end offset (the last stable offset for read_committed). */
    private static List<String> readAll(EmbeddedKafkaBroker broker, IsolationLevel isolation, String groupToCommit) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        if (groupToCommit != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupToCommit);
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(partition -> new TopicPartition(TOPIC, partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            await("all records of " + TOPIC).atMost(READ_TIMEOUT).pollInSameThread().pollInterval(Duration.ZERO)
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(100)).forEach(rec -> values.add(rec.value()));
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= endOffsets.get(tp));
                    });
            if (groupToCommit != null) {
                consumer.commitSync(partitions.stream().collect(Collectors.toMap(
                        tp -> tp, tp -> new OffsetAndMetadata(consumer.position(tp)))));
            }
        }
        return values;
    }

    private static List<String> requestHandlerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.contains("kafka-request-handler"))
                .toList();
    }
}
