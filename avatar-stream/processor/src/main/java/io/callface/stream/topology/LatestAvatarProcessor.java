package io.callface.stream.topology;

import io.callface.avro.AvatarEvent;
import io.callface.stream.window.SpeakerWindowProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every speaker's latest avatar in {@link #STORE} (key {@code callId/participantId}) for interactive
 * queries, and turns the window stage's end-of-stream marker (a record with a null value) into an avatar
 * event: the speaker's latest avatar again, with {@code endOfStream} set. A withdrawal of consent (the same
 * marker with {@link SpeakerWindowProcessor#CONSENT_WITHDRAWN_HEADER}) deletes the speaker's avatar here and
 * publishes a tombstone, so no face of a speaker without consent stays queryable. Avatars pass through
 * unchanged.
 * Ended speakers are dropped from the store once their last window is older than the retention.
 */
public final class LatestAvatarProcessor implements FixedKeyProcessor<String, AvatarEvent, AvatarEvent> {
    /** The latest-avatar store; a constant so its changelog topic keeps its name across releases. */
    public static final String STORE = "callface-latest-avatars";

    private static final Duration PURGE_INTERVAL = Duration.ofSeconds(30);

    private final Duration endedRetention;
    private FixedKeyProcessorContext<String, AvatarEvent> context;
    private KeyValueStore<String, AvatarEvent> latest;

    public LatestAvatarProcessor(Duration endedRetention) {
        this.endedRetention = endedRetention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AvatarEvent> context) {
        this.context = context;
        this.latest = context.getStateStore(STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::purgeEnded);
    }

    @Override
    public void process(FixedKeyRecord<String, AvatarEvent> record) {
        AvatarEvent event = record.value();
        if (event == null && record.headers().lastHeader(SpeakerWindowProcessor.CONSENT_WITHDRAWN_HEADER) != null) {
            if (latest.get(record.key()) != null) {
                latest.delete(record.key());
                context.forward(record.withHeaders(new RecordHeaders()));
            }
            return;
        }
        if (event == null) {
            AvatarEvent last = latest.get(record.key());
            if (last == null || last.getEndOfStream()) {
                return; // the speaker never got an avatar, or its end was already published
            }
            event = AvatarEvent.newBuilder(last).setEndOfStream(true).build();
        }
        latest.put(record.key(), event);
        context.forward(record.withValue(event));
    }

    private void purgeEnded(long now) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, AvatarEvent> all = latest.all()) {
            while (all.hasNext()) {
                KeyValue<String, AvatarEvent> entry = all.next();
                AvatarEvent event = entry.value;
                if (event.getEndOfStream() && now - event.getWindowEnd().toEpochMilli() > endedRetention.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(latest::delete);
    }
}
