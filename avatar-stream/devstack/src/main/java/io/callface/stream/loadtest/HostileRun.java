package io.callface.stream.loadtest;

import io.callface.avro.DeadLetter;
import io.callface.serde.AvroDeserializer;
import io.callface.stream.config.AvatarStreamConfig;
import io.callface.stream.synth.VoiceLoops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * The hostile-input run: a load run of valid participants with bad records of every {@link BadRecordKind}
 * spread evenly over it, against the in-process application of a {@link BenchStack}. Afterwards every bad record
 * is accounted for by its offset (a dead letter naming it), a drop counter or Kafka's refusal; the valid
 * participants' windows must all arrive exactly once and the application must never stop.
 */
public final class HostileRun {
    private static final String CHUNKS_IN = "callface_chunks_in_total";
    private static final String DROPPED = "callface_chunks_dropped_total";
    private static final String WINDOWS_FAILED = "callface_windows_failed_total";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /**
     * @param badRecords how many bad records to send
     * @param kinds      which kinds, sent in turn
     * @param seed       makes the records reproducible
     */
    public record Settings(int badRecords, List<BadRecordKind> kinds, long seed) {
        public Settings {
            kinds = List.copyOf(kinds);
            if (badRecords < 1 || kinds.isEmpty()) {
                throw new IllegalArgumentException("badRecords: " + badRecords + " and kinds " + kinds + " must be positive and non-empty");
            }
        }
    }

    private record Sent(BadRecordKind kind, Future<RecordMetadata> metadata) {
    }

    private HostileRun() {
    }

    public static HostileResult run(BenchStack stack, LoadPlan plan, VoiceLoops loops, Settings settings,
                                    LoadRun.Options options) throws InterruptedException {
        AvatarStreamConfig config = stack.config();
        int httpPort = stack.app().httpPort();
        MetricsScrape before = MetricsScrape.of(httpPort);
        HostileRecords records = new HostileRecords(config.audioTopic(), plan.runId(), config.schemaRegistryClient(), settings.seed());
        List<Sent> sent = new ArrayList<>();
        AtomicLong precursors = new AtomicLong();
        LoadResult load;
        try (KafkaProducer<byte[], byte[]> producer = stack.clients().rawProducer()) {
            load = LoadRun.run(stack.clients(), plan, loops, options, () -> {
                long spacingNanos = plan.duration().toNanos() / settings.badRecords();
                long start = System.nanoTime();
                for (int n = 0; n < settings.badRecords(); n++) {
                    long wait = start + n * spacingNanos - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    BadRecordKind kind = settings.kinds().get(n % settings.kinds().size());
                    for (ProducerRecord<byte[], byte[]> precursor : records.precursors(kind, n)) {
                        producer.send(precursor);
                        precursors.incrementAndGet();
                    }
                    sent.add(new Sent(kind, producer.send(records.make(kind, n))));
                }
                producer.flush();
            });
        }
        Map<BadRecordKind, Long> counts = new EnumMap<>(BadRecordKind.class);
        sent.forEach(s -> counts.merge(s.kind(), 1L, Long::sum));
        Map<Long, BadRecordKind> deadLetterOffsets = new HashMap<>();
        Map<BadRecordKind, Long> refused = new EnumMap<>(BadRecordKind.class);
        Map<BadRecordKind, String> examples = new EnumMap<>(BadRecordKind.class);
        for (Sent s : sent) {
            try {
                RecordMetadata metadata = s.metadata().get();
                if (s.kind().fate() == BadRecordKind.Fate.DEAD_LETTER) {
                    deadLetterOffsets.put(offsetKey(metadata.partition(), metadata.offset()), s.kind());
                }
            } catch (ExecutionException e) {
                if (s.kind().fate() == BadRecordKind.Fate.REFUSED_BY_KAFKA && e.getCause() instanceof RecordTooLargeException) {
                    refused.merge(s.kind(), 1L, Long::sum);
                    examples.putIfAbsent(s.kind(), "refused: " + e.getCause().getMessage());
                } else {
                    throw new IllegalStateException("a " + s.kind() + " record could not be sent: " + e.getCause(), e.getCause());
                }
            }
        }
        Map<BadRecordKind, Long> deadLettered = new EnumMap<>(BadRecordKind.class);
        long validDeadLettered = readDeadLetters(stack, deadLetterOffsets, deadLettered, examples);

        long chunksInExpected = load.chunksSent() + precursors.get()
                + sent.stream().filter(s -> s.kind().countedAsChunkIn()).count();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        MetricsScrape after = MetricsScrape.of(httpPort);
        while (delta(before, after, CHUNKS_IN, "") < chunksInExpected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            after = MetricsScrape.of(httpPort);
        }
        long duplicateDrops = delta(before, after, DROPPED, "reason=\"duplicate\"");
        long noConsentDrops = delta(before, after, DROPPED, "reason=\"no_consent\"");

        List<HostileResult.Tally> tallies = new ArrayList<>();
        for (BadRecordKind kind : settings.kinds()) {
            long count = counts.getOrDefault(kind, 0L);
            long accounted = switch (kind.fate()) {
                case DEAD_LETTER -> deadLettered.getOrDefault(kind, 0L);
                // Valid traffic never repeats a sequence nor lacks consent: the counters are these records' alone.
                case DROPPED_DUPLICATE -> duplicateDrops;
                case DROPPED_NO_CONSENT -> noConsentDrops;
                case REFUSED_BY_KAFKA -> refused.getOrDefault(kind, 0L);
            };
            String example = examples.getOrDefault(kind, switch (kind.fate()) {
                case DROPPED_DUPLICATE -> "counted: " + duplicateDrops + " duplicate drops";
                case DROPPED_NO_CONSENT -> "counted: " + noConsentDrops + " no-consent drops";
                default -> "";
            });
            tallies.add(new HostileResult.Tally(kind, count, accounted, example));
        }
        return new HostileResult(load, tallies, validDeadLettered, chunksInExpected,
                delta(before, after, CHUNKS_IN, ""), delta(before, after, WINDOWS_FAILED, ""), stack.neverStopped());
    }

    /**
     * Reads the dead-letter topic until every expected offset is found (or {@link #SETTLE} passes), tallying
     * per kind; returns how many letters from the audio topic point at no hostile record.
     */
    private static long readDeadLetters(BenchStack stack, Map<Long, BadRecordKind> expected,
                                        Map<BadRecordKind, Long> found, Map<BadRecordKind, String> examples) {
        AvatarStreamConfig config = stack.config();
        AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(config.schemaRegistryClient(), DeadLetter.class);
        Map<Long, BadRecordKind> missing = new HashMap<>(expected);
        long strays = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = stack.clients().rawConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.dlqTopic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = letters.deserialize(record.topic(), record.value());
                    if (!config.audioTopic().equals(letter.getSourceTopic())) {
                        continue;
                    }
                    BadRecordKind kind = missing.remove(offsetKey(letter.getSourcePartition(), letter.getSourceOffset()));
                    if (kind == null) {
                        strays++;
                    } else if (!letter.getReason().isBlank()) {
                        found.merge(kind, 1L, Long::sum);
                        examples.putIfAbsent(kind, letter.getReason());
                    }
                }
            }
        }
        return strays;
    }

    private static long offsetKey(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    private static long delta(MetricsScrape before, MetricsScrape after, String name, String labels) {
        return Math.round(after.sum(name, labels) - before.sum(name, labels));
    }
}
