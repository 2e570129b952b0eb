package io.callface.stream.metrics;

import io.callface.stream.inference.BatchListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The inference batcher as Micrometer meters: {@code callface.inference.batch} (timer: encoder plus decoder run
 * of each batch) and {@code callface.inference.batch.size} (distribution of windows per batch).
 */
public final class MicrometerBatchListener implements BatchListener {
    private final Timer runs;
    private final DistributionSummary sizes;

    public MicrometerBatchListener(MeterRegistry registry) {
        runs = Timer.builder("callface.inference.batch").description("Encoder and decoder run time per batch")
                .publishPercentileHistogram().register(registry);
        sizes = DistributionSummary.builder("callface.inference.batch.size").description("Windows per inference batch")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32).register(registry);
    }

    @Override
    public void batchRan(int size, long runNanos) {
        runs.record(runNanos, TimeUnit.NANOSECONDS);
        sizes.record(size);
    }
}
