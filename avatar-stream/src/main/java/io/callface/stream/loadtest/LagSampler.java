package io.callface.stream.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples the stream processor's consumer lag on the audio topic (end offsets minus the group's committed
 * offsets, summed over partitions) at a fixed interval. A processor that keeps up shows a lag of a few commit
 * intervals' worth of chunks; one that falls behind shows it growing.
 */
public final class LagSampler implements AutoCloseable {
    /** One lag reading, {@code elapsedMs} after sampling started. */
    public record Sample(long elapsedMs, long lag) {
    }

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "callface-load-lag");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();

    public LagSampler(Admin admin, String groupId, String topic, Duration interval) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
        timer.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            long lag = lag();
            synchronized (samples) {
                samples.add(new Sample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), lag));
            }
        } catch (ExecutionException | RuntimeException e) {
            // The group may not exist yet while the application starts: no sample then.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The group's current lag on the topic. */
    public long lag() throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()))).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
