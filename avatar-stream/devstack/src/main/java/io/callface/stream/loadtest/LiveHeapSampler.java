package io.callface.stream.loadtest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Measures the live heap at a fixed interval: forces a full collection ({@link MemoryMXBean#gc()}) and reads the
 * heap in use right after it. A memory pool's usage after its latest collection is not the same quantity from one
 * reading to the next: G1 collects its old generation for the first time at an unpredictable point of a run, and
 * that pool's figure jumps there once. The heap left by a full collection is what a leak grows, at every reading.
 * Each reading costs one full-collection pause: fine for a soak, not for a latency run.
 */
public final class LiveHeapSampler implements AutoCloseable {
    /** The heap in use after a full collection, {@code elapsedMs} after sampling started. */
    public record Sample(long elapsedMs, long liveBytes, long collectMs) {
    }

    private final PeriodicSampler<Sample> sampler;

    /** @throws IllegalStateException when the JVM ignores explicit collections, so no reading could be trusted */
    public LiveHeapSampler(Duration interval) {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC")) {
            throw new IllegalStateException("-XX:+DisableExplicitGC: the live heap is measured after an explicit full "
                    + "collection, which this JVM ignores; run without that flag");
        }
        sampler = new PeriodicSampler<>("callface-load-live-heap", interval, elapsedMs -> Optional.of(collect(elapsedMs)));
    }

    private static Sample collect(long elapsedMs) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        memory.gc();
        long collectMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return new Sample(elapsedMs, memory.getHeapMemoryUsage().getUsed(), collectMs);
    }

    public List<Sample> samples() {
        return sampler.samples();
    }

    @Override
    public void close() {
        sampler.close();
    }
}
