package io.callface.stream.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callface.avro.AvatarEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Consumes the avatar topic and writes each avatar as {@code <dir>/<call>/<participant>/window-<n>.png}
 * plus a {@code .json} beside it with the cartoon features and the caller's attributes (null when the model has no
 * attribute head), so a person can look at the demo's output.
 */
public final class AvatarFileSink implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final org.apache.kafka.clients.consumer.Consumer<String, AvatarEvent> consumer;
    private final Path directory;
    private final Consumer<Path> onAvatar;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger written = new AtomicInteger();
    private final Thread thread;

    public AvatarFileSink(org.apache.kafka.clients.consumer.Consumer<String, AvatarEvent> consumer, String topic,
                          Path directory, Consumer<Path> onAvatar) {
        this.consumer = consumer;
        this.directory = directory;
        this.onAvatar = onAvatar;
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, "callface-avatar-files");
        thread.setDaemon(true);
        thread.start();
    }

    public int written() {
        return written.get();
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, AvatarEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) { // a tombstone: the speaker withdrew consent
                        onAvatar.accept(write(record.value()));
                        written.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: normal shutdown.
        } finally {
            consumer.close();
        }
    }

    Path write(AvatarEvent event) {
        Path dir = directory.resolve(safe(event.getCallId())).resolve(safe(event.getParticipantId()));
        Path png = dir.resolve("window-" + event.getWindowIndex() + (event.getProvisional() ? "-provisional" : "") + ".png");
        try {
            Files.createDirectories(dir);
            ByteBuffer image = event.getFaceImagePng();
            byte[] bytes = new byte[image.remaining()];
            image.duplicate().get(bytes);
            Files.write(png, bytes);
            JSON.writeValue(png.resolveSibling(png.getFileName().toString().replace(".png", ".json")).toFile(), summary(event));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write avatar to " + png, e);
        }
        return png;
    }

    private static Map<String, Object> summary(AvatarEvent event) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("callId", event.getCallId());
        map.put("participantId", event.getParticipantId());
        map.put("windowIndex", event.getWindowIndex());
        map.put("provisional", event.getProvisional());
        map.put("modelVersion", event.getModelVersion());
        // Avro records print themselves as JSON; embed them as objects, not strings.
        map.put("measures", JSON.readTree(event.getMeasures().toString()));
        map.put("colours", JSON.readTree(event.getColours().toString()));
        map.put("timings", JSON.readTree(event.getTimings().toString()));
        map.put("attributes", event.getAttributes() == null ? null : JSON.readTree(event.getAttributes().toString()));
        return map;
    }

    /** Ids come from callers: keep them from escaping the output directory. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
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
