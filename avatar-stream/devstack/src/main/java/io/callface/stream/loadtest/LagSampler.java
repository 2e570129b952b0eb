package io.callface.stream.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
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
    private final PeriodicSampler<Sample> sampler;

    public LagSampler(Admin admin, String groupId, String topic, Duration interval) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
        this.sampler = new PeriodicSampler<>("callface-load-lag", interval, this::sample);
    }

    private Optional<Sample> sample(long elapsedMs) {
        try {
            return Optional.of(new Sample(elapsedMs, lag()));
        } catch (ExecutionException | RuntimeException e) {
            return Optional.empty(); // the group may not exist yet while the application starts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
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
        return sampler.samples();
    }

    @Override
    public void close() {
        sampler.close();
    }
}
