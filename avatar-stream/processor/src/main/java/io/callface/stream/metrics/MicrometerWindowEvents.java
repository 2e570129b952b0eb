package io.callface.stream.metrics;

import io.callface.stream.window.WindowEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The windowing stage's counters as Micrometer meters: {@code callface.chunks.in},
 * {@code callface.chunks.dropped{reason}}, {@code callface.chunks.lost}, {@code callface.windows.emitted{kind}},
 * {@code callface.windows.failed}, the end-to-end timer {@code callface.window.latency} (last chunk processed
 * to avatar handed on: spectrogram, batching, inference, features) and the gauge {@code callface.speakers.active}
 * (speakers with state on this instance).
 */
public final class MicrometerWindowEvents implements WindowEvents {
    private final Counter chunksIn;
    private final Map<Drop, Counter> dropped = new EnumMap<>(Drop.class);
    private final Counter lost;
    private final Counter provisional;
    private final Counter full;
    private final Counter failed;
    private final Timer latency;
    private final AtomicLong activeSpeakers = new AtomicLong();

    public MicrometerWindowEvents(MeterRegistry registry) {
        chunksIn = Counter.builder("callface.chunks.in").description("Audio chunks read").register(registry);
        for (Drop reason : Drop.values()) {
            dropped.put(reason, Counter.builder("callface.chunks.dropped").tag("reason", reason.name().toLowerCase())
                    .description("Audio chunks not buffered, by reason").register(registry));
        }
        lost = Counter.builder("callface.chunks.lost").description("Chunks never received within the reorder window")
                .register(registry);
        provisional = Counter.builder("callface.windows.emitted").tag("kind", "provisional")
                .description("Avatars published, by window kind").register(registry);
        full = Counter.builder("callface.windows.emitted").tag("kind", "full")
                .description("Avatars published, by window kind").register(registry);
        failed = Counter.builder("callface.windows.failed").description("Windows whose avatar could not be made")
                .register(registry);
        latency = Timer.builder("callface.window.latency").description("Window's last chunk to its avatar")
                .publishPercentileHistogram().register(registry);
        registry.gauge("callface.speakers.active", activeSpeakers);
    }

    @Override
    public void chunkIn() {
        chunksIn.increment();
    }

    @Override
    public void chunkDropped(Drop reason) {
        dropped.get(reason).increment();
    }

    @Override
    public void chunksLost(long count) {
        lost.increment(count);
    }

    @Override
    public void windowEmitted(boolean isProvisional) {
        (isProvisional ? provisional : full).increment();
    }

    @Override
    public void windowLatency(long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void windowFailed() {
        failed.increment();
    }

    @Override
    public void speakerStarted() {
        activeSpeakers.incrementAndGet();
    }

    @Override
    public void speakerEnded() {
        activeSpeakers.decrementAndGet();
    }
}
