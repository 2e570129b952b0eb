package io.callface.stream.window.bench;

import static org.awaitility.Awaitility.await;

import io.callface.avro.AudioChunk;
import io.callface.avro.AvatarEvent;
import io.callface.serde.AvroSerde;
import io.callface.serde.SchemaRegistryClient;
import io.callface.serde.SchemaRegistryClients;
import io.callface.stream.app.StreamsProperties;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.embedded.EmbeddedKafkaBroker;
import io.callface.stream.testing.FakeAvatars;
import io.callface.stream.testing.TestAudio;
import io.callface.stream.topology.AvatarTopology;
import io.callface.stream.window.SpeakerWindowProcessor;
import io.callface.stream.window.WindowEvents;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Measures the windowing stage on an in-process broker, each figure against a baseline from the same run:
 * changelog bytes per audio byte (vs. a naive growing-byte[] aggregate, with short and with UUID-pair speaker
 * ids), chunk throughput (vs. a pass-through topology, under at-least-once and exactly-once v2, as the median of
 * same-round ratios) and heap per active speaker. Prints a Markdown report with the load average at start and end.
 *
 * <pre>
 * ./mvnw -B -pl avatar-stream/processor -am test-compile
 * ./mvnw -B -pl avatar-stream/processor exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath io.callface.stream.window.bench.WindowingBenchmark"
 * </pre>
 */
public final class WindowingBenchmark {
    private static final int PARTITIONS = 4;
    /** Throughput input: long enough that a run's measured interval is several seconds. */
    private static final int SPEAKERS = 64;
    private static final int CHUNKS_PER_SPEAKER = 4 * TestAudio.CHUNKS_PER_WINDOW;
    /** One unreported round first (JIT, page cache), then the measured ones. */
    private static final int WARM_UP_ROUNDS = 1;
    private static final int ROUNDS = 7;
    /** Changelog input: two full 6 s windows per speaker, once with short ids and once with UUID-pair ids. */
    private static final int CHANGELOG_SPEAKERS = 32;
    private static final int CHANGELOG_CHUNKS = 2 * TestAudio.CHUNKS_PER_WINDOW;
    private static final int HEAP_SPEAKERS = 100;
    /** Just short of a full window: the most audio a speaker ever holds. */
    private static final int HEAP_CHUNKS = TestAudio.CHUNKS_PER_WINDOW - 10;
    private static final int PAYLOAD_BYTES = TestAudio.CHUNK_SAMPLES * 2;
    private static final String AUDIO_TOPIC = "bench.audio";
    private static final String SHORT_ID_AUDIO_TOPIC = "bench.short-ids.audio";
    private static final String LONG_ID_AUDIO_TOPIC = "bench.long-ids.audio";
    private static final String HEAP_AUDIO_TOPIC = "bench.heap.audio";
    /** Without a cache the naive aggregate writes ~29 MB per window: a few speakers show the ratio. */
    private static final String UNCACHED_AUDIO_TOPIC = "bench.uncached.audio";
    private static final int UNCACHED_SPEAKERS = 4;
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    private final EmbeddedKafkaBroker broker;
    private final Path stateRoot;
    private final String registryUrl = "mock://windowing-benchmark-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl);
    private final Serde<AudioChunk> audioSerde = new AvroSerde<>(registry, AudioChunk.class);
    /** The voiced payload of each chunk sequence, the same for every speaker (it takes a while to synthesise). */
    private final Map<Integer, byte[]> payloads = new HashMap<>();

    /**
     * One run: the application it ran as (its changelogs are named after it), its throughput, and the CPU time
     * its stream thread spent per chunk over the same interval (unlike throughput, not stretched when other
     * processes take the CPU; broker and client I/O threads are not in it).
     */
    record Run(String applicationId, double chunksPerSecond, double streamCpuMicrosPerChunk) {
    }

    /** Bytes in a changelog: on disk (compressed batches, as the broker stores them) and as raw keys + values. */
    record ChangelogBytes(long records, long logBytes, long keyValueBytes) {
    }

    /** The topologies a throughput round runs over the same input, back to back. */
    enum Contender {
        PASS_THROUGH("P"), WINDOWING("W"), PASS_THROUGH_BYTES("B");

        private final String letter;

        Contender(String letter) {
            this.letter = letter;
        }
    }

