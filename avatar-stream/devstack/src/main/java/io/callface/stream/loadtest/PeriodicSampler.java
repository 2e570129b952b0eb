package io.callface.stream.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Takes a reading at a fixed interval on its own daemon thread and keeps them all, in order.
 *
 * @param <S> one reading
 */
final class PeriodicSampler<S> implements AutoCloseable {
    private final List<S> samples = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private final long startNanos = System.nanoTime();

    /**
     * @param read given the milliseconds since sampling started, a reading, or empty when there is none this time
     */
    PeriodicSampler(String threadName, Duration interval, LongFunction<Optional<S>> read) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> read.apply(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
                .ifPresent(this::add), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void add(S sample) {
        synchronized (samples) {
            samples.add(sample);
        }
    }

    List<S> samples() {
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
