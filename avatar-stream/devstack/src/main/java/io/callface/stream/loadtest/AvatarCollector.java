package io.callface.stream.loadtest;

import io.callface.avro.AvatarEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads the avatar topic ({@code read_committed}, every partition, from its end at construction) for one run's
 * speakers and keeps: how often each output record ({@link WindowKey}) was committed, the end-to-end latency
 * of each window (from the end of its last chunk's capture, which the generator sent in real time, to the
 * avatar being readable here), and each speaker's first avatar.
 */
public final class AvatarCollector implements AutoCloseable {
    private static final long MAX_LATENCY_MS = TimeUnit.MINUTES.toMillis(10);

    private final Consumer<String, AvatarEvent> consumer;
    private final String speakerPrefix;
    private final Map<WindowKey, Integer> seen = new ConcurrentHashMap<>();
    private final Map<String, Long> firstAvatarEpochMs = new ConcurrentHashMap<>();
    private final Histogram latencyMs = new ConcurrentHistogram(MAX_LATENCY_MS, 3);
    private final Histogram inAppMs = new ConcurrentHistogram(MAX_LATENCY_MS, 3);
    /** Each window's end (epoch ms) and latency, so that a part of the run can be looked at on its own. */
    private final Queue<WindowLatency> windowLatencies = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * @param speakerPrefix only avatars whose key starts with this count (a run's {@link LoadPlan#runId()})
     */
    public AvatarCollector(Consumer<String, AvatarEvent> consumer, String topic, String speakerPrefix) {
        this.consumer = consumer;
        this.speakerPrefix = speakerPrefix;
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the run sends anything
        thread = new Thread(this::run, "callface-load-avatars");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void accept(ConsumerRecord<String, AvatarEvent> record, long nowMs) {
        AvatarEvent event = record.value();
        if (event == null || record.key() == null || !record.key().startsWith(speakerPrefix)) {
            return;
        }
        WindowKey key = WindowKey.of(event);
        seen.merge(key, 1, Integer::sum);
        firstAvatarEpochMs.putIfAbsent(key.speaker(), nowMs);
        if (!key.endOfStream()) {
            long windowEndMs = event.getWindowEnd().toEpochMilli();
            long latency = Math.min(MAX_LATENCY_MS, Math.max(0, nowMs - windowEndMs));
            latencyMs.recordValue(latency);
            windowLatencies.add(new WindowLatency(windowEndMs, latency));
            inAppMs.recordValue(Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(event.getTimings().getEndToEndMs()))));
        }
    }

    /** Whether every key in {@code expected} has been read at least once. */
    public boolean hasAll(Set<WindowKey> expected) {
        throwIfFailed();
        return seen.keySet().containsAll(expected);
    }

    /** A copy of the committed output so far: each record identity and how often it came. */
    public Map<WindowKey, Integer> seen() {
        throwIfFailed();
        return new HashMap<>(seen);
    }

    /** Wall-clock time each speaker's first avatar was read. */
    public Map<String, Long> firstAvatarEpochMs() {
        return new HashMap<>(firstAvatarEpochMs);
    }

    /** End-to-end latency of every window except end-of-stream repeats, in milliseconds. */
    public Histogram latencyMs() {
        return latencyMs;
    }

    /** End-to-end latency, in milliseconds, of the windows (except end-of-stream repeats) that ended at or after {@code fromEpochMs}. */
    public Histogram latencyMsOfWindowsEndingFrom(long fromEpochMs) {
        Histogram histogram = new Histogram(MAX_LATENCY_MS, 3);
        for (WindowLatency window : windowLatencies) {
            if (window.endEpochMs() >= fromEpochMs) {
                histogram.recordValue(window.latencyMs());
            }
        }
        return histogram;
    }

    /**
     * End-to-end latency of the windows by when they ended, in consecutive spans of {@code spanMs} from
     * {@code fromEpochMs}: where in a run its tail came from.
     */
    public List<Histogram> latencyMsBySpan(long fromEpochMs, long spanMs) {
        List<Histogram> spans = new ArrayList<>();
        for (WindowLatency window : windowLatencies) {
            int span = (int) (Math.max(0, window.endEpochMs() - fromEpochMs) / spanMs);
            while (spans.size() <= span) {
                spans.add(new Histogram(MAX_LATENCY_MS, 3));
            }
            spans.get(span).recordValue(window.latencyMs());
        }
        return spans;
    }

    private record WindowLatency(long endEpochMs, long latencyMs) {
    }

    /**
     * The part of each window's latency spent inside the stream processor ({@code timings.endToEndMs}: from the
     * processing of its last chunk to the avatar being produced), in milliseconds; the rest is Kafka's (the chunk
     * waiting to be consumed, the transaction commit, the avatar being fetched).
     */
    public Histogram inAppMs() {
        return inAppMs;
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("reading avatars failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
