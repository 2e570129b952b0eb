package io.callface.stream.web;

import io.callface.avro.AvatarEvent;
import io.callface.stream.topology.LatestAvatarProcessor;
import io.callface.stream.window.SpeakerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries of the latest-avatar store: what this instance holds, and which instance holds a key.
 * Throws {@link StoreUnavailableException} while Kafka Streams is starting or rebalancing.
 */
public final class AvatarDirectory {
    private static final StringSerializer KEYS = new StringSerializer();

    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    /**
     * Starts answering from {@code streams}. The HTTP server starts first (its port is part of
     * {@code application.server}), so queries before this answer 503.
     *
     * @param self this instance's {@code application.server}
     */
    public void attach(KafkaStreams streams, HostInfo self) {
        this.self = self;
        this.streams = streams;
    }

    public HostInfo self() {
        return self;
    }

    /** The speaker's latest avatar if this instance holds it. */
    public Optional<AvatarEvent> localAvatar(SpeakerId speaker) {
        return Optional.ofNullable(store().get(speaker.key()));
    }

    /** Latest avatars of the call's participants held by this instance. */
    public List<AvatarEvent> localCall(String callId) {
        List<AvatarEvent> avatars = new ArrayList<>();
        try (KeyValueIterator<String, AvatarEvent> range = store().prefixScan(callId + "/", KEYS)) {
            range.forEachRemaining(entry -> avatars.add(entry.value));
        }
        return avatars;
    }

    /** Every latest avatar held by this instance. */
    public List<AvatarEvent> localAll() {
        List<AvatarEvent> avatars = new ArrayList<>();
        try (KeyValueIterator<String, AvatarEvent> all = store().all()) {
            all.forEachRemaining(entry -> avatars.add(entry.value));
        }
        return avatars;
    }

    /** The instance whose active task holds the speaker's key. */
    public HostInfo ownerOf(SpeakerId speaker) {
        KeyQueryMetadata metadata = running().queryMetadataForKey(LatestAvatarProcessor.STORE, speaker.key(), KEYS);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StoreUnavailableException("no instance owns " + speaker.key() + " yet (rebalancing)");
        }
        return metadata.activeHost();
    }

    /** Every other instance that holds part of the store. */
    public List<HostInfo> otherInstances() {
        return running().streamsMetadataForStore(LatestAvatarProcessor.STORE).stream()
                .map(StreamsMetadata::hostInfo).filter(host -> !host.equals(self)).distinct().toList();
    }

    private ReadOnlyKeyValueStore<String, AvatarEvent> store() {
        try {
            return running().store(StoreQueryParameters.fromNameAndType(LatestAvatarProcessor.STORE,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("the latest-avatar store is not queryable now: " + e.getMessage());
        }
    }

    private KafkaStreams running() {
        KafkaStreams current = streams;
        if (current == null || !current.state().isRunningOrRebalancing()) {
            throw new StoreUnavailableException("Kafka Streams is not running yet");
        }
        return current;
    }
}
