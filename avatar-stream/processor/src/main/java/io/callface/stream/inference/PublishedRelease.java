package io.callface.stream.inference;

import io.callface.avro.ModelRelease;
import java.util.Comparator;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A {@link ModelRelease} as read from the models topic, with the record it came in.
 *
 * @param record  the record (for its coordinates and timestamp)
 * @param release the decoded release
 */
record PublishedRelease(ConsumerRecord<byte[], byte[]> record, ModelRelease release) {
    /** Newest first: by record timestamp, then position, since releases may sit on several partitions. */
    static final Comparator<PublishedRelease> NEWEST_FIRST = Comparator
            .comparingLong((PublishedRelease p) -> p.record().timestamp())
            .thenComparingInt(p -> p.record().partition())
            .thenComparingLong(p -> p.record().offset())
            .reversed();

    PublishedRelease {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(release, "release");
    }

    /** {@code topic-partition@offset}, for log lines. */
    String coordinates() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