    /** One round: every contender's run, and the order they ran in. */
    record Round(List<Contender> order, Map<Contender, Run> runs) {
        double rate(Contender contender) {
            return runs.get(contender).chunksPerSecond();
        }

        double cpu(Contender contender) {
            return runs.get(contender).streamCpuMicrosPerChunk();
        }

        /** Stream-thread CPU per chunk, pass-through over windowing: the throughput ratio if that thread were all. */
        double cpuRatio() {
            return cpu(Contender.PASS_THROUGH) / cpu(Contender.WINDOWING);
        }

        double ratio() {
            return rate(Contender.WINDOWING) / rate(Contender.PASS_THROUGH);
        }

        double bytesRatio() {
            return rate(Contender.WINDOWING) / rate(Contender.PASS_THROUGH_BYTES);
        }

        String orderLetters() {
            return String.join("", order.stream().map(c -> c.letter).toList());
        }
    }

    /** How speakers of an input topic are named. */
    enum SpeakerIds {
        /** {@code <topic>-call-<n>/p}: 30 or 31 characters here. */
        SHORT,
        /** {@code <uuid>/<uuid>}: 73 characters, as platforms that use UUIDs for calls and participants send. */
        UUID_PAIR
    }

    private WindowingBenchmark(EmbeddedKafkaBroker broker, Path stateRoot) {
        this.broker = broker;
        this.stateRoot = stateRoot;
    }

