package io.callface.stream.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.stream.app.CallfaceTopics;
import io.callface.stream.app.StreamsProperties;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.embedded.EmbeddedKafkaBroker;
import io.callface.stream.embedded.EmbeddedSchemaRegistry;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.testing.KafkaBrokerExtension;
import io.callface.stream.testing.TestAudio;
import io.callface.stream.topology.AvatarTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The windowing stage on a real broker with exactly-once processing: windows survive a restart (with the
 * store restored from its changelog), a second instance being killed mid-stream, and a speaker's state is gone
 * from the stores and their changelogs after its end of stream. Output is read with {@code read_committed}; every
 * (speaker, window index, provisional) must appear exactly once.
 */
@Tag("integration")
class WindowingIT {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension(EmbeddedKafkaBroker.Settings.defaults()
            // A killed instance's open transaction blocks its partitions until the broker aborts it: look often.
            .withBrokerProperties(Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "500",
                    "group.min.session.timeout.ms", "1000")));

    private static final int MIN_CHUNKS = TestAudio.CHUNKS_PER_WINDOW / 2;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static EmbeddedSchemaRegistry registry;

    @TempDir
    Path temp;

    /** One output record's identity: at most one of each may ever be committed. */
    record WindowKey(String speaker, long index, boolean provisional, boolean ended) {
    }

    /** A chunk-store entry's place: its changelog partition (the speaker's task) and key. */
    record StoredKey(int partition, Bytes key) {
    }

    /** A speaker's chunk-store slot within its task. */
    record TaskSlot(int partition, int slot) {
    }

    /** A speaker's stream of {@code total} voiced chunks (the last one ends it), sent in two parts split at {@code cut}. */
    record SpeakerScript(String speaker, int total, int cut) {
        /**
         * The windows the stream must produce: the provisional window 0 at 3 s, a full window per 6 s, and a
         * last provisional one, marked ended, when at least 3 s remain after the last full window; otherwise the
         * latest avatar is repeated once, marked ended, so viewers learn the participant left.
         */
        Set<WindowKey> expectedWindows() {
            Set<WindowKey> windows = new HashSet<>();
            if (total >= MIN_CHUNKS) {
                windows.add(new WindowKey(speaker, 0, true, false));
            }
            int full = total / TestAudio.CHUNKS_PER_WINDOW;
            for (int index = 0; index < full; index++) {
                windows.add(new WindowKey(speaker, index, false, false));
            }
            if (full > 0 && total % TestAudio.CHUNKS_PER_WINDOW >= MIN_CHUNKS) {
                windows.add(new WindowKey(speaker, full, true, true));
            } else if (full > 0) {
                windows.add(new WindowKey(speaker, full - 1, false, true));
            } else if (total >= MIN_CHUNKS) {
                windows.add(new WindowKey(speaker, 0, true, true));
            }
            return windows;
        }
    }

    enum StateDirectory { SAME, FRESH }

    @BeforeAll
    static void startRegistry() {
        // A real registry over HTTP, shared with the child JVM (a mock:// one lives inside one JVM).
        registry = EmbeddedSchemaRegistry.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @ParameterizedTest
    @EnumSource(StateDirectory.class)
    void restartDuringWindowsEmitsEveryWindowExactlyOnce(StateDirectory stateDirectory) throws Exception {
        String name = "restart-" + stateDirectory.name().toLowerCase();
        AvatarStreamConfig configA = config(name, temp.resolve("a"), 4);
        AvatarStreamConfig configB = stateDirectory == StateDirectory.SAME ? configA : config(name, temp.resolve("b"), 4);
        KAFKA.broker().createTopics(CallfaceTopics.of(configA, (short) 1));
        // Cuts before the first preview, inside windows 0 and 1, and right after a full window.
        List<SpeakerScript> scripts = IntStream.range(0, 8)
                .mapToObj(i -> new SpeakerScript("restart-call-" + i + "/p", 450 + 60 * i, 100 + 70 * i)).toList();
        // Speakers first heard after the restart, while all of the above are mid-stream.
        List<SpeakerScript> newcomers = IntStream.range(0, 8)
                .mapToObj(i -> new SpeakerScript("restart-newcomer-" + i + "/p", 400, 50 + 10 * i)).toList();
        List<SpeakerScript> everyone = new ArrayList<>(scripts);
        everyone.addAll(newcomers);

        try (KafkaConsumer<String, AvatarEvent> avatars = avatarConsumer(configA)) {
            Map<String, TaskSlot> slotsBefore;
            try (KafkaStreams instanceA = streams(configA)) {
                instanceA.start();
                produce(configA, scripts, SpeakerScript::cut, 0);
                await().atMost(PATIENCE).until(() -> committedThroughEnd(configA));
                assertThat(entryCount(instanceA, SpeakerWindowProcessor.CHUNK_STORE))
                        .as("instance A stops with open windows").isPositive();
                slotsBefore = slotsOf(instanceA, configA, scripts);
            }
            AtomicLong restored = new AtomicLong();
            try (KafkaStreams instanceB = streams(configB)) {
                instanceB.setGlobalStateRestoreListener(restoredCounter(restored));
                instanceB.start();
                produce(configA, newcomers, SpeakerScript::cut, 0);
                await().atMost(PATIENCE).until(() -> committedThroughEnd(configA));
                Map<String, TaskSlot> slotsAfter = slotsOf(instanceB, configA, everyone);
                assertThat(slotsAfter).as("restored speakers keep their slots").containsAllEntriesOf(slotsBefore);
                assertThat(slotsAfter.values()).as("no two live speakers of a task share a slot").doesNotHaveDuplicates();

                produce(configA, everyone, SpeakerScript::total, SpeakerScript::cut);
                awaitWindows(avatars, expected(everyone));
            }
            assertThat(restored.get()).as("chunk entries restored from the changelog").isPositive();
            assertExactlyOnce(avatars, expected(everyone));
        }
    }

    @Test
    void survivorTakesOverFromAKilledInstance() throws Exception {
        AvatarStreamConfig config = config("kill", temp.resolve("survivor"), 4);
        KAFKA.broker().createTopics(CallfaceTopics.of(config, (short) 1));
        List<String> speakers = speakersCovering(4, 2, "kill-call-");
        List<SpeakerScript> scripts = IntStream.range(0, speakers.size())
                .mapToObj(i -> new SpeakerScript(speakers.get(i), 620 + 40 * i, 380 + 25 * i)).toList();
        Set<TopicPartition> audioPartitions = partitions(config.audioTopic(), 4);

        Path workerLog = temp.resolve("worker.log");
        Process worker = startWorker(config, temp.resolve("worker"), workerLog);
        try (KafkaConsumer<String, AvatarEvent> avatars = avatarConsumer(config);
             KafkaStreams survivor = streams(config)) {
            await().atMost(PATIENCE).until(() -> Files.readString(workerLog).contains(WindowingWorker.STATE_PREFIX + "RUNNING"));
            survivor.start();
            await().atMost(PATIENCE).until(() -> survivor.state() == KafkaStreams.State.RUNNING
                    && assignedPartitions(survivor, config.audioTopic()).size() == 2);
            Set<TopicPartition> workerPartitions = new HashSet<>(audioPartitions);
            workerPartitions.removeAll(assignedPartitions(survivor, config.audioTopic()));

            produce(config, scripts, SpeakerScript::cut, 0);
            await().atMost(PATIENCE).until(() -> committed(config).entrySet().stream()
                    .anyMatch(e -> workerPartitions.contains(e.getKey()) && e.getValue() > 0));
            worker.destroyForcibly();
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await().atMost(PATIENCE).until(() -> survivor.state() == KafkaStreams.State.RUNNING
                    && assignedPartitions(survivor, config.audioTopic()).equals(audioPartitions));
            produce(config, scripts, SpeakerScript::total, SpeakerScript::cut);
            awaitWindows(avatars, expected(scripts));
            survivor.close();
            assertExactlyOnce(avatars, expected(scripts));
        } finally {
            worker.destroyForcibly();
        }
    }

    @Test
    void endOfStreamLeavesNoStateAndTombstonesEveryChunk() throws Exception {
        AvatarStreamConfig config = config("eos", temp.resolve("eos"), 2);
        KAFKA.broker().createTopics(CallfaceTopics.of(config, (short) 1));
        List<SpeakerScript> scripts = List.of(new SpeakerScript("eos-call/a", 420, 120),
                new SpeakerScript("eos-call/b", 300, 200), new SpeakerScript("eos-call/c", 200, 100));

        Map<String, TaskSlot> slots;
        try (KafkaConsumer<String, AvatarEvent> avatars = avatarConsumer(config);
             KafkaStreams instance = streams(config)) {
            instance.start();
            produce(config, scripts, SpeakerScript::cut, 0);
            await().atMost(PATIENCE).ignoreExceptions().until(() -> scripts.stream()
                    .allMatch(s -> chunkKeysOf(instance, config, s.speaker()) == s.cut()
                            && headersOf(instance).contains(s.speaker())));
            slots = slotsOf(instance, config, scripts);

            produce(config, scripts, SpeakerScript::total, SpeakerScript::cut);
            awaitWindows(avatars, expected(scripts));
            await().atMost(PATIENCE).ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
                    .until(() -> entryCount(instance, SpeakerWindowProcessor.CHUNK_STORE) == 0 && headersOf(instance).isEmpty());
            instance.close();
            assertExactlyOnce(avatars, expected(scripts));
        }

        // Every header the changelog kept names the slot the live store showed. The header store is cached, so a
        // put and the delete after it may reach the changelog folded into the tombstone alone.
        Map<String, byte[]> headerChangelog = lastValues(changelog(config, SpeakerWindowProcessor.HEADER_STORE), 2, record -> {
            String speaker = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() != null) {
                assertThat(new TaskSlot(record.partition(), SpeakerHeader.fromBytes(record.value()).slot()))
                        .as("slot in a logged header of %s", speaker).isEqualTo(slots.get(speaker));
            }
            return speaker;
        });
        assertThat(headerChangelog.keySet()).containsExactlyInAnyOrderElementsOf(
                scripts.stream().map(SpeakerScript::speaker).toList());
        assertThat(headerChangelog).allSatisfy((key, value) -> assertThat(value).as("last record of %s", key).isNull());

        Map<StoredKey, byte[]> chunkChangelog = lastValues(changelog(config, SpeakerWindowProcessor.CHUNK_STORE), 2,
                record -> new StoredKey(record.partition(), Bytes.wrap(record.key())));
        Set<StoredKey> chunkKeys = scripts.stream().flatMap(s -> {
            TaskSlot slot = slots.get(s.speaker());
            return IntStream.range(0, s.total()).mapToObj(seq -> new StoredKey(slot.partition(), ChunkKeys.chunk(slot.slot(), seq)));
        }).collect(Collectors.toSet());
        assertThat(chunkChangelog.keySet()).containsExactlyInAnyOrderElementsOf(chunkKeys);
        assertThat(chunkChangelog).allSatisfy((key, value) -> assertThat(value).as("last record of %s", key).isNull());
    }

    // --- configuration and instances

    private static AvatarStreamConfig config(String name, Path stateDir, int partitions) {
        Map<String, Object> values = new HashMap<>();
        values.put(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        values.put(AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url());
        values.put(AvatarStreamConfig.MODEL_DIR_CONFIG, "unused");
        values.put(AvatarStreamConfig.APPLICATION_ID_CONFIG, "windowing-it-" + name);
        values.put(AvatarStreamConfig.STATE_DIR_CONFIG, stateDir.toString());
        values.put(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG, Integer.toString(partitions));
        values.put(AvatarStreamConfig.AUDIO_TOPIC_CONFIG, name + ".audio");
        values.put(AvatarStreamConfig.AVATARS_TOPIC_CONFIG, name + ".avatars");
        values.put(AvatarStreamConfig.DLQ_TOPIC_CONFIG, name + ".dlq");
        values.put(AvatarStreamConfig.MODELS_TOPIC_CONFIG, name + ".models");
        // No idle flush while a test pauses a speaker on purpose.
        values.put(AvatarStreamConfig.SPEAKER_IDLE_TIMEOUT_MS_CONFIG, "600000");
        // Fail-over within seconds: a short session, and a short transaction for the killed instance's to expire.
        values.put(AvatarStreamConfig.KAFKA_PREFIX + "consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "4000");
        values.put(AvatarStreamConfig.KAFKA_PREFIX + "consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        values.put(AvatarStreamConfig.KAFKA_PREFIX + "producer." + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "5000");
        return new AvatarStreamConfig(values);
    }

    private static KafkaStreams streams(AvatarStreamConfig config) {
        SchemaRegistryClient client = config.schemaRegistryClient();
        return new KafkaStreams(AvatarTopology.build(config, FakeAvatars::of, WindowEvents.NONE,
                new AvroSerde<>(client, AudioChunk.class), new AvroSerde<>(client, AvatarEvent.class)),
                StreamsProperties.from(config));
    }

    private static Process startWorker(AvatarStreamConfig config, Path stateDir, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), WindowingWorker.class.getName()));
        config.originals().forEach((key, value) -> command.add(key + "="
                + (AvatarStreamConfig.STATE_DIR_CONFIG.equals(key) ? stateDir : value)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static StateRestoreListener restoredCounter(AtomicLong restored) {
        return new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long count) {
                if (SpeakerWindowProcessor.CHUNK_STORE.equals(store)) {
                    restored.addAndGet(count);
                }
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
            }
        };
    }

    // --- input

    /** Sends chunks [from, to) of every speaker, interleaved as live calls would; the last chunk ends the stream. */
    private static void produce(AvatarStreamConfig config, List<SpeakerScript> scripts,
                                Function<SpeakerScript, Integer> to, Function<SpeakerScript, Integer> from) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // On a just-created topic the broker may answer NOT_LEADER to the first batch while accepting later
        // in-flight ones; the idempotent producer then retries an out-of-order sequence forever. One at a time.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        int longest = scripts.stream().mapToInt(to::apply).max().orElse(0);
        try (KafkaProducer<String, AudioChunk> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerde<>(config.schemaRegistryClient(), AudioChunk.class).serializer())) {
            for (int seq = 0; seq < longest; seq++) {
                for (SpeakerScript script : scripts) {
                    if (seq >= from.apply(script) && seq < to.apply(script)) {
                        String[] ids = script.speaker().split("/");
                        producer.send(new ProducerRecord<>(config.audioTopic(), script.speaker(),
                                TestAudio.voicedChunk(ids[0], ids[1], seq, seq == script.total() - 1)));
                    }
                }
            }
        }
    }

    private static void produce(AvatarStreamConfig config, List<SpeakerScript> scripts,
                                Function<SpeakerScript, Integer> to, int from) {
        produce(config, scripts, to, script -> from);
    }

    /** {@code perPartition} speakers on each of {@code partitions} partitions, as the default partitioner places them. */
    private static List<String> speakersCovering(int partitions, int perPartition, String prefix) {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        for (int i = 0; byPartition.values().stream().mapToInt(List::size).sum() < partitions * perPartition; i++) {
            String speaker = prefix + i + "/p";
            int partition = Utils.toPositive(Utils.murmur2(speaker.getBytes(StandardCharsets.UTF_8))) % partitions;
            List<String> placed = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (placed.size() < perPartition) {
                placed.add(speaker);
            }
        }
        return byPartition.values().stream().flatMap(List::stream).sorted().toList();
    }

    private static Set<WindowKey> expected(List<SpeakerScript> scripts) {
        return scripts.stream().flatMap(s -> s.expectedWindows().stream()).collect(Collectors.toSet());
    }

    // --- offsets and assignment

    private static Set<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).collect(Collectors.toSet());
    }

    private static Map<TopicPartition, Long> committed(AvatarStreamConfig config) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = KAFKA.broker().admin()
                .listConsumerGroupOffsets(config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG))
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Whether the application has committed every audio chunk sent so far. */
    private static boolean committedThroughEnd(AvatarStreamConfig config) throws ExecutionException, InterruptedException {
        Admin admin = KAFKA.broker().admin();
        Set<TopicPartition> audio = partitions(config.audioTopic(), config.getInt(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG));
        var ends = admin.listOffsets(audio.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get();
        Map<TopicPartition, Long> committed = committed(config);
        return audio.stream().allMatch(tp -> committed.getOrDefault(tp, 0L) >= ends.get(tp).offset());
    }

    private static Set<TopicPartition> assignedPartitions(KafkaStreams streams, String topic) {
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic))
                .collect(Collectors.toSet());
    }

    // --- stores

    private static <K> ReadOnlyKeyValueStore<K, byte[]> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, byte[]>keyValueStore()));
    }

    private static long entryCount(KafkaStreams streams, String name) {
        try (KeyValueIterator<Object, byte[]> all = WindowingIT.<Object>store(streams, name).all()) {
            long count = 0;
            for (; all.hasNext(); all.next()) {
                count++;
            }
            return count;
        }
    }

    /** The partition (task) that holds a speaker's state, as the default partitioner places its key. */
    private static int partitionOf(String speaker, AvatarStreamConfig config) {
        return Utils.toPositive(Utils.murmur2(speaker.getBytes(StandardCharsets.UTF_8)))
                % config.getInt(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG);
    }

    private static SpeakerHeader headerOf(KafkaStreams streams, AvatarStreamConfig config, String speaker) {
        byte[] header = streams.store(StoreQueryParameters.fromNameAndType(SpeakerWindowProcessor.HEADER_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore()).withPartition(partitionOf(speaker, config))).get(speaker);
        assertThat(header).as("header of %s", speaker).isNotNull();
        return SpeakerHeader.fromBytes(header);
    }

    private static Map<String, TaskSlot> slotsOf(KafkaStreams streams, AvatarStreamConfig config, List<SpeakerScript> scripts) {
        return scripts.stream().collect(Collectors.toMap(SpeakerScript::speaker,
                s -> new TaskSlot(partitionOf(s.speaker(), config), headerOf(streams, config, s.speaker()).slot())));
    }

    /** The speaker's entries in the chunk store, found by the slot in its header. */
    private static long chunkKeysOf(KafkaStreams streams, AvatarStreamConfig config, String speaker) {
        int slot = headerOf(streams, config, speaker).slot();
        try (KeyValueIterator<Bytes, byte[]> range = streams.store(StoreQueryParameters.fromNameAndType(
                        SpeakerWindowProcessor.CHUNK_STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                .withPartition(partitionOf(speaker, config))).range(ChunkKeys.first(slot), ChunkKeys.last(slot))) {
            long count = 0;
            for (; range.hasNext(); range.next()) {
                count++;
            }
            return count;
        }
    }

    private static Set<String> headersOf(KafkaStreams streams) {
        Set<String> speakers = new HashSet<>();
        try (KeyValueIterator<String, byte[]> all = WindowingIT.<String>store(streams, SpeakerWindowProcessor.HEADER_STORE).all()) {
            all.forEachRemaining(entry -> speakers.add(entry.key));
        }
        return speakers;
    }

    private static String changelog(AvatarStreamConfig config, String store) {
        return config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG) + "-" + store + "-changelog";
    }

    /** The committed changelog, compacted by hand: each key's last value ({@code null} for a tombstone). */
    private static <K> Map<K, byte[]> lastValues(String topic, int partitions,
                                                 Function<ConsumerRecord<byte[], byte[]>, K> keys) {
        Map<K, byte[]> last = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions(topic, partitions));
            consumer.seekToBeginning(consumer.assignment());
            readToEnd(consumer, record -> last.put(keys.apply(record), record.value()));
        }
        return last;
    }

    // --- output

    private static KafkaConsumer<String, AvatarEvent> avatarConsumer(AvatarStreamConfig config) {
        Deserializer<AvatarEvent> values = new AvroSerde<>(config.schemaRegistryClient(), AvatarEvent.class).deserializer();
        KafkaConsumer<String, AvatarEvent> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), values);
        consumer.assign(partitions(config.avatarsTopic(), config.getInt(AvatarStreamConfig.TOPIC_PARTITIONS_CONFIG)));
        consumer.seekToBeginning(consumer.assignment());
        return consumer;
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "windowing-it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    /** Waits until every expected window has been committed. */
    private static void awaitWindows(KafkaConsumer<String, AvatarEvent> avatars, Set<WindowKey> expected) {
        Set<WindowKey> seen = new HashSet<>();
        await().atMost(PATIENCE).until(() -> {
            avatars.poll(Duration.ofMillis(200)).forEach(r -> seen.add(windowKey(r)));
            return seen.containsAll(expected);
        });
    }

    /** Reads all committed avatars: each expected window once, nothing else. */
    private static void assertExactlyOnce(KafkaConsumer<String, AvatarEvent> avatars, Set<WindowKey> expected) {
        avatars.seekToBeginning(avatars.assignment());
        List<WindowKey> committed = new ArrayList<>();
        readToEnd(avatars, record -> committed.add(windowKey(record)));
        assertThat(committed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    private static WindowKey windowKey(ConsumerRecord<String, AvatarEvent> record) {
        AvatarEvent avatar = record.value();
        assertThat(record.key()).isEqualTo(avatar.getCallId() + "/" + avatar.getParticipantId());
        return new WindowKey(record.key(), avatar.getWindowIndex(), avatar.getProvisional(), avatar.getEndOfStream());
    }

    private static <K, V> void readToEnd(KafkaConsumer<K, V> consumer,
                                         java.util.function.Consumer<ConsumerRecord<K, V>> action) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        await().atMost(PATIENCE).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(action);
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
    }
}
