package io.callface.stream.web;

import io.callface.avro.AvatarEvent;
import io.callface.stream.window.SpeakerId;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of the avatar topic (one consumer per instance, no consumer group, from the end:
 * pages load the current state from the API first) and sends each new avatar to the Server-Sent-Event
 * clients watching its call. The consumer must read committed records only, so aborted avatars never show.
 */
public final class AvatarBroadcaster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AvatarBroadcaster.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** A comment line now and then lets proxies keep the stream open and shows dead clients. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Consumer<String, AvatarEvent> consumer;
    private final String topic;
    private final Map<String, Set<SseClient>> clientsByCall = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public AvatarBroadcaster(Consumer<String, AvatarEvent> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
        this.thread = new Thread(this::run, "callface-avatar-broadcaster");
        thread.setDaemon(true);
        thread.start();
    }

    /** Keeps {@code client} open and sends it the call's new avatars until it disconnects. */
    void subscribe(String callId, SseClient client) {
        Set<SseClient> clients = clientsByCall.computeIfAbsent(callId, id -> ConcurrentHashMap.newKeySet());
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.keepAlive();
        client.sendComment("watching call " + callId);
    }

    /** How many clients watch the call now. */
    public int watching(String callId) {
        return clientsByCall.getOrDefault(callId, Set.of()).size();
    }

    private void run() {
        try {
            assignAllPartitions();
            long nextHeartbeat = System.currentTimeMillis() + HEARTBEAT.toMillis();
            while (running.get()) {
                for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(POLL)) {
                    if (record.value() != null) {
                        broadcast(record.value());
                    } else {
                        broadcastRemoval(record.key());
                    }
                }
                if (System.currentTimeMillis() >= nextHeartbeat) {
                    clientsByCall.values().forEach(clients -> clients.forEach(c -> c.sendComment("heartbeat")));
                    nextHeartbeat = System.currentTimeMillis() + HEARTBEAT.toMillis();
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: normal shutdown.
        } catch (RuntimeException e) {
            LOG.error("The live avatar feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    /** Waits for the topic to exist (the app may start before it is created), then reads it from the end. */
    private void assignAllPartitions() {
        List<PartitionInfo> partitions = List.of();
        while (running.get() && partitions.isEmpty()) {
            try {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            } catch (TimeoutException e) {
                LOG.info("Waiting for topic {} to appear", topic);
            }
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
    }

    /** A tombstone: the speaker withdrew consent, so viewers drop the tile. */
    private void broadcastRemoval(String key) {
        SpeakerId speaker;
        try {
            speaker = SpeakerId.parse(key);
        } catch (RuntimeException e) {
            return; // not a speaker key: nothing any viewer shows
        }
        Set<SseClient> clients = clientsByCall.get(speaker.callId());
        if (clients != null) {
            clients.forEach(client -> client.sendEvent("removed", Map.of("participantId", speaker.participantId())));
        }
    }

    private void broadcast(AvatarEvent event) {
        Set<SseClient> clients = clientsByCall.get(event.getCallId());
        if (clients == null || clients.isEmpty()) {
            return;
        }
        AvatarView view = AvatarView.withEmbeddedFace(event);
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent("avatar", view);
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