    public static void main(String[] args) throws Exception {
        Path stateRoot = Files.createTempDirectory("windowing-benchmark");
        // No compaction while we count what was written to the changelogs.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults()
                .withBrokerProperties(Map.of("log.cleaner.enable", "false")))) {
            new WindowingBenchmark(broker, stateRoot).report();
        }
    }

    private void report() throws Exception {
        String loadAtStart = loadAverage();
        long started = System.nanoTime();
        broker.createTopics(List.of(new NewTopic(AUDIO_TOPIC, PARTITIONS, (short) 1),
                new NewTopic(SHORT_ID_AUDIO_TOPIC, PARTITIONS, (short) 1), new NewTopic(LONG_ID_AUDIO_TOPIC, PARTITIONS, (short) 1),
                new NewTopic(HEAP_AUDIO_TOPIC, PARTITIONS, (short) 1), new NewTopic(UNCACHED_AUDIO_TOPIC, PARTITIONS, (short) 1)));
        long chunks = produce(AUDIO_TOPIC, SPEAKERS, CHUNKS_PER_SPEAKER, true, SpeakerIds.SHORT);
        long shortIdChunks = produce(SHORT_ID_AUDIO_TOPIC, CHANGELOG_SPEAKERS, CHANGELOG_CHUNKS, true, SpeakerIds.SHORT);
        long longIdChunks = produce(LONG_ID_AUDIO_TOPIC, CHANGELOG_SPEAKERS, CHANGELOG_CHUNKS, true, SpeakerIds.UUID_PAIR);
        long uncachedChunks = produce(UNCACHED_AUDIO_TOPIC, UNCACHED_SPEAKERS, TestAudio.CHUNKS_PER_WINDOW, true, SpeakerIds.SHORT);

        StringBuilder out = new StringBuilder();
        out.append(String.format("Machine: %d CPUs (%s), %s %s; broker, clients and app in one JVM, 1 stream thread%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version")));
        out.append("Load average (1, 5, 15 min) at start: ").append(loadAtStart).append("\n");

        out.append(throughput(chunks));
        out.append(changelogs(shortIdChunks, longIdChunks, uncachedChunks));
        out.append(heapPerSpeaker());
        out.append(String.format("%nLoad average at end: %s; wall time %.0f s%n", loadAverage(),
                (System.nanoTime() - started) / 1e9));
        System.out.println("\n" + out);
    }

    // --- throughput

    /**
     * Pass-through (same Avro serdes), windowing and a raw-bytes pass-through over the same input, back to back
     * in each round so that a round's ratios see one machine load; the order rotates between rounds so none
     * always runs first (on a warmer or colder machine). The figure that counts is the median of the rounds' own
     * windowing / pass-through ratios.
     */
    private String throughput(long chunks) throws Exception {
        StringBuilder out = new StringBuilder(String.format("Workload: %d speakers x %d chunks of 20 ms PCM16 (%d chunks, "
                + "%.1f MB audio payload), %d input partitions, commit.interval.ms=100, lz4 producer compression%n%n",
                SPEAKERS, CHUNKS_PER_SPEAKER, chunks, chunks * PAYLOAD_BYTES / 1e6, PARTITIONS));
        out.append("### Throughput (").append(WARM_UP_ROUNDS).append(" warm-up + ").append(ROUNDS)
                .append(" measured rounds; chunks/s)\n\n")
                .append("P = pass-through with the Avro serdes, W = windowing, B = pass-through of raw bytes. Each round runs "
                        + "both guarantees (alternating which first), each as P, W, B in an order that rotates by round.\n\n")
                .append("| guarantee | P (median) | W (median) | B (median) | per-round W/P (order) | "
                        + "median W/P (goal >= 0.7) | median W/B | stream-thread CPU us/chunk P, W, B (medians) | "
                        + "median CPU ratio P/W |\n|---|---|---|---|---|---|---|---|---|\n");
        List<String> guarantees = List.of(StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2);
        Map<String, List<Round>> rounds = new HashMap<>();
        String load = null;
        for (int round = 1 - WARM_UP_ROUNDS; round <= ROUNDS; round++) {
            if (round == 1) {
                load = loadAverage();
            }
            List<String> guaranteeOrder = new ArrayList<>(guarantees);
            Collections.rotate(guaranteeOrder, Math.floorMod(round, guaranteeOrder.size()));
            for (String guarantee : guaranteeOrder) {
                String suffix = guarantee.replace('_', '-') + "-" + (round < 1 ? "warm-up" : round);
                List<Contender> order = new ArrayList<>(List.of(Contender.values()));
                Collections.rotate(order, Math.floorMod(round, order.size()));
                Map<Contender, Run> runs = new EnumMap<>(Contender.class);
                for (Contender contender : order) {
                    String applicationId = contender.name().toLowerCase().replace('_', '-') + "-" + suffix;
                    runs.put(contender, run(applicationId, guarantee, AUDIO_TOPIC, chunks, Map.of(), config -> switch (contender) {
                        case PASS_THROUGH -> BaselineTopologies.passThrough(AUDIO_TOPIC, config.avatarsTopic(), audioSerde);
                        case WINDOWING -> windowing(config);
                        case PASS_THROUGH_BYTES -> BaselineTopologies.passThroughBytes(AUDIO_TOPIC, config.avatarsTopic());
                    }));
                    deleteTopicsOf(applicationId);
                }
                if (round >= 1) {
                    rounds.computeIfAbsent(guarantee, g -> new ArrayList<>()).add(new Round(order, runs));
                }
            }
        }
        for (String guarantee : guarantees) {
            List<Round> measured = rounds.get(guarantee);
            out.append(String.format("| %s | %.0f | %.0f | %.0f | %s | **%.2f** | %.2f | %.1f, %.1f, %.1f | %.2f |%n", guarantee,
                    median(measured.stream().map(r -> r.rate(Contender.PASS_THROUGH)).toList()),
                    median(measured.stream().map(r -> r.rate(Contender.WINDOWING)).toList()),
                    median(measured.stream().map(r -> r.rate(Contender.PASS_THROUGH_BYTES)).toList()),
                    String.join(", ", measured.stream().map(r -> String.format("%.2f (%s)", r.ratio(), r.orderLetters())).toList()),
                    median(measured.stream().map(Round::ratio).toList()),
                    median(measured.stream().map(Round::bytesRatio).toList()),
                    median(measured.stream().map(r -> r.cpu(Contender.PASS_THROUGH)).toList()),
                    median(measured.stream().map(r -> r.cpu(Contender.WINDOWING)).toList()),
                    median(measured.stream().map(r -> r.cpu(Contender.PASS_THROUGH_BYTES)).toList()),
                    median(measured.stream().map(Round::cpuRatio).toList())));
        }
        out.append(String.format("%nLoad average over the measured rounds: %s at the start, %s at the end%n", load, loadAverage()));
        return out.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    // --- changelog bytes

    private String changelogs(long shortIdChunks, long longIdChunks, long uncachedChunks) throws Exception {
        Run shortIds = run("windowing-short-ids", StreamsConfig.EXACTLY_ONCE_V2, SHORT_ID_AUDIO_TOPIC, shortIdChunks,
                Map.of(), this::windowing);
        Run longIds = run("windowing-uuid-pair-ids", StreamsConfig.EXACTLY_ONCE_V2, LONG_ID_AUDIO_TOPIC, longIdChunks,
                Map.of(), this::windowing);
        Run naive = run("naive-aggregate-exactly-once-v2", StreamsConfig.EXACTLY_ONCE_V2, SHORT_ID_AUDIO_TOPIC, shortIdChunks,
                Map.of(), config -> BaselineTopologies.naiveAggregate(SHORT_ID_AUDIO_TOPIC, config.avatarsTopic(), audioSerde));
        Run uncached = run("naive-aggregate-uncached-exactly-once-v2", StreamsConfig.EXACTLY_ONCE_V2, UNCACHED_AUDIO_TOPIC,
                uncachedChunks, Map.of(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0"),
                config -> BaselineTopologies.naiveAggregate(UNCACHED_AUDIO_TOPIC, config.avatarsTopic(), audioSerde));
        long audioBytes = shortIdChunks * PAYLOAD_BYTES;
        ChangelogBytes chunkLog = changelog(shortIds.applicationId(), SpeakerWindowProcessor.CHUNK_STORE);
        ChangelogBytes longChunkLog = changelog(longIds.applicationId(), SpeakerWindowProcessor.CHUNK_STORE);
        ChangelogBytes headerLog = changelog(shortIds.applicationId(), SpeakerWindowProcessor.HEADER_STORE);
        ChangelogBytes longHeaderLog = changelog(longIds.applicationId(), SpeakerWindowProcessor.HEADER_STORE);
        ChangelogBytes naiveLog = changelog(naive.applicationId(), BaselineTopologies.NAIVE_STORE);
        ChangelogBytes uncachedLog = changelog(uncached.applicationId(), BaselineTopologies.NAIVE_STORE);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n### Changelog bytes per byte of audio payload (exactly_once_v2, %d speakers x %d chunks)%n%n",
                        CHANGELOG_SPEAKERS, CHANGELOG_CHUNKS))
                .append("| store | speaker ids | records | on-disk log bytes / audio byte | key+value bytes / audio byte |\n"
                        + "|---|---|---|---|---|\n")
                .append(changelogRow("windowing chunk store (goal <= 1.1)", "short (" + (SHORT_ID_AUDIO_TOPIC + "-call-0/p").length() + "-" + (SHORT_ID_AUDIO_TOPIC + "-call-10/p").length() + " chars)", chunkLog, audioBytes))
                .append(changelogRow("windowing chunk store (goal <= 1.1)", "UUID pair (73 chars)", longChunkLog,
                        longIdChunks * PAYLOAD_BYTES))
                .append(changelogRow("windowing header store", "short", headerLog, audioBytes))
                .append(changelogRow("windowing header store", "UUID pair", longHeaderLog, longIdChunks * PAYLOAD_BYTES))
                .append(changelogRow("naive growing byte[] aggregate (default 10 MB cache)", "short", naiveLog, audioBytes))
                .append(changelogRow("naive growing byte[] aggregate, cache off (" + UNCACHED_SPEAKERS + " speakers x "
                        + TestAudio.CHUNKS_PER_WINDOW + " chunks)", "short", uncachedLog, uncachedChunks * PAYLOAD_BYTES));
        out.append(String.format("%nChunk store vs. naive aggregate (short ids): %.1fx fewer on-disk bytes, %.1fx fewer "
                        + "key+value bytes%n", naiveLog.logBytes() / (double) chunkLog.logBytes(),
                naiveLog.keyValueBytes() / (double) chunkLog.keyValueBytes()));
        out.append(String.format("(naive aggregate, exactly_once_v2: %.0f chunks/s; windowing on the same input: %.0f chunks/s)%n",
                naive.chunksPerSecond(), shortIds.chunksPerSecond()));
        return out.toString();
    }

    // --- runs

    private AvatarStreamConfig config(String applicationId, String guarantee, String inputTopic, Map<String, String> streamsOverrides) {
        Map<String, Object> values = new HashMap<>();
        values.put(AvatarStreamConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        values.put(AvatarStreamConfig.SCHEMA_REGISTRY_URL_CONFIG, registryUrl);
        values.put(AvatarStreamConfig.MODEL_DIR_CONFIG, "unused");
        values.put(AvatarStreamConfig.APPLICATION_ID_CONFIG, applicationId);
        values.put(AvatarStreamConfig.STATE_DIR_CONFIG, stateRoot.resolve(applicationId).toString());
        values.put(AvatarStreamConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        values.put(AvatarStreamConfig.AUDIO_TOPIC_CONFIG, inputTopic);
        values.put(AvatarStreamConfig.AVATARS_TOPIC_CONFIG, applicationId + ".out");
        values.put(AvatarStreamConfig.SPEAKER_IDLE_TIMEOUT_MS_CONFIG, "600000");
        // Both guarantees commit as often, so committed offsets show progress the same way.
        values.put(AvatarStreamConfig.KAFKA_PREFIX + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        streamsOverrides.forEach((key, value) -> values.put(AvatarStreamConfig.KAFKA_PREFIX + key, value));
        return new AvatarStreamConfig(values);
    }

    private Topology windowing(AvatarStreamConfig config) {
        return AvatarTopology.build(config, FakeAvatars::of, WindowEvents.NONE, audioSerde,
                new AvroSerde<>(registry, AvatarEvent.class));
    }

    /**
     * Runs a topology over the whole input and returns its rate between the first and the last commit it made,
     * so start-up and rebalancing do not count.
     */
    private Run run(String applicationId, String guarantee, String inputTopic, long chunks, Map<String, String> streamsOverrides,
                    Function<AvatarStreamConfig, Topology> topology) {
        AvatarStreamConfig config = config(applicationId, guarantee, inputTopic, streamsOverrides);
        broker.createTopics(List.of(new NewTopic(config.avatarsTopic(), PARTITIONS, (short) 1)));
        AtomicLong firstNanos = new AtomicLong();
        AtomicLong firstCommitted = new AtomicLong();
        AtomicLong lastNanos = new AtomicLong();
        AtomicLong firstCpuNanos = new AtomicLong();
        AtomicLong lastCpuNanos = new AtomicLong();
        try (KafkaStreams streams = new KafkaStreams(topology.apply(config), StreamsProperties.from(config))) {
            streams.start();
            await().atMost(RUN_LIMIT).pollInterval(Duration.ofMillis(20)).until(() -> {
                long committed = committed(applicationId);
                long now = System.nanoTime();
                long cpu = streamThreadCpuNanos(applicationId);
                if (firstNanos.get() == 0 && committed > 0) {
                    firstNanos.set(now);
                    firstCommitted.set(committed);
                    firstCpuNanos.set(cpu);
                }
                lastNanos.set(now);
                lastCpuNanos.set(cpu);
                return committed >= chunks;
            });
        }
        double seconds = (lastNanos.get() - firstNanos.get()) / 1e9;
        long measured = chunks - firstCommitted.get();
        return new Run(applicationId, measured / seconds, (lastCpuNanos.get() - firstCpuNanos.get()) / 1e3 / measured);
    }

    /** CPU time so far of the application's stream threads (not its producer or consumer I/O threads). */
    private static long streamThreadCpuNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(applicationId + "-")
                    && thread.getThreadName().matches(".*-StreamThread-\\d+")) {
                cpu += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }

    private long committed(String applicationId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = broker.admin().listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** Sends {@code chunks} voiced chunks for each of {@code speakers}, interleaved; returns how many were sent. */
    private long produce(String topic, int speakers, int chunks, boolean endStreams, SpeakerIds ids) {
        List<String[]> names = IntStream.range(0, speakers).mapToObj(speaker -> ids == SpeakerIds.SHORT
                ? new String[] {topic + "-call-" + speaker, "p"}
                : new String[] {UUID.randomUUID().toString(), UUID.randomUUID().toString()}).toList();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // A just-created topic may refuse the first batch and accept later in-flight ones: keep them in order.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<String, AudioChunk> producer = new KafkaProducer<>(props, new StringSerializer(),
                audioSerde.serializer())) {
            for (int seq = 0; seq < chunks; seq++) {
                byte[] payload = payloads.computeIfAbsent(seq, s -> TestAudio.pcm16(TestAudio.voiced(s, 1)));
                for (String[] name : names) {
                    producer.send(new ProducerRecord<>(topic, name[0] + "/" + name[1],
                            TestAudio.chunk(name[0], name[1], seq, payload, endStreams && seq == chunks - 1)));
                }
            }
        }
        return (long) speakers * chunks;
    }

    private ChangelogBytes changelog(String applicationId, String store) throws ExecutionException, InterruptedException {
        String topic = applicationId + "-" + store + "-changelog";
        long logBytes = broker.admin().describeLogDirs(List.of(broker.admin().describeCluster().controller().get().id()))
                .allDescriptions().get().values().stream()
                .flatMap(dirs -> dirs.values().stream())
                .flatMap(dir -> dir.replicaInfos().entrySet().stream())
                .filter(e -> e.getKey().topic().equals(topic))
                .map(Map.Entry::getValue).mapToLong(ReplicaInfo::size).sum();
        long records = 0;
        long keyValueBytes = 0;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    keyValueBytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                }
            }
        }
        return new ChangelogBytes(records, logBytes, keyValueBytes);
    }

    private static String changelogRow(String name, String ids, ChangelogBytes bytes, long audioBytes) {
        return String.format("| %s | %s | %d | %.3f | %.3f |%n", name, ids, bytes.records(),
                bytes.logBytes() / (double) audioBytes, bytes.keyValueBytes() / (double) audioBytes);
    }

    // --- heap

    /** Used heap after GC with {@value #HEAP_SPEAKERS} speakers each holding an almost full window, minus before. */
    private String heapPerSpeaker() throws Exception {
        AvatarStreamConfig config = config("windowing-heap", StreamsConfig.EXACTLY_ONCE_V2, HEAP_AUDIO_TOPIC, Map.of());
        broker.createTopics(List.of(new NewTopic(config.avatarsTopic(), PARTITIONS, (short) 1)));
        String applicationId = config.getString(AvatarStreamConfig.APPLICATION_ID_CONFIG);
        try (KafkaStreams streams = new KafkaStreams(windowing(config), StreamsProperties.from(config))) {
            streams.start();
            await().atMost(RUN_LIMIT).ignoreExceptions().until(() -> streams.state() == KafkaStreams.State.RUNNING
                    && storeBytes(streams) == 0);
            long before = usedHeapAfterGc();
            long chunks = produce(HEAP_AUDIO_TOPIC, HEAP_SPEAKERS, HEAP_CHUNKS, false, SpeakerIds.SHORT);
            await().atMost(RUN_LIMIT).until(() -> committed(applicationId) >= chunks);
            long after = usedHeapAfterGc();
            long stored = storeBytes(streams);
            return String.format("%n### Heap per active speaker (%d speakers, each %d chunks = %.1f s into a window)%n%n"
                    + "| measure | bytes per speaker |%n|---|---|%n"
                    + "| audio payload held | %d |%n| chunk store keys + values (interactive query) | %d |%n"
                    + "| used heap after GC, delta / speakers | %d |%n"
                    + "%nHeap per speaker / audio held: %.2f%n",
                    HEAP_SPEAKERS, HEAP_CHUNKS, HEAP_CHUNKS * 0.02, (long) HEAP_CHUNKS * PAYLOAD_BYTES,
                    stored / HEAP_SPEAKERS, (after - before) / HEAP_SPEAKERS,
                    (after - before) / (double) HEAP_SPEAKERS / ((long) HEAP_CHUNKS * PAYLOAD_BYTES));
        }
    }

    private static long storeBytes(KafkaStreams streams) {
        long bytes = 0;
        try (KeyValueIterator<Bytes, byte[]> all = streams.store(StoreQueryParameters.fromNameAndType(
                SpeakerWindowProcessor.CHUNK_STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())).all()) {
            while (all.hasNext()) {
                var entry = all.next();
                bytes += entry.key.get().length + entry.value.length;
            }
        }
        return bytes;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Drops a finished run's output and changelog topics, so that many rounds do not fill the page cache. */
    private void deleteTopicsOf(String applicationId) throws ExecutionException, InterruptedException {
        Set<String> topics = broker.admin().listTopics().names().get().stream()
                .filter(topic -> topic.startsWith(applicationId + "-") || topic.equals(applicationId + ".out"))
                .collect(Collectors.toSet());
        broker.admin().deleteTopics(topics).all().get();
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.exists(loadavg)) {
            return "n/a";
        }
        String[] fields = Files.readString(loadavg).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(System.getProperty("os.arch"));
    }
}
